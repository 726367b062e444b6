export interface ExpiringLruCacheOptions {
  /** Beyond this many entries the least recently used is dropped. */
  readonly maxEntries: number;
  /** An entry not written for this long is gone. */
  readonly ttlMs: number;
  /** Epoch milliseconds; injectable for tests. Default `Date.now`. */
  readonly now?: () => number;
}

/** A bounded map whose entries expire: the state behind recent messages, without growing forever. */
export class ExpiringLruCache<K, V> {
  readonly #maxEntries: number;
  readonly #ttlMs: number;
  readonly #now: () => number;
  /** Map iteration order is insertion order: the first entry is the least recently used. */
  readonly #entries = new Map<K, { value: V; expiresAt: number }>();

  constructor(options: ExpiringLruCacheOptions) {
    if (!Number.isInteger(options.maxEntries) || options.maxEntries < 1) {
      throw new RangeError('maxEntries must be a whole number >= 1');
    }
    this.#maxEntries = options.maxEntries;
    this.#ttlMs = options.ttlMs;
    this.#now = options.now ?? Date.now;
  }

  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.#now()) {
      this.#entries.delete(key);
      return undefined;
    }
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  set(key: K, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, { value, expiresAt: this.#now() + this.#ttlMs });
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done === true) break;
      this.#entries.delete(oldest.value);
    }
  }

  delete(key: K): boolean {
    return this.#entries.delete(key);
  }

  /** Entries held, including expired ones not yet looked up. */
  get size(): number {
    return this.#entries.size;
  }
}
