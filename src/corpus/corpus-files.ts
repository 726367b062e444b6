import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { CORPUS_ALIAS_FILE } from './alias-file.js';
import type { ArticleFormat } from './parse-article.js';
import { CorpusFolderError } from './corpus-folder-error.js';
import { describeFsError, fsErrorAdvice, isFsError } from './fs-error.js';
import type { CorpusProblem } from './types.js';

const FORMATS: Readonly<Record<string, ArticleFormat>> = { '.md': 'md', '.txt': 'txt' };

/** An article file of a corpus folder. */
export interface CorpusFile {
  /** The folder as given, joined with `relative`: how problems name the file. */
  readonly path: string;
  /** Inside the corpus folder. */
  readonly relative: string;
  readonly format: ArticleFormat;
}

/** What loading a corpus folder reads: its article files and its alias file, and what was found wrong while listing them. */
export interface CorpusListing {
  /** Sorted by path. */
  readonly articles: readonly CorpusFile[];
  /** Where the corpus's own alias groups would be (the file may not exist). */
  readonly aliasFile: string;
  readonly problems: readonly CorpusProblem[];
  /** Sub-folders that could not be opened (an I/O error, which may pass). */
  readonly readFailures: number;
}

/**
 * Lists the files that loading `dir` reads: `.md` and `.txt` articles, in sub-folders too, and
 * `_aliases.txt`. Names starting with `.` or `_` are not articles. The loader and the
 * fingerprint both read this list, so a saved index is keyed by exactly what the loader reads.
 * Throws `CorpusFolderError` only when `dir` itself cannot be read.
 */
export async function listCorpusFiles(dir: string): Promise<CorpusListing> {
  const problems: CorpusProblem[] = [];
  const articles: CorpusFile[] = [];
  let readFailures = 0;
  // Folder by folder rather than one recursive `readdir`, which gives up on the whole tree at the
  // first sub-folder it may not open. Paths inside the folder are built here, never cut out of
  // the joined path: `join` normalises `./corpus/`, so its length is not the prefix's.
  const pending = [''];
  for (let inside = pending.pop(); inside !== undefined; inside = pending.pop()) {
    const folder = inside === '' ? dir : join(dir, inside);
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      if (inside === '')
        throw new CorpusFolderError(dir, isFsError(error) && error.code === 'ENOENT' ? 'it does not exist' : describeFsError(error));
      readFailures += 1;
      problems.push({
        severity: 'error',
        file: folder,
        line: null,
        message: `is a folder that cannot be read (${describeFsError(error)}), so its articles were skipped; ${fsErrorAdvice(error, 'folder')}`,
      });
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
      const relativePath = inside === '' ? entry.name : join(inside, entry.name);
      const path = join(dir, relativePath);
      if (entry.isDirectory()) {
        pending.push(relativePath);
        continue;
      }
      const format = FORMATS[extname(entry.name).toLowerCase()];
      if (format === undefined) {
        problems.push({
          severity: 'warning',
          file: path,
          line: null,
          message: 'is not an article: only .md and .txt files are read; ignored',
        });
        continue;
      }
      articles.push({ path, relative: relativePath, format });
    }
  }
  problems.sort((a, b) => compare(a.file, b.file));
  articles.sort((a, b) => compare(a.path, b.path));
  return { articles, aliasFile: join(dir, CORPUS_ALIAS_FILE), problems, readFailures };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
