/**
 * What the page reads from the playground server (`page-server.ts`): Discord's own message and
 * command objects, as the Discord-compatible server stores them, and the page's state. Only the
 * fields the page shows are listed. Types for the page's JavaScript (checked with `// @ts-check`).
 */

export interface PageUser {
  id: string;
  username: string;
  global_name?: string | null;
  bot?: boolean;
}

export interface PageEmbed {
  title?: string;
  url?: string;
  description?: string;
  color?: number;
  timestamp?: string;
  author?: { name?: string; url?: string };
  fields?: { name?: string; value?: string; inline?: boolean }[];
  footer?: { text?: string };
  image?: { url?: string };
  thumbnail?: { url?: string };
}

export interface PageComponent {
  type: number;
  components?: PageComponent[];
  style?: number;
  label?: string;
  emoji?: { name?: string | null; id?: string | null };
  custom_id?: string;
  url?: string;
  disabled?: boolean;
}

export interface PageMessage {
  id: string;
  type: number;
  channel_id: string;
  guild_id?: string;
  author: PageUser;
  content: string;
  timestamp: string;
  edited_timestamp: string | null;
  embeds: PageEmbed[];
  components: PageComponent[];
  attachments: { filename?: string }[];
  flags: number;
  interaction?: { id: string; type: number; name: string; user: PageUser };
  /** Set on a reply: the message it replies to. */
  message_reference?: { message_id?: string };
  /** On a reply: the message replied to as it was, or null when it was deleted. */
  referenced_message?: PageMessage | null;
}

export interface PageMessageChange {
  kind: 'create' | 'update' | 'delete';
  message: PageMessage;
}

export interface PageCommandOption {
  type: number;
  name: string;
  description?: string;
  required?: boolean;
  autocomplete?: boolean;
  min_length?: number;
  max_length?: number;
}

export interface PageCommand {
  id: string;
  type: number;
  name: string;
  description: string;
  options?: PageCommandOption[];
  default_member_permissions: string | null;
  contexts?: number[] | null;
  dm_permission?: boolean;
}

/** What the page shows before anyone types (`src/playground/welcome.ts`). */
export interface PageWelcome {
  articleCount: number;
  sentenceCount: number;
  articles: { title: string; date: string | null; sentences: number }[];
  problemCount: number;
  problems: { severity: 'error' | 'warning'; where: string; message: string }[];
  howItMatches: string;
  examples: string[];
}

export interface PageState {
  you: PageUser;
  bot: PageUser;
  guild: { id: string; name: string };
  channel: { id: string; name: string };
  dm: { id: string };
  commands: PageCommand[];
  manageServer: boolean;
  /** The last 50 messages of the channel and of the DM, oldest first. */
  messages: PageMessage[];
  /** Whether the channel and the DM have earlier messages (`GET /messages`). */
  earlier: { channel: boolean; dm: boolean };
  /** Null while the bot is still starting. */
  welcome: PageWelcome | null;
}

/** `GET /messages?where=…&before=…`: up to 50 messages before the one named, oldest first. */
export interface PageEarlierMessages {
  messages: PageMessage[];
  hasEarlier: boolean;
}

export interface AutocompleteChoice {
  name: string;
  value: string | number;
}
