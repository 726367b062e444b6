import { randomBytes } from 'node:crypto';
import { link, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeProblem } from '../corpus/describe-problem.js';
import { parseArticle } from '../corpus/parse-article.js';
import type { Article } from '../corpus/types.js';
import { articleFileName } from './article-file-name.js';
import { IngestRefusal } from './ingest-refusal.js';

/** An article about to become a corpus file. */
export interface NewArticle {
  readonly title: string;
  /** YYYY-MM-DD, or null. */
  readonly date: string | null;
  readonly url: string | null;
  readonly source: string | null;
  readonly paragraphs: readonly string[];
  /** When it is being added: an ISO 8601 time. */
  readonly added: string;
  /** The feed it came from, or null. */
  readonly feed: string | null;
}

export interface WrittenArticle {
  /** Path of the new file. */
  readonly file: string;
  /** The article exactly as the corpus loader reads the new file. */
  readonly article: Article;
}

const MAX_NAME_ATTEMPTS = 100;

/** The corpus file for an article: front matter (title, date, url, source, added, feed), then one paragraph per blank-line-separated block. */
export function renderCorpusFile(article: NewArticle): string {
  const fields: [string, string | null][] = [
    ['title', article.title],
    ['date', article.date],
    ['url', article.url],
    ['source', article.source],
    ['added', article.added],
    ['feed', article.feed],
  ];
  const frontMatter = fields
    .filter((field): field is [string, string] => field[1] !== null)
    .map(([key, value]) => `${key}: ${quoted(value)}`);
  return `---\n${frontMatter.join('\n')}\n---\n\n${article.paragraphs.join('\n\n')}\n`;
}

/**
 * Writes the article into `dir` under a name made from its date and title (`-2`, `-3`, … when
 * taken, by a file or by an article id elsewhere in the corpus), never replacing a file. The
 * text is checked with the corpus loader's own parser first, so what is written loads; it is
 * written to a hidden temporary file and linked into place, so a crash never leaves half an
 * article for the loader to read.
 */
export async function writeCorpusFile(dir: string, article: NewArticle, takenIds: ReadonlySet<string>): Promise<WrittenArticle> {
  const text = renderCorpusFile(article);
  const base = articleFileName(article.title, article.date);
  const temporary = join(dir, `.${base}.${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(temporary, text, { flag: 'wx' });
  try {
    for (let attempt = 1; attempt <= MAX_NAME_ATTEMPTS; attempt += 1) {
      const id = attempt === 1 ? base : `${base}-${attempt}`;
      if (takenIds.has(id)) continue;
      const file = join(dir, `${id}.md`);
      const parsed = readBack(file, id, text);
      try {
        await link(temporary, file);
      } catch (error) {
        if (error instanceof Error && 'code' in error && error.code === 'EEXIST') continue;
        throw error;
      }
      return { file, article: parsed };
    }
    throw new IngestRefusal(`${MAX_NAME_ATTEMPTS} files named ${base}…md already exist in ${dir}; nothing was added`);
  } finally {
    await rm(temporary, { force: true });
  }
}

/** The article as the corpus loader will read it once written (what its sentences and paragraphs will be). */
export function previewCorpusFile(article: NewArticle): Article {
  return readBack('(new article)', articleFileName(article.title, article.date), renderCorpusFile(article));
}

function readBack(file: string, id: string, text: string): Article {
  const { article, problems } = parseArticle(file, id, 'md', text);
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (article === null || errors.length > 0) {
    throw new IngestRefusal(`the article could not be written as a corpus file: ${errors.map(describeProblem).join('; ')}`);
  }
  return article;
}

/**
 * A front matter value as YAML reads it back exactly: plain when YAML would take it as plain
 * text, else in single quotes (the one YAML escape there is a doubled `'`).
 */
function quoted(value: string): string {
  // Starting with a letter keeps any YAML schema from reading a number, a date or a time; the
  // rest keeps it from reading a mapping, a comment or trimmed spaces.
  const plain =
    /^[\p{L}(][^\n]*$/u.test(value) && !/:\s|\s#|\s$|:$/u.test(value) && !/^(?:true|false|null|yes|no|on|off|y|n)$/iu.test(value);
  return plain ? value : `'${value.replaceAll("'", "''")}'`;
}
