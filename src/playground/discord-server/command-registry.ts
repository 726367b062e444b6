import type { ApiApplicationCommand, ApiCommandOptionSchema } from './payloads.js';
import { isRecord } from './payloads.js';
import type { SnowflakeGenerator } from './snowflake.js';

/** Application command types (Discord's values). */
export const CommandType = { ChatInput: 1, User: 2, Message: 3 } as const;

/**
 * Commands the bot registered with `PUT .../commands`. Re-registering a name keeps its id, as
 * Discord does, so interaction `data.id` stays stable across deploys.
 */
export class CommandRegistry {
  readonly #ids: SnowflakeGenerator;
  readonly #applicationId: string;
  #global: ApiApplicationCommand[] = [];
  readonly #guild = new Map<string, ApiApplicationCommand[]>();
  /** Ids handed out for commands invoked without being registered. */
  readonly #adHocIds = new Map<string, string>();

  constructor(ids: SnowflakeGenerator, applicationId: string) {
    this.#ids = ids;
    this.#applicationId = applicationId;
  }

  get global(): readonly ApiApplicationCommand[] {
    return this.#global;
  }

  guild(guildId: string): readonly ApiApplicationCommand[] {
    return this.#guild.get(guildId) ?? [];
  }

  /** Replaces the whole set (bulk overwrite); returns the stored commands or an error text. */
  overwrite(body: unknown, guildId: string | null): ApiApplicationCommand[] | string {
    if (!Array.isArray(body)) return 'body must be an array of commands';
    const previous = guildId === null ? this.#global : this.guild(guildId);
    const next: ApiApplicationCommand[] = [];
    for (const raw of body) {
      const command = this.#normalize(raw, guildId, previous);
      if (typeof command === 'string') return command;
      next.push(command);
    }
    if (guildId === null) this.#global = next;
    else this.#guild.set(guildId, next);
    return next;
  }

  /** Creates or updates a single command (POST .../commands). */
  upsert(raw: unknown, guildId: string | null): ApiApplicationCommand | string {
    const list = guildId === null ? this.#global : [...this.guild(guildId)];
    const command = this.#normalize(raw, guildId, list);
    if (typeof command === 'string') return command;
    const rest = list.filter((c) => !(c.name === command.name && c.type === command.type));
    rest.push(command);
    if (guildId === null) this.#global = rest;
    else this.#guild.set(guildId, rest);
    return command;
  }

  remove(commandId: string, guildId: string | null): boolean {
    const list = guildId === null ? this.#global : this.guild(guildId);
    const rest = list.filter((c) => c.id !== commandId);
    if (guildId === null) this.#global = rest;
    else this.#guild.set(guildId, rest);
    return rest.length !== list.length;
  }

  /** The registered command an interaction would name (guild commands shadow global ones). */
  find(name: string, type: number, guildId: string | null): ApiApplicationCommand | undefined {
    const match = (c: ApiApplicationCommand): boolean => c.name === name && c.type === type;
    return (guildId !== null ? this.guild(guildId).find(match) : undefined) ?? this.#global.find(match);
  }

  /** The command id for an interaction: the registered one, else a stable made-up id. */
  idFor(name: string, type: number, guildId: string | null): string {
    const registered = this.find(name, type, guildId);
    if (registered) return registered.id;
    const key = `${type}:${name}`;
    const existing = this.#adHocIds.get(key);
    if (existing !== undefined) return existing;
    const id = this.#ids.next();
    this.#adHocIds.set(key, id);
    return id;
  }

  #normalize(raw: unknown, guildId: string | null, previous: readonly ApiApplicationCommand[]): ApiApplicationCommand | string {
    if (!isRecord(raw) || typeof raw.name !== 'string') return 'each command needs a name';
    const type = typeof raw.type === 'number' ? raw.type : CommandType.ChatInput;
    if (type === CommandType.ChatInput && !/^[-_\p{L}\p{N}]{1,32}$/u.test(raw.name)) {
      return `invalid slash command name "${raw.name}"`;
    }
    const kept = previous.find((c) => c.name === raw.name && c.type === type);
    const options = Array.isArray(raw.options) ? raw.options.filter(isOptionSchema) : undefined;
    return {
      ...raw,
      id: kept?.id ?? this.#ids.next(),
      application_id: this.#applicationId,
      ...(guildId !== null ? { guild_id: guildId } : {}),
      version: this.#ids.next(),
      type,
      name: raw.name,
      description: typeof raw.description === 'string' ? raw.description : '',
      ...(options ? { options } : {}),
      default_member_permissions: typeof raw.default_member_permissions === 'string' ? raw.default_member_permissions : null,
      nsfw: raw.nsfw === true,
    };
  }
}

function isOptionSchema(value: unknown): value is ApiCommandOptionSchema {
  return isRecord(value) && typeof value.name === 'string' && typeof value.type === 'number';
}
