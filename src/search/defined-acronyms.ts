import type { AliasGroup } from '../corpus/alias-file.js';
import type { Article } from '../corpus/types.js';

// "World Health Organization (WHO)": a run of capitalised words (small linking words allowed
// inside), then a short form in brackets with at least two capitals, or one capital and one
// more letter ("Fed").
const LONG_THEN_SHORT =
  /((?:\p{Lu}[\p{L}\p{M}'’&-]*\s+(?:(?:of|for|and|the|on|in|de|du|la)\s+)*){1,8})\((\p{Lu}[\p{Lu}\p{Ll}\d&.-]{1,9})\)/gu;
const LINKING = new Set(['of', 'for', 'and', 'the', 'on', 'in', 'de', 'du', 'la']);

/**
 * Alias groups for the acronyms a corpus defines: "the Federal Reserve (Fed)" makes "Fed" and
 * "Federal Reserve" one name for every article, so a question that says "the Fed" finds
 * sentences that say "the Federal Reserve" and the other way round. A short form counts as
 * defined only when its letters can be read, in order, from the long form's words (the test of
 * Schwartz and Hearst, 2003), so "President Biden (D)" and "Monday (local time)" define nothing.
 */
export function definedAcronyms(articles: readonly Article[]): AliasGroup[] {
  const groups = new Map<string, AliasGroup>();
  for (const article of articles) {
    for (const paragraph of article.paragraphs) {
      if (!paragraph.includes('(')) continue;
      for (const match of paragraph.matchAll(LONG_THEN_SHORT)) {
        const short = match[2] ?? '';
        const long = longForm((match[1] ?? '').trim().split(/\s+/u), short);
        if (long === null) continue;
        const key = `${short}\0${long.toLowerCase()}`;
        if (!groups.has(key)) groups.set(key, { canonical: long, names: [long, short] });
      }
    }
  }
  return [...groups.values()];
}

/**
 * The shortest tail of `words` that `short` abbreviates, starting at a capitalised word, with a
 * word for each capital of `short`, up to three ("Apollo Applications Program" for AAP, not "Applications
 * Program"); or null. A short form with one capital must begin the first word ("Fed" for
 * "Federal Reserve"), so a bracketed name ("Chen") is not read as one.
 */
function longForm(words: readonly string[], short: string): string | null {
  const capitals = short.replace(/[^\p{Lu}]/gu, '').length;
  const limit = Math.min(words.length, short.length + 5);
  for (let count = 1; count <= limit; count += 1) {
    const tail = words.slice(words.length - count);
    const [first = ''] = tail;
    if (LINKING.has(first) || first[0]?.toLowerCase() !== short[0]?.toLowerCase()) continue;
    if (tail.filter((word) => !LINKING.has(word)).length < Math.min(capitals, 3)) continue;
    if (capitals < 2 && (count < 2 || !first.toLowerCase().startsWith(short.toLowerCase()))) continue;
    if (abbreviates(short, tail.join(' '))) return tail.join(' ');
  }
  return null;
}

/**
 * Schwartz and Hearst's test: every letter or digit of the short form is found in the long
 * form, right to left and in order, and the first one starts a word of it.
 */
export function abbreviates(short: string, long: string): boolean {
  let longAt = long.length - 1;
  for (let shortAt = short.length - 1; shortAt >= 0; shortAt -= 1) {
    const character = (short[shortAt] ?? '').toLowerCase();
    if (!/[\p{L}\p{N}]/u.test(character)) continue;
    while (
      longAt >= 0 &&
      ((long[longAt] ?? '').toLowerCase() !== character || (shortAt === 0 && longAt > 0 && /[\p{L}\p{N}]/u.test(long[longAt - 1] ?? '')))
    ) {
      longAt -= 1;
    }
    if (longAt < 0) return false;
    longAt -= 1;
  }
  return true;
}
