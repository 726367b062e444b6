import { ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';

/** `/help`: what the bot does and how to ask. */
export const helpCommand = {
  type: ApplicationCommandType.ChatInput,
  name: 'help',
  description: 'What this bot does and how to ask it about the articles',
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
