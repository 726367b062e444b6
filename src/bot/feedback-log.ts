import { describeFsError } from '../corpus/fs-error.js';
import type { ShownPassage } from './bot-context.js';
import type { FeedbackSink } from './feedback-sink.js';
import { DEFAULT_KEEP_FILES, DEFAULT_MAX_BYTES, JsonLinesFile } from './json-lines-file.js';

export { DAMAGED_SUFFIX, setAsideDamagedLines } from './json-lines-file.js';

/** One 👍 / 👎, as a line of the feedback file: enough for a corpus owner to see what went wrong. */
export interface FeedbackEntry {
  /** ISO 8601. */
  readonly time: string;
  /** Discord user id of the voter. */
  readonly user: string;
  /** Guild id, or null in a DM. */
  readonly guild: string | null;
  readonly question: string;
  /** Article id of the first passage voted on (`passages[0]`, kept for readers of the first format). */
  readonly article: string;
  readonly paragraph: number;
  readonly sentence: number;
  readonly passage: string;
  /** Every passage shown with the buttons that were clicked, in the order shown: what the vote is about. */
  readonly passages: readonly ShownPassage[];
  readonly vote: 'up' | 'down';
}

export interface FeedbackLogOptions {
  /**
   * When a line would take the file past this many bytes, the file is rotated first, so a file
   * holds at most this much (a single line larger than it gets a file of its own). Default 10 MiB.
   */
  readonly maxBytes?: number;
  /**
   * How many rotated files to keep: `feedback.jsonl.1` (newest) … `feedback.jsonl.N` (oldest);
   * older ones are deleted. 0 keeps none. Default 5.
   */
  readonly keepFiles?: number;
}

export const DEFAULT_FEEDBACK_MAX_BYTES = DEFAULT_MAX_BYTES;
export const DEFAULT_FEEDBACK_KEEP_FILES = DEFAULT_KEEP_FILES;

/**
 * Appends feedback to a JSON Lines file (`JsonLinesFile`: whole lines or nothing, one queue,
 * damaged lines set aside at start-up, rotation), one vote a line. A vote that cannot be written
 * rejects with a `FeedbackWriteError`, so that the voter can be told.
 */
export class FeedbackLog implements FeedbackSink {
  readonly #lines: JsonLinesFile;

  constructor(file: string, options: FeedbackLogOptions = {}) {
    this.#lines = new JsonLinesFile(file, options);
  }

  get file(): string {
    return this.#lines.file;
  }

  get maxBytes(): number {
    return this.#lines.maxBytes;
  }

  get keepFiles(): number {
    return this.#lines.keepFiles;
  }

  /** Resolves once the line is in the file; rejects if this write failed (later writes still run). */
  async append(entry: FeedbackEntry): Promise<void> {
    // Serialised before queueing: a record that cannot be serialised fails alone, and the bytes
    // written later are exactly the entry as it was when the vote came in.
    const line = Buffer.from(`${JSON.stringify(entry)}\n`, 'utf8');
    let outcome: Awaited<ReturnType<JsonLinesFile['append']>>;
    try {
      outcome = await this.#lines.append([line]);
    } catch (error) {
      throw new FeedbackWriteError(this.file, error);
    }
    if (outcome.error !== null) throw new FeedbackWriteError(this.file, outcome.error.cause);
  }

  /**
   * Creates the folder and sets damaged lines aside now instead of at the first vote. Optional:
   * `append` does it when needed. Rejects when the file cannot be opened or repaired.
   */
  open(): Promise<void> {
    return this.#lines.open();
  }

  /** Resolves when every append queued so far has finished. */
  flush(): Promise<void> {
    return this.#lines.flush();
  }
}

/** A vote could not be written; the file is as it was before the attempt. */
export class FeedbackWriteError extends Error {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(`the vote could not be written to ${file} (${describeFsError(cause)})`, { cause });
    this.name = 'FeedbackWriteError';
  }
}
