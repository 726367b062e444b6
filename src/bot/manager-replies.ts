/** How long a shard waits for the manager to answer a request before giving up on it. */
export const DEFAULT_MANAGER_TIMEOUT_MS = 10_000;

interface Pending {
  readonly done: Promise<void>;
  readonly settle: (error: Error | null) => void;
}

/**
 * A shard's requests to the sharding manager that await its answer (a vote saved, the question
 * log flushed), by id: each resolves when the manager says it was done, and rejects when it says
 * why not, when the request cannot be sent, or when no answer comes within the timeout.
 */
export class ManagerReplies {
  readonly #timeoutMs: number;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;

  constructor(timeoutMs = DEFAULT_MANAGER_TIMEOUT_MS) {
    this.#timeoutMs = timeoutMs;
  }

  /**
   * Sends the request made for a new id and resolves with the manager's answer. `what` completes
   * "the sharding manager did not confirm within 10 s that …".
   */
  request(send: (id: number) => Promise<void>, what: string): Promise<void> {
    const id = this.#nextId++;
    let settle: (error: Error | null) => void = () => {};
    const done = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => settle(new Error(`the sharding manager did not confirm within ${this.#timeoutMs / 1000} s that ${what}`)),
        this.#timeoutMs,
      );
      settle = (error) => {
        clearTimeout(timer);
        this.#pending.delete(id);
        if (error === null) resolve();
        else reject(error);
      };
    });
    this.#pending.set(id, { done, settle });
    send(id).catch((error: unknown) => settle(error instanceof Error ? error : new Error(String(error))));
    return done;
  }

  /** The manager's answer to request `id`: null when it was done, else why not. */
  answer(id: number, error: string | null): void {
    this.#pending.get(id)?.settle(error === null ? null : new Error(error));
  }

  /** Resolves when every request sent so far has been answered or has failed. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.#pending.values()].map((pending) => pending.done));
  }
}
