import { constants } from 'node:fs';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
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

export const DEFAULT_FEEDBACK_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_FEEDBACK_KEEP_FILES = 5;

const NEWLINE = 0x0a;
/** How much of the tail is read at a time while looking for the last whole line. */
const TAIL_CHUNK = 64 * 1024;
/** O_APPEND: every write lands at the end of the file, whatever else has the file open. */
const APPEND_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND;

/**
 * Appends feedback to a JSON Lines file, with the disk use bounded.
 *
 * - Each record is serialised in full first and written with one `write` on a file opened with
 *   `O_APPEND`, so a line is never interleaved with another and never written in pieces.
 * - Writes go through one queue, so concurrent clicks are written one after another and none is lost.
 * - The first time the file is used (at start-up), a partial last line, left by a crash or a full
 *   disk in the middle of a write, is cut off, so the next record starts on a line of its own
 *   and every line in the file parses.
 * - When a record would take the file past `maxBytes`, the file is rotated first:
 *   `feedback.jsonl` → `feedback.jsonl.1` → … → `feedback.jsonl.<keepFiles>`, the oldest deleted.
 *
 * The file is opened for each write and closed after it, so a running bot holds no descriptor
 * and an outside tool may move or delete the file at any time. The folder is created on demand.
 */
export class FeedbackLog {
  readonly file: string;
  readonly maxBytes: number;
  readonly keepFiles: number;
  #tail: Promise<void> = Promise.resolve();
  /** Set once the folder exists and any torn tail has been repaired. */
  #ready = false;

  constructor(file: string, options: FeedbackLogOptions = {}) {
    const maxBytes = options.maxBytes ?? DEFAULT_FEEDBACK_MAX_BYTES;
    const keepFiles = options.keepFiles ?? DEFAULT_FEEDBACK_KEEP_FILES;
    if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) throw new RangeError('maxBytes must be a whole number >= 1');
    if (!Number.isSafeInteger(keepFiles) || keepFiles < 0) throw new RangeError('keepFiles must be a whole number >= 0');
    this.file = file;
    this.maxBytes = maxBytes;
    this.keepFiles = keepFiles;
  }

  /** Resolves once the line is in the file; rejects if this write failed (later writes still run). */
  append(entry: FeedbackEntry): Promise<void> {
    // Serialised before queueing: a record that cannot be serialised fails alone, and the bytes
    // written later are exactly the entry as it was when the vote came in.
    let line: Buffer;
    try {
      line = Buffer.from(`${JSON.stringify(entry)}\n`, 'utf8');
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return this.#enqueue(() => this.#write(line));
  }

  /**
   * Creates the folder and repairs a torn last line now instead of at the first vote. Optional:
   * `append` does it when needed. Rejects when the file cannot be opened.
   */
  open(): Promise<void> {
    return this.#enqueue(() => this.#prepare());
  }

  /** Resolves when every append queued so far has finished. */
  async flush(): Promise<void> {
    await this.#tail;
  }

  #enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.#tail.then(task);
    this.#tail = run.catch(() => undefined);
    return run;
  }

  async #prepare(): Promise<void> {
    if (this.#ready) return;
    await mkdir(dirname(this.file), { recursive: true });
    await repairTornTail(this.file);
    this.#ready = true;
  }

  async #write(line: Buffer): Promise<void> {
    await this.#prepare();
    let handle = await open(this.file, APPEND_FLAGS, 0o644);
    try {
      const { size } = await handle.stat();
      if (size > 0 && size + line.length > this.maxBytes) {
        await handle.close();
        await this.#rotate();
        handle = await open(this.file, APPEND_FLAGS, 0o644);
      }
      await writeWhole(handle, line);
    } finally {
      await handle.close();
    }
  }

  /** `file.(N-1)` → `file.N`, …, `file` → `file.1`; what would become `file.(N+1)` is deleted. */
  async #rotate(): Promise<void> {
    if (this.keepFiles === 0) {
      await rm(this.file, { force: true });
      return;
    }
    await rm(`${this.file}.${this.keepFiles}`, { force: true });
    for (let index = this.keepFiles - 1; index >= 1; index -= 1) {
      await renameIfExists(`${this.file}.${index}`, `${this.file}.${index + 1}`);
    }
    await renameIfExists(this.file, `${this.file}.1`);
  }
}

/**
 * One `write` for the whole line. A regular file takes it whole; should the kernel ever accept
 * only part, the rest follows at once (with `O_APPEND` and one writer it still lands right after).
 */
async function writeWhole(handle: FileHandle, bytes: Buffer): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
    if (bytesWritten <= 0) throw new Error('the feedback file accepted no bytes');
    offset += bytesWritten;
  }
}

async function renameIfExists(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if (!isMissingFile(error)) throw error;
  }
}

/**
 * When the file does not end in a newline, its last line was cut short by a crash: truncate the
 * file after its last newline (or to empty when it has none). Returns how many bytes were cut.
 */
export async function repairTornTail(file: string): Promise<number> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r+');
  } catch (error) {
    if (isMissingFile(error)) return 0;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return 0;
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    if (last[0] === NEWLINE) return 0;

    let keep = 0;
    for (let end = size; end > 0; end -= TAIL_CHUNK) {
      const start = Math.max(0, end - TAIL_CHUNK);
      const chunk = Buffer.alloc(end - start);
      await handle.read(chunk, 0, chunk.length, start);
      const newline = chunk.lastIndexOf(NEWLINE);
      if (newline !== -1) {
        keep = start + newline + 1;
        break;
      }
    }
    await handle.truncate(keep);
    return size - keep;
  } finally {
    await handle.close();
  }
}

function isMissingFile(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}
