import { ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';

/** `/sources`: the articles in the corpus. */
export const sourcesCommand = {
  type: ApplicationCommandType.ChatInput,
  name: 'sources',
  description: 'List the articles I can answer from: title, date, link and size',
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
