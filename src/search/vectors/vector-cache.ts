import { createHash } from 'node:crypto';
import { type FileHandle, mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { z } from 'zod';
import { describeFsError, isFsError } from '../../corpus/fs-error.js';
import { quantise } from './sentence-vectors.js';

/**
 * Vectors already computed, on disk, so that a restart, a `/reload`, `/add` or a feed poll embeds
 * only the texts it has not seen. One file per model in the cache folder (`VECTOR_CACHE`): a
 * header naming the model, then fixed-size records, each the first 16 bytes of the SHA-256 of a
 * text, the row's factor (float32), the row (int8, as `TextVectors` keeps it) and a CRC-32 of the
 * rest. Records are only appended, so the file can only be damaged at its end: a record whose
 * CRC does not match (a torn write, zeros after a crash) is ignored, and the next append cuts a
 * partial record off before writing. Any number of processes may read and append: each append
 * holds `<file>.lock` (created exclusively) for the moment of the write.
 */
export class VectorCache {
  readonly file: string;
  readonly model: string;
  readonly dimensions: number;
  readonly #recordBytes: number;
  /** Appends from this process, one after the other. */
  #appending: Promise<void> = Promise.resolve();

  private constructor(file: string, model: string, dimensions: number) {
    this.file = file;
    this.model = model;
    this.dimensions = dimensions;
    this.#recordBytes = KEY_BYTES + FACTOR_BYTES + dimensions + CRC_BYTES;
  }

  /**
   * The cache of `model` in folder `dir` (created when first written). Rejects with a
   * `VectorCacheError` when the file there is not a cache of this model.
   */
  static async open(dir: string, model: string, dimensions: number): Promise<VectorCache> {
    const cache = new VectorCache(join(dir, `${model.replace(/[^A-Za-z0-9.-]+/gu, '_')}.vectors`), model, dimensions);
    await cache.#checkHeader();
    return cache;
  }

  /**
   * The cached rows of `texts`: for each text found, its int8 row at `rows[i * dimensions]` and
   * its factor at `factors[i]`; `missing` lists the indexes of the texts not found. A missing or
   * damaged file finds nothing, and never rejects for that.
   */
  async find(texts: readonly string[]): Promise<CacheLookup> {
    const rows = new Int8Array(texts.length * this.dimensions);
    const factors = new Float32Array(texts.length);
    const wanted = new Map<string, number[]>();
    for (const [index, text] of texts.entries()) {
      const key = textKey(text).toString('latin1');
      const indexes = wanted.get(key);
      if (indexes === undefined) wanted.set(key, [index]);
      else indexes.push(index);
    }
    let damaged = 0;
    if (wanted.size > 0) {
      let handle: FileHandle;
      try {
        handle = await open(this.file, 'r');
      } catch (error) {
        if (isFsError(error) && (error.code === 'ENOENT' || error.code === 'ENOTDIR'))
          return { rows, factors, missing: texts.map((_text, index) => index), damaged };
        throw new VectorCacheError(`the vector cache ${this.file} cannot be read (${describeFsError(error)})`, { cause: error });
      }
      try {
        damaged = await this.#scan(handle, wanted, rows, factors);
      } finally {
        await handle.close();
      }
    }
    const missing = [...wanted.values()].flat().sort((a, b) => a - b);
    return { rows, factors, missing, damaged };
  }

  /** Appends the vectors of `texts` (quantised to int8 rows). Rejects with a `VectorCacheError` when they could not be saved. */
  add(texts: readonly string[], vectors: readonly Float32Array[]): Promise<void> {
    if (texts.length !== vectors.length) return Promise.reject(new Error(`${texts.length} texts but ${vectors.length} vectors`));
    if (texts.length === 0) return Promise.resolve();
    const records = Buffer.alloc(texts.length * this.#recordBytes);
    for (const [index, text] of texts.entries()) {
      const vector = vectors[index];
      if (vector === undefined || vector.length !== this.dimensions)
        return Promise.reject(new Error(`vector ${index} has ${vector?.length ?? 0} dimensions, not ${this.dimensions}`));
      const { row, factor } = quantise(vector);
      const at = index * this.#recordBytes;
      textKey(text).copy(records, at);
      records.writeFloatLE(factor, at + KEY_BYTES);
      records.set(new Uint8Array(row.buffer, row.byteOffset, row.byteLength), at + KEY_BYTES + FACTOR_BYTES);
      const body = records.subarray(at, at + this.#recordBytes - CRC_BYTES);
      records.writeUInt32LE(crc32(body), at + this.#recordBytes - CRC_BYTES);
    }
    const appended = this.#appending.then(() => this.#append(records));
    this.#appending = appended.catch(() => undefined);
    return appended;
  }

  async #checkHeader(): Promise<void> {
    let bytes: Buffer;
    try {
      const handle = await open(this.file, 'r');
      try {
        bytes = Buffer.alloc(HEADER_BYTES);
        const { bytesRead } = await handle.read(bytes, 0, HEADER_BYTES, 0);
        bytes = bytes.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    } catch (error) {
      if (isFsError(error) && (error.code === 'ENOENT' || error.code === 'ENOTDIR')) return;
      throw new VectorCacheError(`the vector cache ${this.file} cannot be read (${describeFsError(error)})`, { cause: error });
    }
    // A header cut short is a damaged tail of an empty cache: the next append writes it again.
    if (bytes.length < HEADER_BYTES) return;
    const found = parseHeader(bytes);
    if (found === null || found.model !== this.model || found.dimensions !== this.dimensions)
      throw new VectorCacheError(
        `${this.file} is not a vector cache of ${this.model} (${this.dimensions} dimensions); move it away or set VECTOR_CACHE to another folder`,
      );
  }

  async #scan(handle: FileHandle, wanted: Map<string, number[]>, rows: Int8Array, factors: Float32Array): Promise<number> {
    const size = (await handle.stat()).size;
    const header = Buffer.alloc(Math.min(HEADER_BYTES, size));
    await handle.read(header, 0, header.length, 0);
    if (header.length < HEADER_BYTES || parseHeader(header) === null) return 0;
    const chunk = Buffer.alloc(this.#recordBytes * RECORDS_PER_READ);
    let damaged = 0;
    for (let position = HEADER_BYTES; position + this.#recordBytes <= size && wanted.size > 0; ) {
      const { bytesRead } = await handle.read(chunk, 0, Math.min(chunk.length, size - position), position);
      const whole = Math.floor(bytesRead / this.#recordBytes);
      if (whole === 0) break;
      for (let record = 0; record < whole; record += 1) {
        const at = record * this.#recordBytes;
        const body = chunk.subarray(at, at + this.#recordBytes - CRC_BYTES);
        if (crc32(body) !== chunk.readUInt32LE(at + this.#recordBytes - CRC_BYTES)) {
          damaged += 1;
          continue;
        }
        const key = chunk.toString('latin1', at, at + KEY_BYTES);
        const indexes = wanted.get(key);
        if (indexes === undefined) continue;
        wanted.delete(key);
        const factor = chunk.readFloatLE(at + KEY_BYTES);
        const row = new Int8Array(chunk.buffer, chunk.byteOffset + at + KEY_BYTES + FACTOR_BYTES, this.dimensions);
        for (const index of indexes) {
          rows.set(row, index * this.dimensions);
          factors[index] = factor;
        }
      }
      position += whole * this.#recordBytes;
    }
    return damaged;
  }

  async #append(records: Buffer): Promise<void> {
    try {
      await mkdir(join(this.file, '..'), { recursive: true });
    } catch (error) {
      throw new VectorCacheError(
        `the vector cache folder for ${this.file} cannot be made (${describeFsError(error)}); set VECTOR_CACHE to a folder the bot may write to`,
        { cause: error },
      );
    }
    const unlock = await lock(`${this.file}.lock`);
    let handle: FileHandle | null = null;
    let kept = -1;
    try {
      handle = await open(this.file, 'a+');
      const size = (await handle.stat()).size;
      // Whole records only: a partial one left by a crash or a full disk is cut off before writing.
      kept = size < HEADER_BYTES ? 0 : size - ((size - HEADER_BYTES) % this.#recordBytes);
      if (kept !== size) await handle.truncate(kept);
      const data = kept === 0 ? Buffer.concat([headerBytes(this.model, this.dimensions), records]) : records;
      for (let written = 0; written < data.length; ) written += (await handle.write(data, written, data.length - written)).bytesWritten;
    } catch (error) {
      // A full disk may have taken part of the write: cut back to whole records.
      if (handle !== null && kept >= 0) await handle.truncate(kept).catch(() => undefined);
      throw new VectorCacheError(`vectors could not be saved in ${this.file} (${describeFsError(error)})`, { cause: error });
    } finally {
      await handle?.close().catch(() => undefined);
      await unlock();
    }
  }
}

/** What `VectorCache.find` found. */
export interface CacheLookup {
  readonly rows: Int8Array;
  readonly factors: Float32Array;
  /** Indexes of the texts not in the cache, ascending. */
  readonly missing: readonly number[];
  /** Records skipped because their checksum did not match. */
  readonly damaged: number;
}

/** The vector cache cannot be used; the message says why and what to do. */
export class VectorCacheError extends Error {
  override name = 'VectorCacheError';
}

const FORMAT = 'article-qa-bot vector cache';
const VERSION = 1;
const HEADER_BYTES = 256;
const KEY_BYTES = 16;
const FACTOR_BYTES = 4;
const CRC_BYTES = 4;
const RECORDS_PER_READ = 4096;
const LOCK_ATTEMPTS = 100;
const LOCK_WAIT_MS = 50;
/** A lock older than this was left by a process that died mid-write (an append takes milliseconds). */
const STALE_LOCK_MS = 60_000;

const headerData = z.object({ format: z.literal(FORMAT), version: z.literal(VERSION), model: z.string(), dimensions: z.number().int() });

function headerBytes(model: string, dimensions: number): Buffer {
  const json = JSON.stringify({ format: FORMAT, version: VERSION, model, dimensions });
  if (Buffer.byteLength(json) >= HEADER_BYTES) throw new Error(`the model id "${model}" is too long for the vector cache's header`);
  return Buffer.from(`${json.padEnd(HEADER_BYTES - 1, ' ')}\n`);
}

function parseHeader(bytes: Buffer): z.infer<typeof headerData> | null {
  try {
    const parsed = headerData.safeParse(JSON.parse(bytes.toString('utf8', 0, HEADER_BYTES)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The cache's key of a text: the first 16 bytes of its SHA-256. */
export function textKey(text: string): Buffer {
  return createHash('sha256').update(text).digest().subarray(0, KEY_BYTES);
}

/** Takes the lock file exclusively; resolves with its release. A lock left by a dead process is taken over. */
async function lock(file: string): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < LOCK_ATTEMPTS; attempt += 1) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return () => rm(file, { force: true });
    } catch (error) {
      if (!isFsError(error) || error.code !== 'EEXIST') throw error;
    }
    if (await staleLock(file)) await rm(file, { force: true });
    else await new Promise((resolve) => setTimeout(resolve, LOCK_WAIT_MS));
  }
  throw new Error(`${file} stayed locked by another process for ${(LOCK_ATTEMPTS * LOCK_WAIT_MS) / 1000} s`);
}

async function staleLock(file: string): Promise<boolean> {
  try {
    const [text, info] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
    if (Date.now() - info.mtimeMs > STALE_LOCK_MS) return true;
    const pid = Number(text.trim());
    if (!Number.isSafeInteger(pid) || pid <= 0) return Date.now() - info.mtimeMs > LOCK_WAIT_MS * 20;
    if (pid === process.pid) return false;
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return isFsError(error) && error.code === 'ESRCH';
  }
}
