import { ExpiringLruCache } from './expiring-lru-cache.js';

export interface SeenIdsOptions {
  /** How many ids are remembered; beyond that the oldest are forgotten. */
  readonly maxEntries: number;
  /** How long an id is remembered. */
  readonly ttlMs: number;
  readonly now?: () => number;
}

/**
 * Remembers ids already handled, to drop repeats. Discord's gateway delivers at least once: on
 * RESUME it replays every event after the last sequence number the client reported, so an
 * interaction that reached the bot just before it resumed arrives a second time, and discord.js
 * emits it again (unlike a repeated message, which it recognises from its cache).
 */
export class SeenIds {
  readonly #seen: ExpiringLruCache<string, true>;

  constructor(options: SeenIdsOptions) {
    this.#seen = new ExpiringLruCache<string, true>(options);
  }

  /** True the first time `id` is seen (and remembers it); false for a repeat. */
  firstTime(id: string): boolean {
    if (this.#seen.get(id) !== undefined) return false;
    this.#seen.set(id, true);
    return true;
  }
}
