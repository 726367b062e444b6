import type { ApiChannel, ApiMember, ApiMessage, ApiMessageReference, ApiUser } from './payloads.js';
import { isRecord } from './payloads.js';
import type { SnowflakeGenerator } from './snowflake.js';

/** Message types this server produces (Discord's values). */
export const MessageType = { Default: 0, Reply: 19, ChatInputCommand: 20, ContextMenuCommand: 23 } as const;

/** Message flag bits (Discord's values). */
export const MessageFlag = { Ephemeral: 1 << 6, Loading: 1 << 7 } as const;

/** The message fields a bot sends in a create/edit body, read from untrusted JSON. */
export interface MessageBody {
  content?: string;
  embeds?: unknown[];
  components?: unknown[];
  attachments?: unknown[];
  flags?: number;
  tts?: boolean;
  allowed_mentions?: { parse?: string[]; users?: string[]; replied_user?: boolean };
  message_reference?: ApiMessageReference;
}

/** Narrows a parsed JSON body to the message fields; unknown or ill-typed fields are dropped. */
export function readMessageBody(body: unknown): MessageBody {
  if (!isRecord(body)) return {};
  const out: MessageBody = {};
  if (typeof body.content === 'string') out.content = body.content;
  if (Array.isArray(body.embeds)) out.embeds = body.embeds;
  if (Array.isArray(body.components)) out.components = body.components;
  if (Array.isArray(body.attachments)) out.attachments = body.attachments;
  if (typeof body.flags === 'number') out.flags = body.flags;
  if (typeof body.tts === 'boolean') out.tts = body.tts;
  const am = body.allowed_mentions;
  if (isRecord(am)) {
    out.allowed_mentions = {
      ...(Array.isArray(am.parse) ? { parse: am.parse.filter((p): p is string => typeof p === 'string') } : {}),
      ...(Array.isArray(am.users) ? { users: am.users.filter((u): u is string => typeof u === 'string') } : {}),
      ...(typeof am.replied_user === 'boolean' ? { replied_user: am.replied_user } : {}),
    };
  }
  const ref = body.message_reference;
  if (isRecord(ref) && typeof ref.message_id === 'string') {
    out.message_reference = {
      message_id: ref.message_id,
      ...(typeof ref.channel_id === 'string' ? { channel_id: ref.channel_id } : {}),
      ...(typeof ref.guild_id === 'string' ? { guild_id: ref.guild_id } : {}),
      ...(typeof ref.type === 'number' ? { type: ref.type } : {}),
      ...(typeof ref.fail_if_not_exists === 'boolean' ? { fail_if_not_exists: ref.fail_if_not_exists } : {}),
    };
  }
  return out;
}

/** True when a body would show something to users (what "the bot answered" means in tests). */
export function hasVisibleContent(body: MessageBody): boolean {
  return (body.content !== undefined && body.content.length > 0) || (body.embeds?.length ?? 0) > 0 || (body.attachments?.length ?? 0) > 0;
}

/** Multipart uploads by their `files[n]` index. */
export type Uploads = ReadonlyMap<number, { filename: string; size: number }>;

export interface NewMessage extends MessageBody {
  channel: ApiChannel;
  author: ApiUser;
  /** Guild member data without `user`, as Discord puts it on messages. */
  member?: ApiMember;
  type?: number;
  mentions?: ApiUser[];
  webhook_id?: string;
  application_id?: string;
  /** Uploaded files by index, from multipart `files[n]` parts. */
  uploads?: Uploads;
  interaction_metadata?: ApiMessage['interaction_metadata'];
  interaction?: ApiMessage['interaction'];
}

/** A message was created, edited or deleted (`message` is then its last version). */
export interface MessageChange {
  readonly kind: 'create' | 'update' | 'delete';
  readonly message: ApiMessage;
}

/**
 * The messages this server knows (user messages it dispatched and everything the bot sent): the
 * last `perChannel` of each channel. An older one is forgotten without a delete event: on
 * Discord it would still be there, just far up.
 */
export class MessageStore {
  readonly #byId = new Map<string, ApiMessage>();
  /** Message ids of each channel, oldest first. */
  readonly #byChannel = new Map<string, string[]>();
  readonly #listeners = new Set<(change: MessageChange) => void>();
  readonly #ids: SnowflakeGenerator;
  readonly #users: ReadonlyMap<string, ApiUser>;
  readonly #perChannel: number;

  constructor(ids: SnowflakeGenerator, users: ReadonlyMap<string, ApiUser>, perChannel: number) {
    this.#ids = ids;
    this.#users = users;
    this.#perChannel = perChannel;
  }

  get(id: string): ApiMessage | undefined {
    return this.#byId.get(id);
  }

  /** The channel's messages kept, oldest first. */
  inChannel(channelId: string): ApiMessage[] {
    return (this.#byChannel.get(channelId) ?? []).flatMap((id) => this.#byId.get(id) ?? []);
  }

  /**
   * Up to `limit` of the channel's messages, oldest first, that come before the message `before`
   * (or are the newest, without it); and whether older ones are kept.
   */
  page(channelId: string, limit: number, before?: string): { messages: ApiMessage[]; hasEarlier: boolean } {
    const ids = this.#byChannel.get(channelId) ?? [];
    const end = before === undefined ? ids.length : earlierCount(ids, before);
    const start = Math.max(0, end - limit);
    return { messages: ids.slice(start, end).flatMap((id) => this.#byId.get(id) ?? []), hasEarlier: start > 0 };
  }

  /** Calls `listener` after every create, edit and delete; returns what stops it. */
  onChange(listener: (change: MessageChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  create(input: NewMessage): ApiMessage {
    const { channel } = input;
    const content = input.content ?? '';
    const reference = input.message_reference;
    const referenced = reference?.message_id !== undefined ? this.#byId.get(reference.message_id) : undefined;
    const message: ApiMessage = {
      id: this.#ids.next(),
      type: input.type ?? (reference ? MessageType.Reply : MessageType.Default),
      channel_id: channel.id,
      ...(channel.guild_id !== undefined ? { guild_id: channel.guild_id } : {}),
      author: input.author,
      ...(input.member ? { member: input.member } : {}),
      content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: input.tts ?? false,
      mention_everyone: false,
      mentions: input.mentions ?? this.#mentionsIn(content, input.allowed_mentions),
      mention_roles: [],
      attachments: this.#attachments(input.attachments, input.uploads),
      embeds: input.embeds ?? [],
      components: input.components ?? [],
      pinned: false,
      flags: input.flags ?? 0,
      ...(input.webhook_id !== undefined ? { webhook_id: input.webhook_id } : {}),
      ...(input.application_id !== undefined ? { application_id: input.application_id } : {}),
      ...(input.interaction_metadata !== undefined ? { interaction_metadata: input.interaction_metadata } : {}),
      ...(input.interaction !== undefined ? { interaction: input.interaction } : {}),
      ...(reference
        ? {
            message_reference: {
              type: reference.type ?? 0,
              message_id: reference.message_id,
              channel_id: reference.channel_id ?? channel.id,
              ...(channel.guild_id !== undefined ? { guild_id: reference.guild_id ?? channel.guild_id } : {}),
            },
            referenced_message: referenced ?? null,
          }
        : {}),
      channel_type: channel.type,
    };
    this.#byId.set(message.id, message);
    const inChannel = this.#byChannel.get(channel.id) ?? [];
    inChannel.push(message.id);
    this.#byChannel.set(channel.id, inChannel);
    for (const forgotten of inChannel.splice(0, Math.max(0, inChannel.length - this.#perChannel))) this.#byId.delete(forgotten);
    channel.last_message_id = message.id;
    this.#notify({ kind: 'create', message });
    return message;
  }

  /** Applies an edit body; returns undefined for an unknown message. */
  edit(id: string, body: MessageBody, uploads?: Uploads): ApiMessage | undefined {
    const existing = this.#byId.get(id);
    if (!existing) return undefined;
    const edited: ApiMessage = {
      ...existing,
      ...(body.content !== undefined ? { content: body.content, mentions: this.#mentionsIn(body.content, body.allowed_mentions) } : {}),
      ...(body.embeds !== undefined ? { embeds: body.embeds } : {}),
      ...(body.components !== undefined ? { components: body.components } : {}),
      ...(body.attachments !== undefined ? { attachments: this.#attachments(body.attachments, uploads) } : {}),
      // Editing a deferred ("thinking…") reply clears the loading flag, as on Discord.
      flags: (body.flags ?? existing.flags) & ~MessageFlag.Loading,
      edited_timestamp: new Date().toISOString(),
    };
    this.#byId.set(id, edited);
    this.#notify({ kind: 'update', message: edited });
    return edited;
  }

  delete(id: string): boolean {
    const message = this.#byId.get(id);
    if (message === undefined) return false;
    this.#byId.delete(id);
    const inChannel = this.#byChannel.get(message.channel_id);
    const at = inChannel?.indexOf(id) ?? -1;
    if (at !== -1) inChannel?.splice(at, 1);
    this.#notify({ kind: 'delete', message });
    return true;
  }

  #notify(change: MessageChange): void {
    for (const listener of this.#listeners) {
      try {
        listener(change);
      } catch (error) {
        // A watcher's bug must not turn into a failed Discord request for the bot.
        console.error('[discord-server] message change listener threw', error);
      }
    }
  }

  /** Users mentioned as <@id> or <@!id>, filtered by allowed_mentions like Discord does. */
  #mentionsIn(content: string, allowed: MessageBody['allowed_mentions']): ApiUser[] {
    const mentioned: ApiUser[] = [];
    for (const match of content.matchAll(/<@!?(\d{17,20})>/g)) {
      const user = match[1] !== undefined ? this.#users.get(match[1]) : undefined;
      if (!user || mentioned.includes(user)) continue;
      const permitted = allowed === undefined || (allowed.parse?.includes('users') ?? false) || (allowed.users?.includes(user.id) ?? false);
      if (permitted) mentioned.push(user);
    }
    return mentioned;
  }

  #attachments(raw: unknown[] | undefined, uploads?: Uploads): unknown[] {
    if (!raw) return [];
    return raw.filter(isRecord).map((attachment) => {
      // discord.js lists uploads as {id: "<n>"} matching the `files[n]` part; attachments kept on
      // an edit come back with their snowflake id and url and stay as they are.
      const index = typeof attachment.id === 'number' ? attachment.id : Number(attachment.id);
      const upload = Number.isInteger(index) ? uploads?.get(index) : undefined;
      if (!upload && typeof attachment.url === 'string') return attachment;
      const filename = upload?.filename ?? (typeof attachment.filename === 'string' ? attachment.filename : `file${String(attachment.id)}`);
      const id = this.#ids.next();
      return {
        id,
        filename,
        size: upload?.size ?? 0,
        url: `https://cdn.discordapp.invalid/attachments/${id}/${filename}`,
        proxy_url: `https://media.discordapp.invalid/attachments/${id}/${filename}`,
        ...(typeof attachment.description === 'string' ? { description: attachment.description } : {}),
      };
    });
  }
}

/** How many of the channel's ids (oldest first) come before the message `before`: ids are snowflakes, so by value. */
function earlierCount(ids: readonly string[], before: string): number {
  if (!/^\d{1,20}$/.test(before)) return 0;
  const limit = BigInt(before);
  let count = 0;
  while (count < ids.length && BigInt(ids[count] ?? '0') < limit) count += 1;
  return count;
}
