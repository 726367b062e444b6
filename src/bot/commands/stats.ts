import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { IN_SERVERS_ONLY } from './install-contexts.js';

/** The permission `/stats` needs, as `/reload`: Discord hides the command from others, and the handler checks again. */
export const STATS_PERMISSION = PermissionFlagsBits.ManageGuild;

/** The period `/stats` covers when `days` is not given. */
export const DEFAULT_STATS_DAYS = 30;

/** `/stats [days]`: this server's questions, what went unanswered, and the report as a file. */
export const statsCommand = {
  type: ApplicationCommandType.ChatInput,
  name: 'stats',
  description: 'What members asked here and what went unanswered, with the full report (Manage Server only)',
  default_member_permissions: STATS_PERMISSION.toString(),
  ...IN_SERVERS_ONLY,
  options: [
    {
      type: ApplicationCommandOptionType.Integer,
      name: 'days',
      description: `The last this many days (default ${DEFAULT_STATS_DAYS})`,
      required: false,
      min_value: 1,
      max_value: 3650,
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
