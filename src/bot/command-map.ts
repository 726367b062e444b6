import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import { slashCommand, messageCommand, type CommandRoute } from './command-route.js';
import { addCommand } from './commands/add.js';
import { askCommand } from './commands/ask.js';
import { findInArticlesCommand } from './commands/find-in-articles.js';
import { helpCommand } from './commands/help.js';
import { reloadCommand } from './commands/reload.js';
import { sourcesCommand } from './commands/sources.js';
import { statsCommand } from './commands/stats.js';
import { handleAddCommand } from './handlers/add-command.js';
import { handleArticleAutocomplete } from './handlers/article-autocomplete.js';
import { handleAskCommand } from './handlers/ask-command.js';
import { handleFindInArticlesCommand } from './handlers/find-in-articles-command.js';
import { handleHelpCommand } from './handlers/help-command.js';
import { handleReloadCommand } from './handlers/reload-command.js';
import { handleSourcesCommand } from './handlers/sources-command.js';
import { handleStatsCommand } from './handlers/stats-command.js';

/**
 * Every command, in the order `deploy-commands` registers them. Adding a command is its
 * definition (`commands/`), its handler (`handlers/`) and one entry here.
 */
const routes: readonly CommandRoute[] = [
  slashCommand(askCommand, handleAskCommand, { article: handleArticleAutocomplete }),
  slashCommand(sourcesCommand, handleSourcesCommand),
  slashCommand(helpCommand, handleHelpCommand),
  slashCommand(reloadCommand, handleReloadCommand),
  slashCommand(addCommand, handleAddCommand),
  slashCommand(statsCommand, handleStatsCommand),
  messageCommand(findInArticlesCommand, handleFindInArticlesCommand),
];

/** What dispatch looks an interaction's command name up in. */
export const commandMap: ReadonlyMap<string, CommandRoute> = new Map(routes.map((route) => [route.definition.name, route]));

/** Every command's definition, as registered by `npm run deploy-commands`. */
export const commandDefinitions: readonly RESTPostAPIApplicationCommandsJSONBody[] = routes.map((route) => route.definition);
