import { basename, extname } from 'node:path';
import { parseAliasFile, type AliasGroup } from './alias-file.js';
import { listCorpusFiles, type CorpusFile } from './corpus-files.js';
import { decodeText } from './decode-text.js';
import { FILES_READ_AT_ONCE, mapConcurrently } from './map-concurrently.js';
import { parseArticle } from './parse-article.js';
import { readCorpusFile } from './read-corpus-file.js';
import type { Article, Corpus, CorpusProblem } from './types.js';

/** A corpus as just loaded from its folder. */
export interface LoadedCorpus extends Corpus {
  /**
   * Files and folders that could not be read because of an I/O error (permission, too many
   * open files, a broken link), which may pass: a snapshot of this load must not be saved.
   */
  readonly readFailures: number;
}

/**
 * Loads every article below `dir` (`.md` and `.txt`, in sub-folders too). A file that cannot
 * be loaded is reported in `problems` with its path, line and what to do; every other file
 * still loads. Names starting with `.` or `_` are not articles (`_aliases.txt` holds aliases).
 * Throws `CorpusFolderError` only when `dir` itself cannot be read.
 */
export async function loadCorpus(dir: string): Promise<LoadedCorpus> {
  const listing = await listCorpusFiles(dir);
  const problems: CorpusProblem[] = [...listing.problems];
  const loaded = await mapConcurrently(listing.articles, FILES_READ_AT_ONCE, loadFile);
  let readFailures = listing.readFailures;

  const articles: Article[] = [];
  const firstFileOfId = new Map<string, string>();
  for (const { article, problems: fileProblems, readFailed } of loaded) {
    problems.push(...fileProblems);
    if (readFailed) readFailures += 1;
    if (article === null) continue;
    const earlier = firstFileOfId.get(article.id);
    if (earlier !== undefined) {
      problems.push({
        severity: 'error',
        file: article.file,
        line: null,
        message: `has the same article id "${article.id}" as ${earlier}; rename one of them`,
      });
      continue;
    }
    firstFileOfId.set(article.id, article.file);
    articles.push(article);
  }
  const aliases = await loadAliases(listing.aliasFile, problems);
  if (aliases.readFailed) readFailures += 1;
  return { articles, aliasGroups: aliases.groups, problems, readFailures };
}

interface LoadedFile {
  readonly article: Article | null;
  readonly problems: readonly CorpusProblem[];
  /** The file could not be read (an I/O error), as opposed to read and found wanting. */
  readonly readFailed: boolean;
}

async function loadFile({ path, format }: CorpusFile): Promise<LoadedFile> {
  const read = await readCorpusFile(path);
  if (!read.ok)
    return {
      article: null,
      problems: [{ severity: 'error', file: path, line: null, message: read.message }],
      readFailed: read.code !== null,
    };
  const decoded = decodeText(read.bytes);
  if (!decoded.ok)
    return {
      article: null,
      problems: [{ severity: 'error', file: path, line: decoded.line, message: decoded.message }],
      readFailed: false,
    };
  return { ...parseArticle(path, basename(path, extname(path)), format, decoded.text), readFailed: false };
}

async function loadAliases(file: string, problems: CorpusProblem[]): Promise<{ groups: AliasGroup[]; readFailed: boolean }> {
  const read = await readCorpusFile(file);
  if (!read.ok) {
    // Most corpora have no alias file.
    if (read.code === 'ENOENT') return { groups: [], readFailed: false };
    problems.push({ severity: 'error', file, line: null, message: read.message });
    return { groups: [], readFailed: read.code !== null };
  }
  const decoded = decodeText(read.bytes);
  if (!decoded.ok) {
    problems.push({ severity: 'error', file, line: decoded.line, message: decoded.message });
    return { groups: [], readFailed: false };
  }
  const parsed = parseAliasFile(decoded.text);
  for (const problem of parsed.problems) problems.push({ severity: 'warning', file, ...problem });
  return { groups: parsed.groups, readFailed: false };
}
