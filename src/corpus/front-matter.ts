import { isCalendarDate } from './calendar-date.js';

/** Metadata an article's front matter may give. */
export interface FrontMatter {
  readonly title: string | null;
  readonly date: string | null;
  readonly url: string | null;
  readonly source: string | null;
}

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

const FIELDS = ['title', 'date', 'url', 'source'] as const;
type Field = (typeof FIELDS)[number];
const DELIMITER = /^---\s*$/u;

const isField = (key: string): key is Field => (FIELDS as readonly string[]).includes(key);

/**
 * Reads the optional front matter between `---` lines at the top of a Markdown article:
 * `key: value` lines with the keys title, date (YYYY-MM-DD), url and source. Values may be
 * quoted. Anything it cannot read is an issue with its line, never a guess.
 */
export function splitFrontMatter(lines: readonly string[]): SplitFrontMatter {
  const fields: Record<Field, string | null> = { title: null, date: null, url: null, source: null };
  const empty = { frontMatter: fields, bodyLines: lines, bodyFirstLine: 1, issues: [] };
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

  const issues: FrontMatterIssue[] = [];
  for (let index = 1; index < closing; index += 1) {
    const line = (lines[index] ?? '').trim();
    const lineNumber = index + 1;
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/u.exec(line);
    if (match === null) {
      issues.push({ severity: 'error', line: lineNumber, message: `front matter line is not \`key: value\` (got "${line}")` });
      continue;
    }
    const key = (match[1] ?? '').toLowerCase();
    const value = unquote((match[2] ?? '').trim());
    if (!isField(key)) {
      issues.push({
        severity: 'warning',
        line: lineNumber,
        message: `front matter field \`${key}\` is not one we use (title, date, url, source); ignored`,
      });
      continue;
    }
    if (fields[key] !== null) {
      issues.push({ severity: 'error', line: lineNumber, message: `front matter field \`${key}\` is given twice` });
      continue;
    }
    const problem = value === '' ? null : validate(key, value);
    if (problem !== null) issues.push({ severity: 'error', line: lineNumber, message: problem });
    else fields[key] = value === '' ? null : value;
  }
  return { frontMatter: fields, bodyLines: lines.slice(closing + 1), bodyFirstLine: closing + 2, issues };
}

function validate(key: Field, value: string): string | null {
  if (key === 'date' && !isCalendarDate(value)) {
    return `front matter field \`date\` is not a date written YYYY-MM-DD (got "${value}")`;
  }
  if (key === 'url' && !isWebAddress(value)) {
    return `front matter field \`url\` is not an http(s) address (got "${value}")`;
  }
  return null;
}

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function unquote(value: string): string {
  const quoted = /^"(.*)"$/u.exec(value) ?? /^'(.*)'$/u.exec(value);
  return quoted?.[1] ?? value;
}
