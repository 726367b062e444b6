import { type Document, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import { z } from 'zod';
import { isCalendarDate } from './calendar-date.js';
import { collapseWhitespace } from './collapse-whitespace.js';

/** Metadata an article's front matter may give. */
export interface FrontMatter {
  readonly title: string | null;
  readonly date: string | null;
  readonly url: string | null;
  readonly source: string | null;
  /** The licence the article is published under, e.g. `CC BY 2.5`. */
  readonly licence: string | null;
  /** When the article was added to the corpus (`npm run add`, `/add`, a feed): ISO 8601, a date or a date and time. */
  readonly added: string | null;
  /** The RSS / Atom feed the article was found in, when it came from one. */
  readonly feed: string | null;
}

export const NO_FRONT_MATTER: FrontMatter = { title: null, date: null, url: null, source: null, licence: null, added: null, feed: null };

export interface FrontMatterIssue {
  readonly severity: 'error' | 'warning';
  /** 1-based line of the file. */
  readonly line: number;
  readonly message: string;
}

export interface SplitFrontMatter {
  readonly frontMatter: FrontMatter;
  /** The lines after the front matter. */
  readonly bodyLines: readonly string[];
  /** 1-based file line of `bodyLines[0]`. */
  readonly bodyFirstLine: number;
  readonly issues: readonly FrontMatterIssue[];
}

type Field = keyof FrontMatter;

const webAddress = (value: string): boolean => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

/** A date, or a date and time with a zone, as `added` is written. */
function isAddedTime(value: string): boolean {
  const match = /^(\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/u.exec(value);
  return match !== null && isCalendarDate(match[1] ?? '') && !Number.isNaN(Date.parse(value));
}

/** What each field must be once YAML has given its text; an error names the field and what was given. */
const FIELDS: Readonly<Record<Field, z.ZodType<string>>> = {
  title: z.string(),
  date: z.string().refine(isCalendarDate, {
    error: (issue) => `front matter field \`date\` is not a date written YYYY-MM-DD (got ${JSON.stringify(issue.input)})`,
  }),
  url: z.string().refine(webAddress, {
    error: (issue) => `front matter field \`url\` is not an http(s) address (got ${JSON.stringify(issue.input)})`,
  }),
  source: z.string(),
  licence: z.string(),
  added: z.string().refine(isAddedTime, {
    error: (issue) =>
      `front matter field \`added\` is not a date (YYYY-MM-DD) or an ISO 8601 time such as 2025-07-03T14:05:00Z (got ${JSON.stringify(issue.input)})`,
  }),
  feed: z.string().refine(webAddress, {
    error: (issue) => `front matter field \`feed\` is not an http(s) address (got ${JSON.stringify(issue.input)})`,
  }),
};
const FIELD_NAMES = Object.keys(FIELDS).join(', ');
/** Other spellings of a field, as people write them. */
const SYNONYMS: Readonly<Record<string, Field>> = { license: 'licence' };
const DELIMITER = /^---\s*$/u;

const isField = (name: string): name is Field => Object.hasOwn(FIELDS, name);

function fieldNamed(key: string): Field | undefined {
  const name = SYNONYMS[key] ?? key;
  return isField(name) ? name : undefined;
}

/**
 * Reads the optional front matter between `---` lines at the top of a Markdown article: YAML
 * `key: value` lines with the keys title, date (YYYY-MM-DD), url, source, licence (or
 * license), added (when it was added, ISO 8601) and feed (the feed it came from). Values follow
 * YAML's rules: quotes, escapes and `# comments` mean what they mean in YAML, and every value is
 * text (`title: 1984` is the title "1984"). A line that is not YAML but is `key: value` is read
 * the way the format read it before it was YAML: the key, then the rest of the line
 * (`title: Harbour strike: dockers walk out`). Anything else it cannot read is an issue with its
 * file line, never a guess.
 */
export function splitFrontMatter(lines: readonly string[]): SplitFrontMatter {
  const empty = { frontMatter: NO_FRONT_MATTER, bodyLines: lines, bodyFirstLine: 1, issues: [] };
  if (!DELIMITER.test(lines[0] ?? '')) return empty;

  const closing = lines.findIndex((line, index) => index > 0 && DELIMITER.test(line));
  if (closing === -1) {
    return {
      ...empty,
      issues: [
        { severity: 'error', line: 1, message: 'front matter starts with `---` on this line but is never closed by another `---` line' },
      ],
    };
  }
  const after = { bodyLines: lines.slice(closing + 1), bodyFirstLine: closing + 2 };
  const { frontMatter, issues } = readFields(lines.slice(1, closing));
  return { frontMatter, ...after, issues };
}

function readFields(yamlLines: readonly string[]): { frontMatter: FrontMatter; issues: FrontMatterIssue[] } {
  const issues: FrontMatterIssue[] = [];
  const { document, lineCounter } = parseLeniently(yamlLines);
  // The YAML starts on the file's second line, after the opening `---`.
  const fileLine = (offset: number): number => lineCounter.linePos(offset).line + 1;
  const error = (line: number, message: string) => issues.push({ severity: 'error', line, message });

  for (const yamlError of document.errors) {
    const line = fileLine(yamlError.pos[0]);
    const text = (yamlLines[line - 2] ?? '').trim();
    const hint = yamlError.code === 'BLOCK_AS_IMPLICIT_KEY' ? '; put the whole value in quotes, or none of it' : '';
    error(line, `front matter line is not YAML \`key: value\` (got ${JSON.stringify(text)}): ${yamlError.message}${hint}`);
  }
  const contents = document.contents;
  if (issues.length > 0 || contents === null) return { frontMatter: NO_FRONT_MATTER, issues };
  if (!isMap(contents)) {
    error(fileLine(contents.range[0]), `front matter must be \`key: value\` lines (got ${describeNode(contents)})`);
    return { frontMatter: NO_FRONT_MATTER, issues };
  }

  const fields: Record<Field, string | null> = { ...NO_FRONT_MATTER };
  const seen = new Set<Field>();
  for (const pair of contents.items) {
    const read = readPair(pair, fileLine);
    if (!read.ok) {
      error(read.line, read.message);
      continue;
    }
    const { key, line, value } = read;
    const field = fieldNamed(key);
    if (field === undefined) {
      issues.push({ severity: 'warning', line, message: `front matter field \`${key}\` is not one we use (${FIELD_NAMES}); ignored` });
      continue;
    }
    if (seen.has(field)) {
      const same = field === key ? '' : ` (\`${key}\` is another spelling of \`${field}\`)`;
      error(line, `front matter field \`${key}\` is given twice${same}`);
      continue;
    }
    seen.add(field);
    if (value === null) continue;
    const checked = FIELDS[field].safeParse(value);
    if (checked.success) fields[field] = checked.data;
    else error(line, checked.error.issues.map((issue) => issue.message).join('; '));
  }
  return { frontMatter: fields, issues };
}

const MAX_READINGS = 3;
// The format before it was YAML: a field name at the start of the line, a colon, the value.
const PLAIN_FIELD_LINE = /^([A-Za-z][\w-]*)[ \t]*:[ \t]+(\S(?:.*\S)?)[ \t]*$/u;

/**
 * The front matter as YAML, except that a line YAML cannot read but the format always could
 * (`title: Harbour strike: dockers walk out`, where YAML sees a second mapping) is read as its
 * key and the rest of the line. That reading is unambiguous unless the value starts with a quote:
 * then the writer meant YAML quoting and got it wrong, and the line stays an error.
 */
function parseLeniently(yamlLines: readonly string[]): { document: Document.Parsed; lineCounter: LineCounter } {
  const lines = [...yamlLines];
  // Each reading rewrites every line it found; a few readings reach any line a real file has,
  // and a hostile one costs a bounded number of parses.
  for (let reading = 1; ; reading += 1) {
    const lineCounter = new LineCounter();
    // The failsafe schema reads every value as text: a title "1984" or "true" stays what was written.
    const document = parseDocument(lines.join('\n'), { lineCounter, schema: 'failsafe', uniqueKeys: false, prettyErrors: false });
    let reread = false;
    for (const yamlError of document.errors) {
      const index = lineCounter.linePos(yamlError.pos[0]).line - 1;
      const plain = PLAIN_FIELD_LINE.exec(lines[index] ?? '');
      const [, key, value] = plain ?? [];
      if (key === undefined || value === undefined || /^["']/u.test(value)) continue;
      // The same key and value, written so that YAML reads the value as the text it is.
      lines[index] = `${key}: '${value.replaceAll("'", "''")}'`;
      reread = true;
    }
    if (!reread || reading === MAX_READINGS) return { document, lineCounter };
  }
}

type ReadPair =
  | { readonly ok: true; readonly key: string; readonly line: number; readonly value: string | null }
  | { readonly ok: false; readonly line: number; readonly message: string };

/** A field's lower-case name, its line and its text (null when empty), or what is wrong with it. */
function readPair(pair: Pair<unknown, unknown>, fileLine: (offset: number) => number): ReadPair {
  const { key, value } = pair;
  const line = fileLine((isNode(key) ? key.range?.[0] : undefined) ?? (isNode(value) ? value.range?.[0] : undefined) ?? 0);
  if (!isScalar(key) || typeof key.value !== 'string') {
    return { ok: false, line, message: 'front matter field names must be plain words, such as `title`' };
  }
  const name = key.value.trim().toLowerCase();
  if (value === null || value === undefined) return { ok: true, key: name, line, value: null };
  if (!isScalar(value) || typeof value.value !== 'string') {
    const got = isNode(value) ? describeNode(value) : 'something else';
    return { ok: false, line, message: `front matter field \`${name}\` must be text (got ${got})` };
  }
  const text = collapseWhitespace(value.value);
  return { ok: true, key: name, line, value: text === '' ? null : text };
}

function isNode(value: unknown): value is Node {
  return isScalar(value) || isMap(value) || isSeq(value);
}

function describeNode(node: Node): string {
  if (isSeq(node)) return 'a list';
  if (isMap(node)) return 'nested `key: value` pairs';
  return 'plain text';
}
