import { ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { IN_SERVERS_AND_BOT_DMS } from './install-contexts.js';

/** `/help`: what the bot does and how to ask. */
export const helpCommand = {
  type: ApplicationCommandType.ChatInput,
  name: 'help',
  description: 'What this bot does and how to ask it about the articles',
  ...IN_SERVERS_AND_BOT_DMS,
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
