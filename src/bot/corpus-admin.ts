import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Client } from 'discord.js';
import { IngestRefusal } from '../ingest/ingest-refusal.js';
import type { AddOptions } from '../ingest/ingester.js';
import { SlidingWindowRateLimiter } from './rate-limiter.js';

/** Why a server may not change the corpus. */
export type CorpusAdminRefusal =
  /** `CORPUS_ADMIN_GUILDS` (or, when that is unset, `DISCORD_GUILD_ID`) names other servers. */
  | { readonly kind: 'not-listed'; readonly setting: 'CORPUS_ADMIN_GUILDS' | 'DISCORD_GUILD_ID' }
  /** Neither is set and the bot is in several servers: none is trusted over the others. */
  | { readonly kind: 'several-servers'; readonly servers: number };

/** A limit `/add` met before fetching anything. */
export type AddLimitRefusal =
  | { readonly kind: 'articles-per-hour'; readonly limit: number; readonly retryAt: number }
  | { readonly kind: 'corpus-full'; readonly corpusBytes: number; readonly maxBytes: number };

export interface CorpusAdminOptions {
  /** `CORPUS_ADMIN_GUILDS`. */
  readonly guilds: readonly string[];
  /** `DISCORD_GUILD_ID`: the development server, trusted when `guilds` is empty. */
  readonly devGuild: string | null;
  /** `ADD_ARTICLES_PER_HOUR`, per server. */
  readonly articlesPerHour: number;
  /** `CORPUS_MAX_MB` in bytes. */
  readonly maxCorpusBytes: number;
  readonly corpusDir: string;
  /** Epoch milliseconds. */
  readonly now: () => number;
}

const HOUR_MS = 3_600_000;
export const BYTES_PER_MB = 1_000_000;

/**
 * Who may change the corpus every server answers from, and how fast: one server's managers
 * must not put words into every other server's answers, fill the disk, or keep the index
 * rebuilding. (Reloads are coalesced by `EngineHolder`.)
 */
export class CorpusAdmin {
  readonly #options: CorpusAdminOptions;
  /** One take per article added, per server. */
  readonly #added: SlidingWindowRateLimiter;

  constructor(options: CorpusAdminOptions) {
    this.#options = options;
    this.#added = new SlidingWindowRateLimiter({ limit: options.articlesPerHour, windowMs: HOUR_MS, now: options.now });
  }

  get articlesPerHour(): number {
    return this.#options.articlesPerHour;
  }

  /** Why the managers of `guildId` may not `/add` or `/reload`, or null when they may. */
  async refusal(guildId: string, client: Client): Promise<CorpusAdminRefusal | null> {
    const { guilds, devGuild } = this.#options;
    if (guilds.length > 0) return guilds.includes(guildId) ? null : { kind: 'not-listed', setting: 'CORPUS_ADMIN_GUILDS' };
    if (devGuild !== null) return devGuild === guildId ? null : { kind: 'not-listed', setting: 'DISCORD_GUILD_ID' };
    const servers = await serverCount(client);
    return servers <= 1 ? null : { kind: 'several-servers', servers };
  }

  /**
   * Checks the limits before `/add` fetches anything, and returns the `admit` rule for the
   * articles it then writes: each counts towards the server's hour, and none may take the corpus
   * folder past its size. Returns a refusal when no article could be added at all.
   */
  async beginAdd(guildId: string): Promise<AddLimitRefusal | Required<AddOptions>> {
    const decision = this.#added.check(guildId);
    if (!decision.allowed) return { kind: 'articles-per-hour', limit: this.#options.articlesPerHour, retryAt: decision.retryAt };
    const maxBytes = this.#options.maxCorpusBytes;
    let corpusBytes = await folderBytes(this.#options.corpusDir);
    if (corpusBytes >= maxBytes) return { kind: 'corpus-full', corpusBytes, maxBytes };
    return {
      admit: ({ bytes }) => {
        if (corpusBytes + bytes > maxBytes) {
          throw new IngestRefusal(
            `adding it would take the corpus folder to ${sizeWithBytes(corpusBytes + bytes)}, past its limit of ${sizeWithBytes(maxBytes)} (CORPUS_MAX_MB)`,
          );
        }
        const taken = this.#added.take(guildId);
        if (!taken.allowed) {
          throw new IngestRefusal(
            `this server has added ${this.#options.articlesPerHour} articles in the last hour, the most allowed (ADD_ARTICLES_PER_HOUR); ` +
              `try again <t:${Math.ceil(taken.retryAt / 1000)}:R>`,
            { retryable: true },
          );
        }
        corpusBytes += bytes;
      },
    };
  }
}

/** "12.3 MB": megabytes of 1,000,000 bytes, as CORPUS_MAX_MB counts them. */
export function megabytes(bytes: number): string {
  const mb = bytes / BYTES_PER_MB;
  return `${mb < 10 ? mb.toFixed(2) : mb < 100 ? mb.toFixed(1) : Math.round(mb).toLocaleString('en')} MB`;
}

/** "1.00 MB (1,000,300 bytes)": exact where the megabytes round to the limit. */
export function sizeWithBytes(bytes: number): string {
  return `${megabytes(bytes)} (${bytes.toLocaleString('en')} bytes)`;
}

/** The servers the bot is in, over every shard. */
async function serverCount(client: Client): Promise<number> {
  if (client.shard === null) return client.guilds.cache.size;
  const counts = await client.shard.fetchClientValues('guilds.cache.size');
  return counts.reduce<number>((sum, count) => sum + (typeof count === 'number' ? count : 0), 0);
}

/** The bytes of every file in the folder and below (links are not followed), as the corpus takes them on disk. */
export async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += await folderBytes(path);
    else if (entry.isFile()) total += (await lstat(path)).size;
  }
  return total;
}
