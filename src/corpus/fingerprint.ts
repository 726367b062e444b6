import { createHash } from 'node:crypto';
import { relative } from 'node:path';
import { CORPUS_ALIAS_FILE } from './alias-file.js';
import { listCorpusFiles } from './corpus-files.js';
import { FILES_READ_AT_ONCE, mapConcurrently } from './map-concurrently.js';
import { readCorpusFile } from './read-corpus-file.js';

/**
 * A digest of what loading the corpus folder reads (the article files, through any link, and
 * the alias file) and of what listing it found wrong, so that a saved index can tell whether it
 * still describes the folder. Independent of how the folder is spelled (`corpus`, `./corpus/`).
 */
export async function corpusFingerprint(dir: string): Promise<string> {
  const listing = await listCorpusFiles(dir);
  const files = [
    ...listing.articles.map((file) => ({ path: file.path, relative: file.relative })),
    { path: listing.aliasFile, relative: CORPUS_ALIAS_FILE },
  ];
  // Each file's own digest is read in parallel (a corpus is thousands of small files), then
  // combined in listing order so the result does not depend on which read finished first.
  const digests = await mapConcurrently(files, FILES_READ_AT_ONCE, (file) => digestOf(file.path));
  const hash = createHash('sha256');
  for (const problem of listing.problems) hash.update(`problem\0${relative(dir, problem.file)}\0${problem.message}\n`);
  files.forEach((file, index) => {
    hash.update(`${file.relative}\0${digests[index] ?? ''}\n`);
  });
  return hash.digest('hex');
}

/** The file's digest, or what kept it from being read (which the loader reports the same way). */
async function digestOf(path: string): Promise<string> {
  const read = await readCorpusFile(path);
  if (read.ok) return createHash('sha256').update(read.bytes).digest('hex');
  return read.code === 'ENOENT' ? 'absent' : `unread: ${read.message}`;
}
