import { isCalendarDate } from './calendar-date.js';
import { collapseWhitespace } from './collapse-whitespace.js';
import { NO_FRONT_MATTER, splitFrontMatter, type FrontMatter } from './front-matter.js';
import { markdownToText } from './markdown-text.js';
import { shortenAtWord } from './shorten-at-word.js';
import { splitSentences } from './sentences.js';
import type { Article, CorpusProblem, Sentence } from './types.js';

export type ArticleFormat = 'md' | 'txt';

export interface ParsedArticle {
  /** Null when the file has an error that keeps it out of the corpus. */
  readonly article: Article | null;
  readonly problems: readonly CorpusProblem[];
}

const TITLE_MAX_LENGTH = 100;
// The seed's form: `date 2025-07-03` at the very start, possibly on the same line as the text.
const DATE_MARKER = /^\s*date\s+(\d{4}-\d{1,2}-\d{1,2})(?=\s|$)/u;

/**
 * Turns the text of one article file into an article: metadata, paragraphs (separated by
 * blank lines, their lines joined) and sentences, each sentence numbered and placed.
 */
export function parseArticle(file: string, id: string, format: ArticleFormat, text: string): ParsedArticle {
  const problems: CorpusProblem[] = [];
  const report = (severity: CorpusProblem['severity'], line: number | null, message: string) => {
    problems.push({ severity, file, line, message });
  };
  const lines = text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u);

  let frontMatter: FrontMatter = NO_FRONT_MATTER;
  let bodyLines: readonly string[] = lines;
  let bodyFirstLine = 1;
  if (format === 'md') {
    const split = splitFrontMatter(lines);
    for (const issue of split.issues) report(issue.severity, issue.line, issue.message);
    ({ frontMatter, bodyLines, bodyFirstLine } = split);
  } else {
    const marker = readDateMarker(lines);
    if (marker.error !== null) report('error', 1, marker.error);
    frontMatter = { ...frontMatter, date: marker.date };
    bodyLines = marker.lines;
  }
  if (problems.some((problem) => problem.severity === 'error')) return { article: null, problems };

  const paragraphs = splitParagraphs(bodyLines, format);
  if (paragraphs.length === 0) {
    report(
      'error',
      bodyFirstLine,
      format === 'md' && bodyFirstLine > 1 ? 'the article has no text after its front matter' : 'the article has no text',
    );
    return { article: null, problems };
  }

  const sentences: Sentence[] = [];
  paragraphs.forEach((paragraph, index) => {
    for (const text of splitSentences(paragraph)) {
      sentences.push({ articleId: id, paragraph: index + 1, sentence: sentences.length + 1, text });
    }
  });
  const title = frontMatter.title ?? titleFrom(sentences[0]?.text ?? id);
  const article: Article = {
    id,
    title,
    date: frontMatter.date,
    url: frontMatter.url,
    source: frontMatter.source,
    licence: frontMatter.licence,
    added: frontMatter.added,
    feed: frontMatter.feed,
    file,
    paragraphs,
    sentences,
  };
  return { article, problems };
}

function readDateMarker(lines: readonly string[]): { date: string | null; lines: readonly string[]; error: string | null } {
  const first = lines[0] ?? '';
  const match = DATE_MARKER.exec(first);
  if (match === null) return { date: null, lines, error: null };
  const written = match[1] ?? '';
  if (!isCalendarDate(written)) {
    return { date: null, lines, error: `the leading \`date\` marker is not a real date written YYYY-MM-DD (got "${written}")` };
  }
  return { date: written, lines: [first.slice(match[0].length), ...lines.slice(1)], error: null };
}

function splitParagraphs(lines: readonly string[], format: ArticleFormat): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    const joined = current.join('\n');
    const text = collapseWhitespace(format === 'md' ? markdownToText(joined) : joined);
    if (text !== '') paragraphs.push(text);
    current = [];
  };
  for (const line of lines) {
    if (line.trim() === '') flush();
    else current.push(line);
  }
  flush();
  return paragraphs;
}

/** A title for an article that has none: its first sentence, cut at a word if long. */
function titleFrom(firstSentence: string): string {
  return shortenAtWord(firstSentence, TITLE_MAX_LENGTH);
}
