import type { Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join, relative } from 'node:path';
import { CORPUS_ALIAS_FILE, parseAliasFile, type AliasGroup } from './alias-file.js';
import { decodeText } from './decode-text.js';
import { parseArticle, type ArticleFormat } from './parse-article.js';
import type { Article, Corpus, CorpusProblem } from './types.js';

const FORMATS: Readonly<Record<string, ArticleFormat>> = { '.md': 'md', '.txt': 'txt' };

/**
 * Loads every article below `dir` (`.md` and `.txt`, in sub-folders too). A file that cannot
 * be loaded is reported in `problems` with its path, line and what to do; every other file
 * still loads. Names starting with `.` or `_` are not articles (`_aliases.txt` holds aliases).
 * Throws `CorpusFolderError` only when `dir` itself cannot be read.
 */
export async function loadCorpus(dir: string): Promise<Corpus> {
  const problems: CorpusProblem[] = [];
  const files = await listFiles(dir, problems);
  const loaded = await Promise.all(files.map((file) => loadFile(file)));

  const articles: Article[] = [];
  const firstFileOfId = new Map<string, string>();
  for (const { article, problems: fileProblems } of loaded) {
    problems.push(...fileProblems);
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
  const aliasGroups = await loadAliases(join(dir, CORPUS_ALIAS_FILE), problems);
  return { articles, aliasGroups, problems };
}

/** The corpus folder itself cannot be read, so there is nothing to load. */
export class CorpusFolderError extends Error {
  constructor(
    readonly dir: string,
    reason: string,
  ) {
    super(`the corpus folder "${dir}" cannot be read (${reason}); point CORPUS_DIR or --corpus at a folder of .md or .txt articles`);
    this.name = 'CorpusFolderError';
  }
}

async function listFiles(dir: string, problems: CorpusProblem[]): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch (error) {
    throw new CorpusFolderError(dir, isFsError(error) && error.code === 'ENOENT' ? 'it does not exist' : describeFsError(error));
  }
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name);
    // Judged on the path inside the folder: `join` normalises `./corpus/` away, so cutting the
    // folder's own spelling off the front would cut too much or too little.
    const hidden = relative(dir, path)
      .split(/[\\/]/u)
      .some((part) => part.startsWith('.') || part.startsWith('_'));
    if (hidden || entry.isDirectory()) continue;
    if (FORMATS[extname(entry.name).toLowerCase()] === undefined) {
      problems.push({
        severity: 'warning',
        file: path,
        line: null,
        message: 'is not an article: only .md and .txt files are read; ignored',
      });
      continue;
    }
    files.push(path);
  }
  return files.sort();
}

async function loadFile(file: string): Promise<{ article: Article | null; problems: readonly CorpusProblem[] }> {
  const extension = extname(file);
  const format = FORMATS[extension.toLowerCase()] ?? 'txt';
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { article: null, problems: [{ severity: 'error', file, line: null, message: `cannot be read (${describeFsError(error)})` }] };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { article: null, problems: [{ severity: 'error', file, line: decoded.line, message: decoded.message }] };
  return parseArticle(file, basename(file, extension), format, decoded.text);
}

async function loadAliases(file: string, problems: CorpusProblem[]): Promise<AliasGroup[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isFsError(error) && error.code === 'ENOENT') return [];
    problems.push({ severity: 'error', file, line: null, message: `cannot be read (${describeFsError(error)})` });
    return [];
  }
  const parsed = parseAliasFile(text);
  for (const problem of parsed.problems) problems.push({ severity: 'warning', file, ...problem });
  return parsed.groups;
}

function isFsError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}

function describeFsError(error: unknown): string {
  if (!isFsError(error)) return String(error);
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EISDIR: 'it is a folder',
    ENOENT: 'it no longer exists',
    EMFILE: 'too many open files',
  };
  return reasons[error.code ?? ''] ?? error.code ?? error.message;
}
