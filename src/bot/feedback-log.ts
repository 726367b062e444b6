import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

/** One 👍 / 👎, as a line of the feedback file: enough for a corpus owner to see what went wrong. */
export interface FeedbackEntry {
  /** ISO 8601. */
  readonly time: string;
  /** Discord user id of the voter. */
  readonly user: string;
  /** Guild id, or null in a DM. */
  readonly guild: string | null;
  readonly question: string;
  /** Article id of the passage voted on (the first one shown on the page). */
  readonly article: string;
  readonly paragraph: number;
  readonly sentence: number;
  readonly passage: string;
  readonly vote: 'up' | 'down';
}

/**
 * Appends feedback to a JSON Lines file. Writes go through one queue and each whole line is one
 * `appendFile`, so concurrent clicks never interleave or tear lines; the folder is created on demand.
 */
export class FeedbackLog {
  readonly file: string;
  #tail: Promise<void> = Promise.resolve();
  #folderReady = false;

  constructor(file: string) {
    this.file = file;
  }

  /** Resolves once the line is in the file; rejects if this write failed (later writes still run). */
  append(entry: FeedbackEntry): Promise<void> {
    const line = `${JSON.stringify(entry)}\n`;
    const write = this.#tail.then(() => this.#write(line));
    this.#tail = write.catch(() => undefined);
    return write;
  }

  /** Resolves when every append queued so far has finished. */
  async flush(): Promise<void> {
    await this.#tail;
  }

  async #write(line: string): Promise<void> {
    if (!this.#folderReady) {
      await mkdir(dirname(this.file), { recursive: true });
      this.#folderReady = true;
    }
    await appendFile(this.file, line, 'utf8');
  }
}
