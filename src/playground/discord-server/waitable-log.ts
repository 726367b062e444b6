interface Waiter<T> {
  readonly predicate: (item: T) => boolean;
  readonly resolve: (item: T) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * An append-only log that tests can await: `waitFor` first looks at what is already logged
 * (so a reply that beat the waiter is not missed), then at what arrives until the timeout.
 * It keeps the last `limit` entries; older ones are dropped, so that a server running for days
 * holds a bounded log. Entries are dropped in batches of a tenth of the limit, so that pushing
 * stays cheap.
 */
export class WaitableLog<T> {
  #items: T[] = [];
  readonly #waiters = new Set<Waiter<T>>();
  readonly #summarize: (item: T) => string;
  readonly #limit: number;
  #total = 0;
  #closedReason: Error | null = null;

  constructor(summarize: (item: T) => string, limit: number) {
    this.#summarize = summarize;
    this.#limit = limit;
  }

  /** The last entries, at most `limit`, oldest first. */
  get items(): readonly T[] {
    return this.#items.length > this.#limit ? this.#items.slice(-this.#limit) : this.#items;
  }

  /** How many entries were ever pushed, the dropped ones included. */
  get total(): number {
    return this.#total;
  }

  push(item: T): void {
    this.#total += 1;
    this.#items.push(item);
    if (this.#items.length > this.#limit + Math.floor(this.#limit / 10)) this.#items = this.#items.slice(-this.#limit);
    for (const waiter of [...this.#waiters]) {
      let matched = false;
      try {
        matched = waiter.predicate(item);
      } catch (error) {
        this.#settle(waiter);
        waiter.reject(error instanceof Error ? error : new Error(String(error)));
        continue;
      }
      if (matched) {
        this.#settle(waiter);
        waiter.resolve(item);
      }
    }
  }

  waitFor(predicate: (item: T) => boolean, timeoutMs: number, description: string): Promise<T> {
    const past = this.items.find(predicate);
    if (past !== undefined) return Promise.resolve(past);
    if (this.#closedReason) return Promise.reject(this.#closedReason);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        const recent = this.#items.slice(-8).map((item) => `  ${this.#summarize(item)}`);
        reject(
          new Error(
            `Timed out after ${timeoutMs} ms waiting for ${description}; last ${recent.length} of ` +
              `${this.items.length} entries kept:\n${recent.join('\n') || '  (none)'}`,
          ),
        );
      }, timeoutMs);
      const waiter: Waiter<T> = { predicate, resolve, reject, timer };
      this.#waiters.add(waiter);
    });
  }

  /** Fails every pending waiter at once, so a closed server never leaves a test hanging. */
  close(reason: Error): void {
    this.#closedReason = reason;
    for (const waiter of [...this.#waiters]) {
      this.#settle(waiter);
      waiter.reject(reason);
    }
  }

  #settle(waiter: Waiter<T>): void {
    clearTimeout(waiter.timer);
    this.#waiters.delete(waiter);
  }
}
