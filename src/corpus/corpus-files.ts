import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { CORPUS_ALIAS_FILE } from './alias-file.js';
import type { ArticleFormat } from './parse-article.js';
import { CorpusFolderError } from './corpus-folder-error.js';
import { describeFsError, isFsError } from './fs-error.js';
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
}

/**
 * Lists the files that loading `dir` reads: `.md` and `.txt` articles, in sub-folders too, and
 * `_aliases.txt`. Names starting with `.` or `_` are not articles. The loader and the
 * fingerprint both read this list, so a saved index is keyed by exactly what the loader reads.
 * Throws `CorpusFolderError` only when `dir` itself cannot be read.
 */
export async function listCorpusFiles(dir: string): Promise<CorpusListing> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch (error) {
    throw new CorpusFolderError(dir, isFsError(error) && error.code === 'ENOENT' ? 'it does not exist' : describeFsError(error));
  }
  const problems: CorpusProblem[] = [];
  const articles: CorpusFile[] = [];
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name);
    // Judged on the path inside the folder: `join` normalises `./corpus/` away, so cutting the
    // folder's own spelling off the front would cut too much or too little.
    const inside = relative(dir, path);
    const hidden = inside.split(/[\\/]/u).some((part) => part.startsWith('.') || part.startsWith('_'));
    if (hidden || entry.isDirectory()) continue;
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
    articles.push({ path, relative: inside, format });
  }
  articles.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { articles, aliasFile: join(dir, CORPUS_ALIAS_FILE), problems };
}
