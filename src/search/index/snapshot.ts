import { createHash } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { analyzerFor, type IndexedCorpus } from '../indexed-corpus.js';
import type { AnalysisOptions } from '../options.js';
import { restoreCorpus, saveCorpus, savedCorpus } from './saved-corpus.js';
import { SentenceIndex } from './sentence-index.js';

/** Where `npm run build-index` saves the index, beside the articles (a dot file: not an article). */
export const SNAPSHOT_FILE = '.index-snapshot';
const FORMAT = 'article-qa-bot index snapshot';
const VERSION = 3;
/** The reason given when a folder simply has no snapshot: normal, not worth a warning. */
export const NO_SNAPSHOT = 'there is no index snapshot';

const header = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  /** Digest of the corpus files and of the analysis that built the index. */
  fingerprint: z.string(),
  /** SHA-256 of everything after the header line. */
  checksum: z.string(),
});

const corpusData = z.object({ corpus: savedCorpus });

const indexData = z.object({
  terms: z.object({ vocabulary: z.array(z.string()), ids: z.string(), starts: z.string() }),
});

export type SnapshotRead = { readonly ok: true; readonly indexed: IndexedCorpus } | { readonly ok: false; readonly reason: string };

/**
 * Saves an indexed corpus as three lines: a JSON header (format, version, fingerprint,
 * checksum), the corpus, and the analysed terms of every sentence (MiniSearch's index follows
 * from them). Written to a temporary file
 * and renamed, so a crash never leaves half a snapshot in place.
 */
export async function writeSnapshot(dir: string, indexed: IndexedCorpus, fingerprint: string): Promise<{ file: string; bytes: number }> {
  const body = `${JSON.stringify({ corpus: saveCorpus(indexed.corpus) })}\n${JSON.stringify(indexed.index.serialize())}`;
  const checksum = createHash('sha256').update(body).digest('hex');
  const file = join(dir, SNAPSHOT_FILE);
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(`${JSON.stringify({ format: FORMAT, version: VERSION, fingerprint, checksum })}\n${body}`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file).catch(async (error: unknown) => {
    await rm(temporary, { force: true });
    throw error;
  });
  return { file, bytes: Buffer.byteLength(body) };
}

/**
 * Reads the snapshot of `dir` if it was built from exactly these files with this analysis.
 * Anything else (missing, foreign, out of date, damaged) is a reason, never an exception and
 * never trusted: the caller builds the index from the files instead.
 */
export async function readSnapshot(dir: string, fingerprint: string, options: AnalysisOptions = {}): Promise<SnapshotRead> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(dir, SNAPSHOT_FILE));
  } catch {
    return { ok: false, reason: NO_SNAPSHOT };
  }
  // Read as bytes: the checksum is taken over them, and only the lines needed are decoded.
  const firstBreak = bytes.indexOf(NEWLINE);
  const parsedHeader = header.safeParse(parseJson(bytes.toString('utf8', 0, firstBreak === -1 ? bytes.length : firstBreak)));
  if (!parsedHeader.success) return { ok: false, reason: 'the index snapshot is not one this bot wrote; ignored' };
  if (parsedHeader.data.fingerprint !== fingerprint)
    return { ok: false, reason: 'the index snapshot is out of date (the articles or the analysis changed since `npm run build-index`)' };

  const body = bytes.subarray(firstBreak + 1);
  if (createHash('sha256').update(body).digest('hex') !== parsedHeader.data.checksum)
    return { ok: false, reason: 'the index snapshot is damaged (its checksum does not match); ignored' };
  const secondBreak = body.indexOf(NEWLINE);
  const data = corpusData.safeParse(parseJson(body.toString('utf8', 0, secondBreak)));
  if (secondBreak === -1 || !data.success)
    return { ok: false, reason: 'the index snapshot is damaged (its corpus part does not read); ignored' };
  const savedIndex = indexData.safeParse(parseJson(body.toString('utf8', secondBreak + 1)));
  if (!savedIndex.success) return { ok: false, reason: 'the index snapshot is damaged (its index part does not read); ignored' };
  try {
    const corpus = restoreCorpus(data.data.corpus);
    const analyzer = analyzerFor(corpus, options);
    const index = SentenceIndex.restore(corpus.articles, savedIndex.data);
    return { ok: true, indexed: { corpus, analyzer, index } };
  } catch (error) {
    return { ok: false, reason: `the index snapshot is damaged (${error instanceof Error ? error.message : String(error)}); ignored` };
  }
}

const NEWLINE = 0x0a;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
