/**
 * Remembers, per person, until when they have been told something, so that they are told once
 * rather than at every attempt: "try again in 30 s" said 20 times in a channel is noise.
 */
export class OncePerWindow {
  readonly #now: () => number;
  /** Per person, the epoch millisecond until which they need not be told again. */
  readonly #toldUntil = new Map<string, number>();
  #checksSinceSweep = 0;

  /** `now`: epoch milliseconds; injectable for tests. */
  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** True, and remembered until `until`, unless `key` was told something that still holds. */
  first(key: string, until: number): boolean {
    const now = this.#now();
    this.#sweepOccasionally(now);
    const toldUntil = this.#toldUntil.get(key);
    if (toldUntil !== undefined && toldUntil > now) return false;
    this.#toldUntil.set(key, until);
    return true;
  }

  /** How many people are remembered (for tests). */
  get size(): number {
    return this.#toldUntil.size;
  }

  /** Forgets what no longer holds, so memory follows recent refusals, not everyone ever refused. */
  #sweepOccasionally(now: number): void {
    this.#checksSinceSweep += 1;
    if (this.#checksSinceSweep < 1000) return;
    this.#checksSinceSweep = 0;
    for (const [key, until] of this.#toldUntil) if (until <= now) this.#toldUntil.delete(key);
  }
}
