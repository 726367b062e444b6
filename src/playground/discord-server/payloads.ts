/**
 * The subset of Discord API v10 object shapes this server sends and reads. Field names are
 * Discord's (snake_case) because these objects go over the wire unchanged.
 */

export interface ApiUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: string | null;
  bot?: boolean;
  system?: boolean;
  flags?: number;
  public_flags?: number;
}

export interface ApiRole {
  id: string;
  name: string;
  color: number;
  hoist: boolean;
  icon: string | null;
  unicode_emoji: string | null;
  position: number;
  permissions: string;
  managed: boolean;
  mentionable: boolean;
  flags: number;
  tags?: { bot_id?: string };
}

/** A guild member; `user` is left out where Discord leaves it out (MESSAGE_CREATE). */
export interface ApiMember {
  user?: ApiUser;
  nick: string | null;
  avatar: string | null;
  roles: string[];
  joined_at: string;
  premium_since: string | null;
  deaf: boolean;
  mute: boolean;
  flags: number;
  pending: boolean;
  communication_disabled_until: string | null;
  /** Only in interactions: the member's resolved permissions in the channel. */
  permissions?: string;
}

export interface ApiChannel {
  id: string;
  type: number;
  guild_id?: string;
  name?: string;
  position?: number;
  permission_overwrites?: unknown[];
  topic?: string | null;
  nsfw?: boolean;
  last_message_id?: string | null;
  rate_limit_per_user?: number;
  parent_id?: string | null;
  recipients?: ApiUser[];
  flags?: number;
  /** Only in interactions: the invoking member's permissions in this channel. */
  permissions?: string;
}

export interface ApiMessageReference {
  type?: number;
  message_id?: string;
  channel_id?: string;
  guild_id?: string;
  fail_if_not_exists?: boolean;
}

export interface ApiMessage {
  id: string;
  type: number;
  channel_id: string;
  guild_id?: string;
  author: ApiUser;
  member?: ApiMember;
  content: string;
  timestamp: string;
  edited_timestamp: string | null;
  tts: boolean;
  mention_everyone: boolean;
  mentions: ApiUser[];
  mention_roles: string[];
  attachments: unknown[];
  embeds: unknown[];
  components: unknown[];
  pinned: boolean;
  flags: number;
  webhook_id?: string;
  application_id?: string;
  message_reference?: ApiMessageReference;
  referenced_message?: ApiMessage | null;
  /** Real gateway MESSAGE_CREATE carries it; discord.js needs it to build an uncached DM channel. */
  channel_type?: number;
  /** On a message that answers an interaction: which interaction, and who used it. */
  interaction_metadata?: ApiInteractionMetadata;
  /** Deprecated by Discord in favour of `interaction_metadata`, still sent for commands: it names the command. */
  interaction?: { id: string; type: number; name: string; user: ApiUser };
}

export interface ApiInteractionMetadata {
  id: string;
  type: number;
  user: ApiUser;
  authorizing_integration_owners: Record<string, string>;
  /** On a follow-up: the interaction's first reply. */
  original_response_message_id?: string;
  /** On an answer to a button: the message the button is on. */
  interacted_message_id?: string;
  /** On an answer to a message command: the message it was used on. */
  target_message_id?: string;
}

/** An application command option as it appears in interaction data. */
export interface ApiCommandOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  options?: ApiCommandOption[];
  focused?: boolean;
}

export interface ApiInteractionData {
  id?: string;
  name?: string;
  type?: number;
  guild_id?: string;
  options?: ApiCommandOption[];
  target_id?: string;
  resolved?: {
    messages?: Record<string, ApiMessage>;
    users?: Record<string, ApiUser>;
    members?: Record<string, ApiMember>;
  };
  custom_id?: string;
  component_type?: number;
  values?: string[];
}

export interface ApiInteraction {
  id: string;
  application_id: string;
  type: number;
  token: string;
  version: 1;
  data: ApiInteractionData;
  guild_id?: string;
  guild?: { id: string; locale: string; features: string[] };
  channel_id: string;
  channel: ApiChannel;
  member?: ApiMember;
  user?: ApiUser;
  message?: ApiMessage;
  app_permissions: string;
  locale: string;
  guild_locale?: string;
  entitlements: unknown[];
  authorizing_integration_owners: Record<string, string>;
  context: number;
  attachment_size_limit: number;
}

/** An application command as registered by the bot and returned with ids. */
export interface ApiApplicationCommand {
  id: string;
  application_id: string;
  guild_id?: string;
  version: string;
  type: number;
  name: string;
  description: string;
  options?: ApiCommandOptionSchema[];
  default_member_permissions: string | null;
  nsfw: boolean;
  [key: string]: unknown;
}

/** An option in a command's registered schema (what `PUT .../commands` sends). */
export interface ApiCommandOptionSchema {
  type: number;
  name: string;
  description?: string;
  required?: boolean;
  autocomplete?: boolean;
  options?: ApiCommandOptionSchema[];
  [key: string]: unknown;
}

export interface GatewayPayload {
  op: number;
  d: unknown;
  s: number | null;
  t: string | null;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
