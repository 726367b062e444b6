import { isCalendarDate } from '../corpus/calendar-date.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAY = '(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?';
const MONTH = `(${MONTHS.join('|')})`;
// "Tuesday, July 12, 2005", "July 12, 2005", "Tuesday 12 July 2005", "12 July 2005": a line that is only a date.
const MONTH_FIRST = new RegExp(`^${WEEKDAY}${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})\\.?$`, 'iu');
const DAY_FIRST = new RegExp(`^${WEEKDAY}(\\d{1,2})\\s+${MONTH},?\\s+(\\d{4})\\.?$`, 'iu');

/**
 * The calendar date (YYYY-MM-DD) of a published-time value. An ISO date keeps the day the
 * publisher wrote (2025-07-03T23:30-04:00 is July 3 where it was published); other forms
 * (RFC 822 from feeds, written-out dates) are read as UTC.
 */
export function publicationDate(value: string): string | null {
  const trimmed = value.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})(?:$|[T\s])/u.exec(trimmed)?.[1];
  if (iso !== undefined) return isCalendarDate(iso) ? iso : null;
  const written = datelineDate(trimmed);
  if (written !== null) return written;
  // Only what looks like a date with a year goes to Date.parse, which accepts nearly anything.
  if (!/\b\d{4}\b/u.test(trimmed)) return null;
  const time = Date.parse(trimmed);
  if (!Number.isFinite(time)) return null;
  const date = new Date(time).toISOString().slice(0, 10);
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
