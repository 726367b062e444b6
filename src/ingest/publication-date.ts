import { isCalendarDate } from '../corpus/calendar-date.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAY = '(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?';
const MONTH = `(${MONTHS.join('|')})`;
// "Tuesday, July 12, 2005", "July 12, 2005", "Tuesday 12 July 2005", "12 July 2005": a line that is only a date.
const MONTH_FIRST = new RegExp(`^${WEEKDAY}${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})\\.?$`, 'iu');
const DAY_FIRST = new RegExp(`^${WEEKDAY}(\\d{1,2})\\s+${MONTH},?\\s+(\\d{4})\\.?$`, 'iu');

// A month's name or its abbreviation, with or without a full stop: "Nov.", "November", "Sept".
const MONTH_WORD =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const ORDINAL = '(?:st|nd|rd|th)?';
// "Posted Fri 6:45 PM, Feb 16, 2018", "Monday, November 18th, 2019 at 11:08 a.m.": a written date among other words.
const WRITTEN_MONTH_FIRST = new RegExp(`\\b${MONTH_WORD}\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})\\b`, 'iu');
const WRITTEN_DAY_FIRST = new RegExp(`\\b(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?${MONTH_WORD},?\\s+(\\d{4})\\b`, 'iu');
const MONTH_ABBREVIATIONS = MONTHS.map((month) => month.slice(0, 3));
// Years before this are placeholders ("0001-01-01T00:00:00Z"), not when a web page was published.
const FIRST_YEAR = 1900;

/**
 * The calendar date (YYYY-MM-DD) of a published-time value. An ISO date keeps the day the
 * publisher wrote (2025-07-03T23:30-04:00 is July 3 where it was published), and so does a
 * written-out date ("Nov 20, 2019", wherever this machine is); a time with a zone (RFC 822 from
 * feeds) is read as UTC.
 */
export function publicationDate(value: string): string | null {
  const trimmed = value.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})(?:$|[T\s])/u.exec(trimmed)?.[1];
  if (iso !== undefined) return plausible(iso);
  const written = datelineDate(trimmed) ?? writtenDateIn(trimmed);
  if (written !== null) return plausible(written);
  // Only what looks like a date with a year goes to Date.parse, which accepts nearly anything.
  if (!/\b\d{4}\b/u.test(trimmed)) return null;
  const time = Date.parse(trimmed);
  if (!Number.isFinite(time)) return null;
  const parsed = new Date(time);
  // Without a zone, Date.parse reads local time: the local calendar day is the day written.
  const zoned = /(?:\b(?:GMT|UTC|Z)|[+-]\d{2}:?\d{2})$/iu.test(trimmed);
  const day = zoned
    ? parsed.toISOString().slice(0, 10)
    : `${parsed.getFullYear()}-${String(parsed.getMonth() + 1).padStart(2, '0')}-${String(parsed.getDate()).padStart(2, '0')}`;
  return plausible(day);
}

function plausible(date: string): string | null {
  return isCalendarDate(date) && Number(date.slice(0, 4)) >= FIRST_YEAR ? date : null;
}

/** The first written-out date ("Feb 16, 2018", "18th November 2019") among the words of `text`, else null. */
function writtenDateIn(text: string): string | null {
  const monthFirst = WRITTEN_MONTH_FIRST.exec(text);
  const dayFirst = WRITTEN_DAY_FIRST.exec(text);
  // The one that comes first in the text.
  const [month, day, year] =
    monthFirst !== null && (dayFirst === null || monthFirst.index <= dayFirst.index)
      ? [monthFirst[1], monthFirst[2], monthFirst[3]]
      : dayFirst !== null
        ? [dayFirst[2], dayFirst[1], dayFirst[3]]
        : [];
  if (month === undefined || day === undefined || year === undefined) return null;
  const date = `${year}-${String(MONTH_ABBREVIATIONS.indexOf(month.slice(0, 3).toLowerCase()) + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isCalendarDate(date) ? date : null;
}

/** The date when `line` is nothing but a written-out date (a dateline such as "Tuesday, July 12, 2005"), else null. */
export function datelineDate(line: string): string | null {
  const monthFirst = MONTH_FIRST.exec(line.trim());
  const dayFirst = monthFirst === null ? DAY_FIRST.exec(line.trim()) : null;
  const [month, day, year] =
    monthFirst !== null ? [monthFirst[1], monthFirst[2], monthFirst[3]] : dayFirst !== null ? [dayFirst[2], dayFirst[1], dayFirst[3]] : [];
  if (month === undefined || day === undefined || year === undefined) return null;
  const date = `${year}-${String(MONTHS.indexOf(month.toLowerCase()) + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isCalendarDate(date) ? date : null;
}
