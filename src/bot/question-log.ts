import { AskerHash, loadOrCreateSecret, secretFileFor } from './asker-hash.js';
import { JsonLinesFile, type AppendOutcome } from './json-lines-file.js';
import type { Logger } from './logger.js';
import type { QuestionLogEvent, QuestionLogLine } from './question-log-format.js';

/**
 * Where the questions the bot handles go: the question log itself (`QuestionLog`), in a shard
 * the sharding manager's process (`ShardQuestionSink`), or nowhere (`QUESTION_LOG=off`).
 */
export interface QuestionSink {
  /** Takes the event at once and writes it later; never throws (a failed write is logged by the writer). */
  record(event: QuestionLogEvent): void;
  /** Resolves when every event recorded so far is in the file (or failed). */
  flush(): Promise<void>;
}

/** `QUESTION_LOG=off`: nothing is written, and no file is made. */
export const NO_QUESTION_LOG: QuestionSink = {
  record: () => undefined,
  flush: async () => undefined,
};

export interface QuestionLogOptions {
  /** How long a line may wait in memory before it is written. Default 1 s. */
  readonly flushAfterMs?: number;
  /** Lines waiting past this many bytes are written at once. Default 256 KiB. */
  readonly maxBufferedBytes?: number;
  /** Lines older than this many days are dropped from the rotated files at rotation (`QUESTION_LOG_DAYS`). Default 30. */
  readonly keepDays?: number;
  /** A file is rotated before it would pass this many bytes. Default 10 MiB. */
  readonly maxBytes?: number;
  /** Rotated files kept at most, whatever their age. Default 100. */
  readonly keepFiles?: number;
  /** Epoch milliseconds, for retention. Default `Date.now`. */
  readonly now?: () => number;
}

const DEFAULT_FLUSH_AFTER_MS = 1_000;
const DEFAULT_MAX_BUFFERED_BYTES = 256 * 1024;
export const DEFAULT_QUESTION_LOG_DAYS = 30;
/** With 10 MiB files, at most about 1 GiB on disk, however busy the bot and long the retention. */
export const DEFAULT_QUESTION_LOG_KEEP_FILES = 100;
const DAY_MS = 86_400_000;

/**
 * The question log's one writer. `record` costs a serialisation and a keyed hash, then the line
 * waits in memory; the lines are appended together (one write) within `flushAfterMs`, so that a
 * reply never waits for the disk. Lines are whole or not at all, rotated by size, and those past
 * `keepDays` dropped at rotation (`JsonLinesFile`). A write that fails is logged with how many
 * lines were lost: a full disk must not stop the bot from answering.
 */
export class QuestionLog implements QuestionSink {
  readonly file: string;
  readonly #lines: JsonLinesFile;
  readonly #hash: AskerHash;
  readonly #logger: Logger;
  readonly #flushAfterMs: number;
  readonly #maxBufferedBytes: number;
  #buffer: string[] = [];
  #bufferedBytes = 0;
  #timer: NodeJS.Timeout | null = null;
  #writing: Promise<void> = Promise.resolve();

  private constructor(file: string, hash: AskerHash, logger: Logger, options: QuestionLogOptions) {
    this.file = file;
    this.#hash = hash;
    this.#logger = logger;
    this.#flushAfterMs = options.flushAfterMs ?? DEFAULT_FLUSH_AFTER_MS;
    this.#maxBufferedBytes = options.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES;
    this.#lines = new JsonLinesFile(file, {
      maxBytes: options.maxBytes,
      keepFiles: options.keepFiles ?? DEFAULT_QUESTION_LOG_KEEP_FILES,
      maxAgeMs: (options.keepDays ?? DEFAULT_QUESTION_LOG_DAYS) * DAY_MS,
      now: options.now,
    });
  }

  /**
   * Opens the log at `file` (its folder made, damaged lines from a crash set aside) with this
   * install's secret, made beside it the first time. Rejects when the secret cannot be had; a log
   * file that cannot be opened yet is only a warning (lines fail and are logged until it can).
   */
  static async open(file: string, logger: Logger, options: QuestionLogOptions = {}): Promise<QuestionLog> {
    const secret = await loadOrCreateSecret(secretFileFor(file));
    const log = new QuestionLog(file, new AskerHash(secret), logger, options);
    await log.#lines
      .open()
      .catch((error: unknown) =>
        logger.warn({ err: error, file }, 'cannot open the question log; questions are not logged until it can be written'),
      );
    return log;
  }

  record(event: QuestionLogEvent): void {
    let line: string;
    try {
      line = `${JSON.stringify(this.#lineOf(event))}\n`;
    } catch (error) {
      this.#logger.warn({ err: error }, 'a question could not be logged');
      return;
    }
    this.#buffer.push(line);
    // Characters, not bytes: near enough to decide when to write, and costs nothing.
    this.#bufferedBytes += line.length;
    if (this.#bufferedBytes >= this.#maxBufferedBytes) this.#writeBuffer();
    else this.#timer ??= setTimeout(() => this.#writeBuffer(), this.#flushAfterMs).unref();
  }

  async flush(): Promise<void> {
    this.#writeBuffer();
    await this.#writing;
  }

  #lineOf(event: QuestionLogEvent): QuestionLogLine {
    if (event.kind === 'question') {
      const { user, ...rest } = event;
      return { ...rest, asker: this.#hash.of(user) };
    }
    const { user, ...rest } = event;
    return { ...rest, voter: this.#hash.of(user) };
  }

  #writeBuffer(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#buffer.length === 0) return;
    const lines = this.#buffer.map((line) => Buffer.from(line, 'utf8'));
    this.#buffer = [];
    this.#bufferedBytes = 0;
    this.#writing = this.#writing.then(() =>
      this.#lines.append(lines).then(
        (outcome) => this.#reportLost(outcome),
        (error: unknown) => this.#reportLost({ written: 0, failed: lines.length, error: null }, error),
      ),
    );
  }

  #reportLost(outcome: AppendOutcome, error: unknown = outcome.error): void {
    if (outcome.failed === 0) return;
    this.#logger.error(
      { err: error, file: this.file, lost: outcome.failed, written: outcome.written },
      'question log lines could not be written',
    );
  }
}
