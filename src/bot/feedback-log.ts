import { constants } from 'node:fs';
import { mkdir, open, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describeFsError } from '../corpus/fs-error.js';
import { replaceFile } from '../corpus/replace-file.js';
import type { ShownPassage } from './bot-context.js';
import type { FeedbackSink } from './feedback-sink.js';

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

export const DEFAULT_FEEDBACK_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_FEEDBACK_KEEP_FILES = 5;

const NEWLINE = 0x0a;
/** Where start-up puts lines of the feedback file that do not parse, beside the file: `feedback.jsonl.damaged`. */
export const DAMAGED_SUFFIX = '.damaged';
/** O_APPEND: every write lands at the end of the file, whatever else has the file open. */
const APPEND_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND;

/**
 * Appends feedback to a JSON Lines file, with the disk use bounded.
 *
 * - Each record is serialised in full first and written with one `write` on a file opened with
 *   `O_APPEND`, so a line is never interleaved with another.
 * - A record is in the file whole or not at all: when a write fails part way (a full disk takes
 *   what fits, then refuses the rest), the file is cut back to its length before the write and
 *   `append` rejects with a `FeedbackWriteError`, so the next record still starts a line of its own.
 * - Writes go through one queue, so concurrent clicks are written one after another and none is lost.
 * - The first time the file is used (at start-up), every line that is not a JSON object (a line
 *   cut short by a crash, two records run together by an older version) is moved to
 *   `<file>.damaged` and every good line is kept, so that every line in the file parses.
 * - When a record would take the file past `maxBytes`, the file is rotated first:
 *   `feedback.jsonl` → `feedback.jsonl.1` → … → `feedback.jsonl.<keepFiles>`, the oldest deleted.
 *
 * The file is opened for each write and closed after it, so a running bot holds no descriptor
 * and an outside tool may move or delete the file at any time. The folder is created on demand.
 * It must be the file's only writer: with shards, the sharding manager's process holds it and
 * the shards send it their votes (`ShardFeedbackSink`), so that rotation never runs twice at once.
 */
export class FeedbackLog implements FeedbackSink {
  readonly file: string;
  readonly maxBytes: number;
  readonly keepFiles: number;
  #tail: Promise<void> = Promise.resolve();
  /** Set once the folder exists and any damaged line has been set aside. */
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
   * Creates the folder and sets damaged lines aside now instead of at the first vote. Optional:
   * `append` does it when needed. Rejects when the file cannot be opened or repaired.
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
    await setAsideDamagedLines(this.file);
    this.#ready = true;
  }

  async #write(line: Buffer): Promise<void> {
    await this.#prepare();
    let handle = await open(this.file, APPEND_FLAGS, 0o644);
    try {
      let { size } = await handle.stat();
      if (size > 0 && size + line.length > this.maxBytes) {
        await handle.close();
        await this.#rotate();
        handle = await open(this.file, APPEND_FLAGS, 0o644);
        ({ size } = await handle.stat());
      }
      try {
        await writeWhole(handle, line);
      } catch (error) {
        // The part that did reach the file would run the next record into a line that does not
        // parse. With one writer the record starts at the old length, so cutting back there is exact.
        await handle.truncate(size).catch(() => {
          this.#ready = false;
        });
        throw new FeedbackWriteError(this.file, error);
      }
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

/**
 * Keeps every line of the file that is a JSON object and moves every other line (one cut short
 * by a crash or a full disk, two records run together) to `<file>.damaged`, where a person can
 * still read them. The damaged lines are saved before the file is replaced, and the file is
 * replaced by a rename, so a failure at any point loses nothing. Returns how many lines were
 * moved (0 leaves the file untouched).
 */
export async function setAsideDamagedLines(file: string): Promise<number> {
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch (error) {
    if (isMissingFile(error)) return 0;
    throw error;
  }
  const good: Buffer[] = [];
  const damaged: Buffer[] = [];
  let blank = 0;
  for (let start = 0; start < content.length; ) {
    const newline = content.indexOf(NEWLINE, start);
    const end = newline === -1 ? content.length : newline;
    const line = content.subarray(start, end);
    // A last line without its newline was cut short, whatever it holds.
    if (line.length === 0) blank += 1;
    else if (newline !== -1 && isJsonObject(line)) good.push(line);
    else damaged.push(line);
    start = end + 1;
  }
  if (damaged.length === 0 && blank === 0) return 0;

  if (damaged.length > 0) await appendDurably(`${file}${DAMAGED_SUFFIX}`, Buffer.concat(damaged.flatMap((line) => [line, NEWLINE_BYTE])));
  await replaceFile(file, Buffer.concat(good.flatMap((line) => [line, NEWLINE_BYTE])));
  return damaged.length;
}

const NEWLINE_BYTE = Buffer.from([NEWLINE]);

function isJsonObject(line: Buffer): boolean {
  try {
    const value: unknown = JSON.parse(line.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

async function appendDurably(file: string, bytes: Buffer): Promise<void> {
  const handle = await open(file, APPEND_FLAGS, 0o644);
  try {
    await writeWhole(handle, bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isMissingFile(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}
