import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import { askCommand } from './ask.js';
import { findInArticlesCommand } from './find-in-articles.js';
import { helpCommand } from './help.js';
import { reloadCommand } from './reload.js';
import { sourcesCommand } from './sources.js';

export { askCommand, findInArticlesCommand, helpCommand, reloadCommand, sourcesCommand };

/** Every command, as registered by `npm run deploy-commands`. */
export const commandDefinitions: readonly RESTPostAPIApplicationCommandsJSONBody[] = [
  askCommand,
  sourcesCommand,
  helpCommand,
  reloadCommand,
  findInArticlesCommand,
];
