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

export interface PageState {
  you: PageUser;
  bot: PageUser;
  guild: { id: string; name: string };
  channel: { id: string; name: string };
  dm: { id: string };
  commands: PageCommand[];
  manageServer: boolean;
  messages: PageMessage[];
}

export interface AutocompleteChoice {
  name: string;
  value: string | number;
}
