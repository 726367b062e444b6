import type { SourceRef } from '../../search/types.js';
import { escapeLinkLabel, escapeText, escapeTextWithin, safeLinkUrl } from './escape.js';
import { truncateAtWord } from './truncate.js';

const DATE_FORMAT = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });

/** Titles are shortened so that a citation stays about one line even for an overlong title. */
export const MAX_CITED_TITLE_LENGTH = 80;
/** In the article list a title has a line of its own, so it may be longer. */
export const MAX_LISTED_TITLE_LENGTH = 100;

/** `2025-07-03` -> `Jul 3, 2025`; anything that is not a calendar date is shown as written (escaped). */
export function formatArticleDate(date: string | null): string | null {
  if (date === null || date.trim() === '') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (match !== null) {
    const parsed = new Date(`${date.trim()}T00:00:00Z`);
    // `Date` rolls 2025-02-31 over to March; a date that does not round-trip is not a real date.
    if (!Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date.trim())) {
      return DATE_FORMAT.format(parsed);
    }
  }
  return escapeTextWithin(date.trim(), 40);
}

/** An article title as markdown: a `[title](url)` link when the article has a usable url. */
export function formatArticleTitle(title: string, url: string | null, maxLength: number): string {
  const shortTitle = truncateAtWord(title.trim() === '' ? 'Untitled article' : title.trim(), maxLength);
  const link = safeLinkUrl(url);
  return link === null ? `**${escapeText(shortTitle)}**` : `[${escapeLinkLabel(shortTitle)}](${link})`;
}

/** Where a passage comes from: `[Title](url) · Jul 3, 2025 · ¶ 4`. */
export function formatSourceLine(source: SourceRef): string {
  const date = formatArticleDate(source.date);
  return [formatArticleTitle(source.title, source.url, MAX_CITED_TITLE_LENGTH), date, `¶ ${source.paragraph}`]
    .filter((part): part is string => part !== null)
    .join(' · ');
}
