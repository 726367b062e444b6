import { ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { IN_SERVERS_AND_BOT_DMS } from './install-contexts.js';

/** `/sources`: the articles in the corpus. */
export const sourcesCommand = {
  type: ApplicationCommandType.ChatInput,
  name: 'sources',
  description: 'List the articles I can answer from: title, date, link and size',
  ...IN_SERVERS_AND_BOT_DMS,
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
