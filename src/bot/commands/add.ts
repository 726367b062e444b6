import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { IN_SERVERS_ONLY } from './install-contexts.js';

/** The permission `/add` needs, as `/reload`: Discord hides the command from others, and the handler checks again. */
export const ADD_PERMISSION = PermissionFlagsBits.ManageGuild;

/** Longest address accepted (browsers handle about 2,000 characters reliably). */
export const MAX_URL_LENGTH = 2000;

/** `/add url:<url>`: fetch a news article (or a feed's articles) into the corpus and reload. */
export const addCommand = {
  type: ApplicationCommandType.ChatInput,
  name: 'add',
  description: 'Add a news article from the web to the articles I answer from (Manage Server only)',
  default_member_permissions: ADD_PERMISSION.toString(),
  ...IN_SERVERS_ONLY,
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'url',
      description: 'The article’s address (http or https), or an RSS / Atom feed’s to add the articles it lists',
      required: true,
      min_length: 8,
      max_length: MAX_URL_LENGTH,
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
