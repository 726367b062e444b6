import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { fileKind } from '../../corpus/read-corpus-file.js';
import { replaceFile } from '../../corpus/replace-file.js';
import { analyzerFor, type IndexedCorpus } from '../indexed-corpus.js';
import type { AnalysisOptions } from '../options.js';
import type { SavedVectors } from '../vectors/corpus-vectors.js';
import { TextVectors } from '../vectors/sentence-vectors.js';
import { restoreCorpus, saveCorpus, savedCorpus } from './saved-corpus.js';
import { SentenceIndex } from './sentence-index.js';

/** Where `npm run build-index` saves the index, beside the articles (a dot file: not an article). */
export const SNAPSHOT_FILE = '.index-snapshot';
const FORMAT = 'article-qa-bot index snapshot';
/** 5: sentence and title vectors after the index (an older snapshot is simply rebuilt). */
const VERSION = 5;
/** Where the snapshot of a corpus folder is kept unless INDEX_SNAPSHOT_PATH says otherwise. */
export function defaultSnapshotFile(dir: string): string {
  return join(dir, SNAPSHOT_FILE);
}

/** The reason given when a folder simply has no snapshot: normal, not worth a warning. */
export const NO_SNAPSHOT = 'there is no index snapshot';

const header = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  /** Digest of the corpus files and of the analysis that built the index. */
  fingerprint: z.string(),
  /** SHA-256 of everything after the header line. */
  checksum: z.string(),
  /** Length in bytes of everything after the header line: checked against the file before it is read. */
  bytes: z.number().int().nonnegative(),
});

const corpusData = z.object({ corpus: savedCorpus });

const indexData = z.object({
  terms: z.object({ vocabulary: z.array(z.string()), ids: z.string(), starts: z.string() }),
});

/** The vectors part's JSON line; the rows and factors follow it as bytes. */
const vectorsData = z
  .object({
    model: z.string(),
    dimensions: z.number().int().positive(),
    sentences: z.number().int().nonnegative(),
    titles: z.number().int().nonnegative(),
  })
  .nullable();

export type SnapshotRead =
  | {
      readonly ok: true;
      readonly indexed: IndexedCorpus;
      /** The corpus's sentence vectors, when the snapshot was saved with them. */
      readonly vectors: SavedVectors | null;
    }
  | { readonly ok: false; readonly reason: string };

/**
 * Saves an indexed corpus as four lines and some bytes: a JSON header (format, version,
 * fingerprint, checksum), the corpus, the analysed terms of every sentence (MiniSearch's index
 * follows from them), a line describing the vectors (null without them), then the vectors'
 * int8 rows and float32 factors as bytes (sentences, then titles), so that a restart has them
 * at once. Written with `replaceFile`, so a crash or a full disk never leaves half a snapshot
 * in place. Rejects when it cannot be written.
 */
export async function writeSnapshot(
  dir: string,
  indexed: IndexedCorpus,
  fingerprint: string,
  file = defaultSnapshotFile(dir),
  vectors: SavedVectors | null = null,
): Promise<{ file: string; bytes: number }> {
  const vectorsLine: z.infer<typeof vectorsData> =
    vectors === null
      ? null
      : {
          model: vectors.model,
          dimensions: vectors.sentences.dimensions,
          sentences: vectors.sentences.count,
          titles: vectors.titles.count,
        };
  const lines = `${JSON.stringify({ corpus: saveCorpus(indexed.corpus) })}\n${JSON.stringify(indexed.index.serialize())}\n${JSON.stringify(vectorsLine)}\n`;
  const body = Buffer.concat([
    Buffer.from(lines),
    ...(vectors === null ? [] : [...vectorBytes(vectors.sentences), ...vectorBytes(vectors.titles)]),
  ]);
  const checksum = createHash('sha256').update(body).digest('hex');
  await mkdir(dirname(file), { recursive: true });
  const bytes = body.length;
  await replaceFile(
    file,
    Buffer.concat([Buffer.from(`${JSON.stringify({ format: FORMAT, version: VERSION, fingerprint, checksum, bytes })}\n`), body]),
  );
  return { file, bytes };
}

function vectorBytes(vectors: TextVectors): [Buffer, Buffer] {
  const factors = Buffer.alloc(vectors.count * 4);
  for (let row = 0; row < vectors.count; row += 1) factors.writeFloatLE(vectors.factors[row] ?? 0, row * 4);
  return [Buffer.from(vectors.rows.buffer, vectors.rows.byteOffset, vectors.rows.byteLength), factors];
}

/** Reads `count` rows of `dimensions` and their factors from `bytes` at `start`; null when they do not fit. */
function readVectors(bytes: Buffer, start: number, dimensions: number, count: number): { vectors: TextVectors; end: number } | null {
  const end = start + count * dimensions + count * 4;
  if (end > bytes.length) return null;
  // Copied, so that the snapshot's bytes can be freed.
  const rows = new Int8Array(count * dimensions);
  rows.set(new Int8Array(bytes.buffer, bytes.byteOffset + start, count * dimensions));
  const factors = new Float32Array(count);
  for (let row = 0; row < count; row += 1) factors[row] = bytes.readFloatLE(start + count * dimensions + row * 4);
  return { vectors: TextVectors.fromRows(dimensions, rows, factors), end };
}

/**
 * Reads the snapshot of `dir` if it was built from exactly these files with this analysis.
 * Anything else (missing, foreign, out of date, damaged) is a reason, never an exception and
 * never trusted: the caller builds the index from the files instead. Only a regular file is
 * read, and only its header line until that header, and the file's size, say it is ours.
 */
export async function readSnapshot(
  dir: string,
  fingerprint: string,
  options: AnalysisOptions = {},
  file = defaultSnapshotFile(dir),
): Promise<SnapshotRead> {
  let handle: FileHandle;
  try {
    // Without blocking: a named pipe in the snapshot's place must not wait for a writer forever.
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return { ok: false, reason: NO_SNAPSHOT };
    return { ok: false, reason: `the index snapshot cannot be read (${error instanceof Error ? error.message : String(error)}); ignored` };
  }
  try {
    return await readOpenSnapshot(handle, fingerprint, options);
  } catch (error) {
    return { ok: false, reason: `the index snapshot is damaged (${error instanceof Error ? error.message : String(error)}); ignored` };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** The header line is short (a fingerprint and a checksum); a file without a newline this early is not ours. */
const MAX_HEADER_BYTES = 4096;

async function readOpenSnapshot(handle: FileHandle, fingerprint: string, options: AnalysisOptions): Promise<SnapshotRead> {
  const info = await handle.stat();
  if (!info.isFile()) return { ok: false, reason: `the index snapshot is not a regular file (${fileKind(info)}); ignored` };
  const head = Buffer.alloc(Math.min(MAX_HEADER_BYTES, info.size));
  const headRead = await readAt(handle, head, 0);
  const firstBreak = head.subarray(0, headRead).indexOf(NEWLINE);
  const parsedHeader = firstBreak === -1 ? null : header.safeParse(parseJson(head.toString('utf8', 0, firstBreak)));
  if (parsedHeader === null || !parsedHeader.success) return { ok: false, reason: 'the index snapshot is not one this bot wrote; ignored' };
  if (parsedHeader.data.fingerprint !== fingerprint)
    return { ok: false, reason: 'the index snapshot is out of date (the articles or the analysis changed since `npm run build-index`)' };
  if (info.size !== firstBreak + 1 + parsedHeader.data.bytes)
    return { ok: false, reason: 'the index snapshot is damaged (its size is not the size its header gives); ignored' };

  // Read as bytes: the checksum is taken over them, and only the lines needed are decoded.
  const body = Buffer.alloc(parsedHeader.data.bytes);
  if ((await readAt(handle, body, firstBreak + 1)) !== body.length)
    return { ok: false, reason: 'the index snapshot is damaged (it is shorter than it was a moment ago); ignored' };
  if (createHash('sha256').update(body).digest('hex') !== parsedHeader.data.checksum)
    return { ok: false, reason: 'the index snapshot is damaged (its checksum does not match); ignored' };
  const secondBreak = body.indexOf(NEWLINE);
  const data = corpusData.safeParse(parseJson(body.toString('utf8', 0, secondBreak)));
  if (secondBreak === -1 || !data.success)
    return { ok: false, reason: 'the index snapshot is damaged (its corpus part does not read); ignored' };
  const thirdBreak = body.indexOf(NEWLINE, secondBreak + 1);
  const savedIndex = indexData.safeParse(parseJson(body.toString('utf8', secondBreak + 1, thirdBreak)));
  if (thirdBreak === -1 || !savedIndex.success)
    return { ok: false, reason: 'the index snapshot is damaged (its index part does not read); ignored' };
  const fourthBreak = body.indexOf(NEWLINE, thirdBreak + 1);
  const vectorsLine = vectorsData.safeParse(parseJson(body.toString('utf8', thirdBreak + 1, fourthBreak)));
  if (fourthBreak === -1 || !vectorsLine.success)
    return { ok: false, reason: 'the index snapshot is damaged (its vectors part does not read); ignored' };
  let vectors: SavedVectors | null = null;
  if (vectorsLine.data !== null) {
    const { model, dimensions, sentences: sentenceCount, titles: titleCount } = vectorsLine.data;
    const sentences = readVectors(body, fourthBreak + 1, dimensions, sentenceCount);
    const titles = sentences === null ? null : readVectors(body, sentences.end, dimensions, titleCount);
    if (sentences === null || titles === null || titles.end !== body.length)
      return { ok: false, reason: 'the index snapshot is damaged (its vectors are not the size their line gives); ignored' };
    vectors = { model, sentences: sentences.vectors, titles: titles.vectors };
  }
  const corpus = restoreCorpus(data.data.corpus);
  const analyzer = analyzerFor(corpus, options);
  const index = SentenceIndex.restore(corpus.articles, savedIndex.data);
  if (vectors !== null && (vectors.sentences.count !== index.sentences.length || vectors.titles.count !== corpus.articles.length))
    return { ok: false, reason: 'the index snapshot is damaged (its vectors do not match its sentences); ignored' };
  return { ok: true, indexed: { corpus, analyzer, index }, vectors };
}

/** Fills `buffer` from `position` on, or as much of it as the file holds; returns how many bytes were read. */
async function readAt(handle: FileHandle, buffer: Buffer, position: number): Promise<number> {
  let filled = 0;
  while (filled < buffer.length) {
    const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled;
}

const NEWLINE = 0x0a;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
