export type RateLimitDecision =
  | { readonly allowed: true }
  /** `retryAt` is the epoch millisecond from which the next question will be allowed. */
  | { readonly allowed: false; readonly retryAt: number };

export interface RateLimiterOptions {
  /** Questions allowed per window. */
  readonly limit: number;
  readonly windowMs: number;
  /** Epoch milliseconds; injectable for tests. Default `Date.now`. */
  readonly now?: () => number;
}

/**
 * A sliding window per user: a question is allowed when fewer than `limit` were allowed in the
 * last `windowMs`. Refused questions do not count, so waiting the stated time always works.
 */
export class SlidingWindowRateLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  /** Per user, the times of allowed questions still inside the window, oldest first. */
  readonly #history = new Map<string, number[]>();
  #checksSinceSweep = 0;

  constructor(options: RateLimiterOptions) {
    if (!Number.isInteger(options.limit) || options.limit < 1) throw new RangeError('limit must be a whole number >= 1');
    if (!(options.windowMs > 0)) throw new RangeError('windowMs must be > 0');
    this.#limit = options.limit;
    this.#windowMs = options.windowMs;
    this.#now = options.now ?? Date.now;
  }

  /** Records the question when allowed. */
  take(userId: string): RateLimitDecision {
    const now = this.#now();
    this.#sweepOccasionally(now);
    const recent = this.#recent(userId, now);
    const decision = this.#decide(recent, now);
    if (!decision.allowed) return decision;
    recent.push(now);
    this.#history.set(userId, recent);
    return { allowed: true };
  }

  /** What `take` would decide now, without recording anything. */
  check(userId: string): RateLimitDecision {
    const now = this.#now();
    return this.#decide(this.#recent(userId, now), now);
  }

  #decide(recent: readonly number[], now: number): RateLimitDecision {
    if (recent.length < this.#limit) return { allowed: true };
    const oldest = recent[recent.length - this.#limit] ?? now;
    return { allowed: false, retryAt: oldest + this.#windowMs };
  }

  /** How many users are being tracked (for tests and metrics). */
  get trackedUsers(): number {
    return this.#history.size;
  }

  #recent(userId: string, now: number): number[] {
    const times = this.#history.get(userId) ?? [];
    const cutoff = now - this.#windowMs;
    const firstInside = times.findIndex((time) => time > cutoff);
    return firstInside === -1 ? [] : times.slice(firstInside);
  }

  /** Forgets users whose window has passed, so memory follows active users, not all users ever. */
  #sweepOccasionally(now: number): void {
    this.#checksSinceSweep += 1;
    if (this.#checksSinceSweep < 1000) return;
    this.#checksSinceSweep = 0;
    for (const [userId] of this.#history) {
      if (this.#recent(userId, now).length === 0) this.#history.delete(userId);
    }
  }
}
