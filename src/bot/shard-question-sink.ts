import type { Logger } from './logger.js';
import { ManagerReplies } from './manager-replies.js';
import type { QuestionLogEvent } from './question-log-format.js';
import type { QuestionSink } from './question-log.js';
import { parseQuestionsFlushed, questionEventMessageOf, questionsFlush } from './shard-messages.js';

/**
 * A shard's questions and votes, sent to the sharding manager's process, which alone writes the
 * question log (and alone holds the secret the askers' ids are hashed with). Sending costs the
 * reply nothing: it is not awaited, and a message that cannot be sent is logged.
 */
export class ShardQuestionSink implements QuestionSink {
  readonly #send: (message: unknown) => Promise<void>;
  readonly #logger: Logger;
  readonly #replies: ManagerReplies;
  readonly #sending = new Set<Promise<void>>();

  /** `send` passes a message to the manager: `client.shard.send`. */
  constructor(send: (message: unknown) => Promise<void>, logger: Logger, timeoutMs?: number) {
    this.#send = send;
    this.#logger = logger;
    this.#replies = new ManagerReplies(timeoutMs);
  }

  record(event: QuestionLogEvent): void {
    const sending = this.#send(questionEventMessageOf(event)).catch((error: unknown) =>
      this.#logger.error({ err: error }, 'could not send a question log line to the sharding manager'),
    );
    this.#sending.add(sending);
    void sending.finally(() => this.#sending.delete(sending));
  }

  /** Resolves once the manager has written every line this shard sent so far. */
  async flush(): Promise<void> {
    await Promise.all(this.#sending);
    await this.#replies.request((id) => this.#send(questionsFlush(id)), 'the question log was written');
  }

  /** Settles the flush a message from the manager is about; false when the message is not such an answer. */
  onManagerMessage(message: unknown): boolean {
    const flushed = parseQuestionsFlushed(message);
    if (flushed === null) return false;
    this.#replies.answer(flushed.id, flushed.error);
    return true;
  }
}
