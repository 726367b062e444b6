import { ApplicationCommandType, type RESTPostAPIContextMenuApplicationCommandsJSONBody } from 'discord.js';
import { IN_SERVERS_AND_BOT_DMS } from './install-contexts.js';

/** Message command (right-click a message > Apps): that message's text becomes the question. */
export const findInArticlesCommand = {
  type: ApplicationCommandType.Message,
  name: 'Find in articles',
  ...IN_SERVERS_AND_BOT_DMS,
} as const satisfies RESTPostAPIContextMenuApplicationCommandsJSONBody;
