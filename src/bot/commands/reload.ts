import { ApplicationCommandType, PermissionFlagsBits, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { IN_SERVERS_ONLY } from './install-contexts.js';

/** The permission `/reload` needs; Discord hides the command from others, and the handler checks again. */
export const RELOAD_PERMISSION = PermissionFlagsBits.ManageGuild;

/** `/reload`: rebuild the index from the corpus folder without a restart. */
export const reloadCommand = {
  type: ApplicationCommandType.ChatInput,
  name: 'reload',
  description: 'Reload the articles from the corpus folder (Manage Server only)',
  default_member_permissions: RELOAD_PERMISSION.toString(),
  ...IN_SERVERS_ONLY,
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
