import { fold } from '../search/fold.js';

const MAX_SLUG_LENGTH = 60;

/**
 * The file name (without extension) for an article: its date, then its title's words, e.g.
 * `2005-07-12-building-in-barcelona-damaged-by-explosion`. Made from the title only, never from
 * the URL, so a hostile address cannot choose a path; letters of any script are kept, accents
 * dropped, everything else becomes a hyphen, and no name can start with `.` or `_` (which the
 * corpus loader skips) or contain a path separator.
 */
export function articleFileName(title: string, date: string | null): string {
  const words = fold(title)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
  const slug = shorten(words) || 'article';
  return date === null ? slug : `${date}-${slug}`;
}

/** At most MAX_SLUG_LENGTH characters, cut between words when there is a word boundary to cut at. */
function shorten(slug: string): string {
  const characters = [...slug];
  if (characters.length <= MAX_SLUG_LENGTH) return slug;
  const cut = characters.slice(0, MAX_SLUG_LENGTH + 1).join('');
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 20 ? cut.slice(0, lastHyphen) : characters.slice(0, MAX_SLUG_LENGTH).join('')).replace(/-+$/u, '');
}
