import type { FeedbackEntry } from './feedback-log.js';
import type { FeedbackSink } from './feedback-sink.js';
import { ManagerReplies } from './manager-replies.js';
import { feedbackRecord, parseFeedbackSaved, type FeedbackRecord } from './shard-messages.js';

/**
 * A shard's votes, sent to the sharding manager's process, which alone writes the feedback file
 * (each shard writing and rotating it itself could rotate it twice at once). A vote resolves
 * when the manager says it was saved, and rejects when it says it was not or does not answer.
 */
export class ShardFeedbackSink implements FeedbackSink {
  readonly #send: (message: FeedbackRecord) => Promise<void>;
  readonly #replies: ManagerReplies;

  /** `send` passes a message to the manager: `client.shard.send`. */
  constructor(send: (message: FeedbackRecord) => Promise<void>, timeoutMs?: number) {
    this.#send = send;
    this.#replies = new ManagerReplies(timeoutMs);
  }

  append(entry: FeedbackEntry): Promise<void> {
    return this.#replies.request((id) => this.#send(feedbackRecord(id, entry)), 'the vote was saved');
  }

  /** Settles the vote a message from the manager is about; false when the message is not such an answer. */
  onManagerMessage(message: unknown): boolean {
    const saved = parseFeedbackSaved(message);
    if (saved === null) return false;
    this.#replies.answer(saved.id, saved.error);
    return true;
  }

  flush(): Promise<void> {
    return this.#replies.settled();
  }
}
