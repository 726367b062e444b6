import { ApplicationCommandType, type RESTPostAPIContextMenuApplicationCommandsJSONBody } from 'discord.js';

/** Message command (right-click a message > Apps): that message's text becomes the question. */
export const findInArticlesCommand = {
  type: ApplicationCommandType.Message,
  name: 'Find in articles',
} as const satisfies RESTPostAPIContextMenuApplicationCommandsJSONBody;
