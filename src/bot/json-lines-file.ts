import { constants } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { describeFsError } from '../corpus/fs-error.js';
import { replaceFile } from '../corpus/replace-file.js';

export interface JsonLinesFileOptions {
  /**
   * When lines would take the file past this many bytes, the file is rotated first, so a file
   * holds at most this much (a single line larger than it gets a file of its own). Default 10 MiB.
   */
  readonly maxBytes?: number;
  /**
   * How many rotated files to keep: `<file>.1` (newest) … `<file>.N` (oldest); older ones are
   * deleted. 0 keeps none. Default 5.
   */
  readonly keepFiles?: number;
  /**
   * At each rotation, lines of the rotated files whose `time` is older than this many
   * milliseconds are dropped (and a rotated file left empty is deleted). Default: kept until
   * `keepFiles` pushes them out.
   */
  readonly maxAgeMs?: number;
  /** Epoch milliseconds, for `maxAgeMs`. Default `Date.now`. */
  readonly now?: () => number;
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_KEEP_FILES = 5;

/** Where start-up puts lines that do not parse, beside the file: `feedback.jsonl.damaged`. */
export const DAMAGED_SUFFIX = '.damaged';
const NEWLINE = 0x0a;
const NEWLINE_BYTE = Buffer.from([NEWLINE]);
/** O_APPEND: every write lands at the end of the file, whatever else has the file open. */
const APPEND_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND;
/** How much of a rotated file is read to find the time of its first line. */
const HEAD_BYTES = 64 * 1024;

/** What one `append` wrote: every line, or the lines that fit and the reason the others did not. */
export interface AppendOutcome {
  readonly written: number;
  readonly failed: number;
  /** Why lines failed (the first error met); null when every line was written. */
  readonly error: JsonLinesWriteError | null;
}

/**
 * A JSON Lines file that only grows at its end, with the disk it uses bounded: what the
 * feedback file and the question log are written with.
 *
 * - Lines are written with one `write` on a file opened with `O_APPEND`, so a line is never
 *   interleaved with another.
 * - A line is in the file whole or not at all: when a write fails part way (a full disk takes
 *   what fits, then refuses the rest), the file is cut back to its length before the write, so
 *   the next line still starts a line of its own. A batch that fails is then written line by
 *   line, so that the lines that fit are kept.
 * - Writes go through one queue, so concurrent appends are written one after another.
 * - The first time the file is used (at start-up), every line that is not a JSON object (a line
 *   cut short by a crash, two records run together by an older version) is moved to
 *   `<file>.damaged` and every good line is kept, so that every line in the file parses.
 * - When lines would take the file past `maxBytes`, the file is rotated first:
 *   `<file>` → `<file>.1` → … → `<file>.<keepFiles>`, the oldest deleted, and lines older than
 *   `maxAgeMs` dropped from the rotated files.
 *
 * The file is opened for each write and closed after it, so a running bot holds no descriptor
 * and an outside tool may move or delete the file at any time. The folder is created on demand.
 * It must be the file's only writer: with shards, the sharding manager's process holds it and
 * the shards send it their lines, so that rotation never runs twice at once.
 */
export class JsonLinesFile {
  readonly file: string;
  readonly maxBytes: number;
  readonly keepFiles: number;
  readonly maxAgeMs: number | null;
  readonly #now: () => number;
  #tail: Promise<unknown> = Promise.resolve();
  /** Set once the folder exists and any damaged line has been set aside. */
  #ready = false;

  constructor(file: string, options: JsonLinesFileOptions = {}) {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const keepFiles = options.keepFiles ?? DEFAULT_KEEP_FILES;
    const maxAgeMs = options.maxAgeMs ?? null;
    if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) throw new RangeError('maxBytes must be a whole number >= 1');
    if (!Number.isSafeInteger(keepFiles) || keepFiles < 0) throw new RangeError('keepFiles must be a whole number >= 0');
    if (maxAgeMs !== null && !(maxAgeMs > 0)) throw new RangeError('maxAgeMs must be > 0');
    this.file = file;
    this.maxBytes = maxBytes;
    this.keepFiles = keepFiles;
    this.maxAgeMs = maxAgeMs;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Appends lines, each a serialised JSON object ending in a newline, in order. Resolves with what
   * was written once it is in the file; rejects only when the file could not be prepared or
   * rotated (later appends still run).
   */
  append(lines: readonly Buffer[]): Promise<AppendOutcome> {
    return this.#enqueue(() => this.#write(lines));
  }

  /**
   * Creates the folder and sets damaged lines aside now instead of at the first append. Optional:
   * `append` does it when needed. Rejects when the file cannot be opened or repaired.
   */
  open(): Promise<void> {
    return this.#enqueue(() => this.#prepare());
  }

  /** Resolves when every append queued so far has finished. */
  async flush(): Promise<void> {
    await this.#tail;
  }

  #enqueue<T>(task: () => Promise<T>): Promise<T> {
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

  async #write(lines: readonly Buffer[]): Promise<AppendOutcome> {
    if (lines.length === 0) return { written: 0, failed: 0, error: null };
    await this.#prepare();
    const batch = lines.length === 1 ? (lines[0] ?? Buffer.alloc(0)) : Buffer.concat(lines);
    let handle = await open(this.file, APPEND_FLAGS, 0o644);
    try {
      let { size } = await handle.stat();
      if (size > 0 && size + batch.length > this.maxBytes) {
        await handle.close();
        await this.#rotate();
        handle = await open(this.file, APPEND_FLAGS, 0o644);
        ({ size } = await handle.stat());
      }
      const error = await this.#writeOrCutBack(handle, batch, size);
      if (error === null) return { written: lines.length, failed: 0, error: null };
      if (lines.length === 1) return { written: 0, failed: 1, error };
      // The batch did not fit: keep every line that does, one at a time.
      let written = 0;
      for (const line of lines) {
        if ((await this.#writeOrCutBack(handle, line, size)) === null) {
          written += 1;
          size += line.length;
        }
      }
      return { written, failed: lines.length - written, error };
    } finally {
      await handle.close();
    }
  }

  /** Writes `bytes` at the end (`size`); on failure cuts the file back to `size` and says why. */
  async #writeOrCutBack(handle: FileHandle, bytes: Buffer, size: number): Promise<JsonLinesWriteError | null> {
    try {
      await writeWhole(handle, bytes);
      return null;
    } catch (error) {
      // The part that did reach the file would run the next line into one that does not parse.
      // With one writer the bytes start at the old length, so cutting back there is exact.
      await handle.truncate(size).catch(() => {
        this.#ready = false;
      });
      return new JsonLinesWriteError(this.file, error);
    }
  }

  /** `file.(N-1)` → `file.N`, …, `file` → `file.1`; what would become `file.(N+1)` is deleted. */
  async #rotate(): Promise<void> {
    if (this.keepFiles === 0) {
      await rm(this.file, { force: true });
      return;
    }
    const rotated = (await rotatedNumbers(this.file)).sort((a, b) => b - a);
    for (const number of rotated) {
      if (number >= this.keepFiles) await rm(`${this.file}.${number}`, { force: true });
      else await renameIfExists(`${this.file}.${number}`, `${this.file}.${number + 1}`);
    }
    await renameIfExists(this.file, `${this.file}.1`);
    if (this.maxAgeMs !== null) await this.#dropOldLines(this.#now() - this.maxAgeMs);
  }

  /**
   * Rotated files hold older lines the higher their number, so they are looked at oldest first,
   * and the first one that starts inside the window ends the work: every newer one is inside too.
   */
  async #dropOldLines(cutoff: number): Promise<void> {
    const numbers = (await rotatedNumbers(this.file)).sort((a, b) => b - a);
    for (const number of numbers) {
      const path = `${this.file}.${number}`;
      const first = lineTime(await readHead(path));
      if (first !== null && first >= cutoff) return;
      const content = await readFile(path);
      const kept = splitLines(content).filter((line) => {
        const time = lineTime(line);
        return time !== null && time >= cutoff;
      });
      if (kept.length === 0) await rm(path, { force: true });
      else await replaceFile(path, joinLines(kept));
    }
  }
}

/** The first line of a file (up to `HEAD_BYTES`). */
async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    const head = buffer.subarray(0, bytesRead);
    const newline = head.indexOf(NEWLINE);
    return newline === -1 ? head : head.subarray(0, newline);
  } finally {
    await handle.close();
  }
}

/** The epoch milliseconds of a line's `time` field, or null when it has none that parses. */
function lineTime(line: Buffer): number | null {
  try {
    const value: unknown = JSON.parse(line.toString('utf8'));
    if (typeof value !== 'object' || value === null || !('time' in value) || typeof value.time !== 'string') return null;
    const time = Date.parse(value.time);
    return Number.isNaN(time) ? null : time;
  } catch {
    return null;
  }
}

function splitLines(content: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  for (let start = 0; start < content.length; ) {
    const newline = content.indexOf(NEWLINE, start);
    const end = newline === -1 ? content.length : newline;
    if (end > start) lines.push(content.subarray(start, end));
    start = end + 1;
  }
  return lines;
}

function joinLines(lines: readonly Buffer[]): Buffer {
  return Buffer.concat(lines.flatMap((line) => [line, NEWLINE_BYTE]));
}

/**
 * One `write` for the whole line. A regular file takes it whole; should the kernel ever accept
 * only part, the rest follows at once (with `O_APPEND` and one writer it still lands right after).
 */
async function writeWhole(handle: FileHandle, bytes: Buffer): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
    if (bytesWritten <= 0) throw new Error('the file accepted no bytes');
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

/** Lines could not be written; the file is as it was before the attempt. */
export class JsonLinesWriteError extends Error {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(`could not write to ${file} (${describeFsError(cause)})`, { cause });
    this.name = 'JsonLinesWriteError';
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

  if (damaged.length > 0) await appendDurably(`${file}${DAMAGED_SUFFIX}`, joinLines(damaged));
  await replaceFile(file, joinLines(good));
  return damaged.length;
}

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

/** The N of every `<file>.N` beside the file. */
async function rotatedNumbers(file: string): Promise<number[]> {
  const prefix = `${basename(file)}.`;
  let names: string[];
  try {
    names = await readdir(dirname(file));
  } catch (error) {
    if (isMissingFile(error)) return [];
    throw error;
  }
  return names
    .filter((name) => name.startsWith(prefix) && /^\d+$/u.test(name.slice(prefix.length)))
    .map((name) => Number(name.slice(prefix.length)))
    .filter((number) => number >= 1);
}

/**
 * The files a JSON Lines file's lines are in, in the order they were written: its rotated files
 * oldest first (the highest number), then the file itself. Only files that exist are listed.
 */
export async function filesOldestFirst(file: string): Promise<string[]> {
  const rotated = (await rotatedNumbers(file)).sort((a, b) => b - a).map((number) => `${file}.${number}`);
  const live = await stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
  return live ? [...rotated, file] : rotated;
}
