/** The handlers still running, so that shutdown can let them finish their replies. */
export class InFlightWork {
  readonly #running = new Set<Promise<unknown>>();

  /** Runs `work` and remembers it until it settles. Never rejects: handlers deal with their own errors. */
  track(work: Promise<unknown>): Promise<void> {
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.#running.add(settled);
    void settled.then(() => this.#running.delete(settled));
    return settled;
  }

  get count(): number {
    return this.#running.size;
  }

  /** Resolves when everything tracked so far has settled, or after `timeoutMs`; true when all finished. */
  async drain(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      return await Promise.race([Promise.all([...this.#running]).then(() => true), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
