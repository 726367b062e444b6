import type { FeedbackEntry } from './feedback-log.js';
import type { FeedbackSink } from './feedback-sink.js';
import { feedbackRecord, parseFeedbackSaved, type FeedbackRecord } from './shard-messages.js';

/** How long a shard waits for the manager to say a vote was saved before telling the voter it was not. */
const DEFAULT_TIMEOUT_MS = 10_000;

interface Pending {
  readonly done: Promise<void>;
  readonly settle: (error: Error | null) => void;
}

/**
 * A shard's votes, sent to the sharding manager's process, which alone writes the feedback file
 * (each shard writing and rotating it itself could rotate it twice at once). A vote resolves
 * when the manager says it was saved, and rejects when it says it was not or does not answer.
 */
export class ShardFeedbackSink implements FeedbackSink {
  readonly #send: (message: FeedbackRecord) => Promise<void>;
  readonly #timeoutMs: number;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;

  /** `send` passes a message to the manager: `client.shard.send`. */
  constructor(send: (message: FeedbackRecord) => Promise<void>, timeoutMs = DEFAULT_TIMEOUT_MS) {
    this.#send = send;
    this.#timeoutMs = timeoutMs;
  }

  append(entry: FeedbackEntry): Promise<void> {
    const id = this.#nextId++;
    let settle: (error: Error | null) => void = () => {};
    const done = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => settle(new Error(`the sharding manager did not confirm within ${this.#timeoutMs / 1000} s that the vote was saved`)),
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
    this.#send(feedbackRecord(id, entry)).catch((error: unknown) => settle(error instanceof Error ? error : new Error(String(error))));
    return done;
  }

  /** Settles the vote a message from the manager is about; false when the message is not such an answer. */
  onManagerMessage(message: unknown): boolean {
    const saved = parseFeedbackSaved(message);
    if (saved === null) return false;
    this.#pending.get(saved.id)?.settle(saved.error === null ? null : new Error(saved.error));
    return true;
  }

  async flush(): Promise<void> {
    await Promise.allSettled([...this.#pending.values()].map((pending) => pending.done));
  }
}
