import type { AliasGroup } from '../corpus/alias-file.js';
import type { Article } from '../corpus/types.js';

// "World Health Organization (WHO)": a short form in brackets, starting with a capital, right
// after a run of capitalised words (small linking words allowed inside).
const SHORT_FORM = /\((\p{Lu}[\p{Lu}\p{Ll}\d&.-]{1,9})\)/uy;
const LONG_FORM_WORD = /^\p{Lu}[\p{L}\p{M}'’&-]*$/u;
/** How far back from the bracket a long form is looked for: eight words is plenty. */
const LOOK_BACK = 120;
const MAX_LONG_FORMS = 3;
const LINKING = new Set(['of', 'for', 'and', 'the', 'on', 'in', 'de', 'du', 'la']);

/**
 * Alias groups for the acronyms a corpus defines: "the Federal Reserve (Fed)" makes "Fed" and
 * "Federal Reserve" one name for every article, so a question that says "the Fed" finds
 * sentences that say "the Federal Reserve" and the other way round. A short form counts as
 * defined only when its letters can be read, in order, from the long form's words (the test of
 * Schwartz and Hearst, 2003), so "President Biden (D)" and "Monday (local time)" define nothing.
 * One group per short form, with every long form it is defined as (ABC: "American Broadcasting
 * Company", "Australian Broadcasting Corporation"), unless there are more than three.
 */
export function definedAcronyms(articles: readonly Article[]): AliasGroup[] {
  const longForms = new Map<string, Map<string, string>>();
  for (const article of articles) {
    for (const paragraph of article.paragraphs) {
      for (let open = paragraph.indexOf('('); open !== -1; open = paragraph.indexOf('(', open + 1)) {
        SHORT_FORM.lastIndex = open;
        const short = SHORT_FORM.exec(paragraph)?.[1];
        if (short === undefined || !/\s$/u.test(paragraph.slice(open - 1, open))) continue;
        const long = longForm(capitalisedRunBefore(paragraph.slice(Math.max(0, open - LOOK_BACK), open)), short);
        if (long === null) continue;
        const forms = longForms.get(short) ?? new Map<string, string>();
        if (!forms.has(long.toLowerCase())) forms.set(long.toLowerCase(), long);
        longForms.set(short, forms);
      }
    }
  }
  // One group per short form. A short form defined as many different things says nothing.
  return [...longForms]
    .filter(([, forms]) => forms.size <= MAX_LONG_FORMS)
    .map(([short, forms]) => ({ canonical: short, names: [...forms.values(), short] }));
}

/** The capitalised words (and the linking words between them) that end `text`, in order. */
function capitalisedRunBefore(text: string): string[] {
  const words = text.trim().split(/\s+/u);
  let first = words.length;
  while (first > 0 && (LONG_FORM_WORD.test(words[first - 1] ?? '') || (LINKING.has(words[first - 1] ?? '') && first < words.length)))
    first -= 1;
  return words.slice(first);
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
