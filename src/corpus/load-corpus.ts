import { basename, extname } from 'node:path';
import { parseAliasFile, type AliasGroup } from './alias-file.js';
import { listCorpusFiles, type CorpusFile } from './corpus-files.js';
import { decodeText } from './decode-text.js';
import { parseArticle } from './parse-article.js';
import { readCorpusFile } from './read-corpus-file.js';
import type { Article, Corpus, CorpusProblem } from './types.js';

/**
 * Loads every article below `dir` (`.md` and `.txt`, in sub-folders too). A file that cannot
 * be loaded is reported in `problems` with its path, line and what to do; every other file
 * still loads. Names starting with `.` or `_` are not articles (`_aliases.txt` holds aliases).
 * Throws `CorpusFolderError` only when `dir` itself cannot be read.
 */
export async function loadCorpus(dir: string): Promise<Corpus> {
  const listing = await listCorpusFiles(dir);
  const problems: CorpusProblem[] = [...listing.problems];
  const loaded = await Promise.all(listing.articles.map((file) => loadFile(file)));

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
  const aliasGroups = await loadAliases(listing.aliasFile, problems);
  return { articles, aliasGroups, problems };
}

async function loadFile({ path, format }: CorpusFile): Promise<{ article: Article | null; problems: readonly CorpusProblem[] }> {
  const read = await readCorpusFile(path);
  if (!read.ok) return { article: null, problems: [{ severity: 'error', file: path, line: null, message: read.message }] };
  const decoded = decodeText(read.bytes);
  if (!decoded.ok) return { article: null, problems: [{ severity: 'error', file: path, line: decoded.line, message: decoded.message }] };
  return parseArticle(path, basename(path, extname(path)), format, decoded.text);
}

async function loadAliases(file: string, problems: CorpusProblem[]): Promise<AliasGroup[]> {
  const read = await readCorpusFile(file);
  if (!read.ok) {
    if (read.code !== 'ENOENT') problems.push({ severity: 'error', file, line: null, message: read.message });
    return [];
  }
  const decoded = decodeText(read.bytes);
  if (!decoded.ok) {
    problems.push({ severity: 'error', file, line: decoded.line, message: decoded.message });
    return [];
  }
  const parsed = parseAliasFile(decoded.text);
  for (const problem of parsed.problems) problems.push({ severity: 'warning', file, ...problem });
  return parsed.groups;
}
