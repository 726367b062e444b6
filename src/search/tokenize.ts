/** A word as it stands in the text, with where it stands. */
export interface SurfaceToken {
  /** The characters of the text, unchanged. */
  readonly surface: string;
  readonly start: number;
  readonly end: number;
  /** Written as an acronym ("U.S.", "NATO"), so "US" is not the pronoun "us". */
  readonly acronym: boolean;
}

// Alternatives, in priority order: dotted acronyms (U.S., U.K.), numbers with decimal or
// thousands separators (3.5, 1,200) and an ordinal or "-ish" ending (2nd, 800ish), then words of letters, digits and combining marks with
// inner apostrophes (didn't, Russia's), and the percent sign (a word: "percent").
// Hyphens and other punctuation separate tokens.
const TOKEN_PATTERN =
  /(\p{Lu}\.(?:\p{Lu}\.)+)|(\p{N}+(?:[.,]\p{N}+)*(?:st|nd|rd|th|ish)?)|([\p{L}\p{M}\p{N}]+(?:['’\u02BC][\p{L}\p{M}]+)*)|(%)/gu;
const ALL_CAPITALS = /^\p{Lu}{2,6}$/u;

/** Splits text into word tokens (Unicode-aware; never throws). */
export function tokenize(text: string): SurfaceToken[] {
  const tokens: SurfaceToken[] = [];
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const surface = match[0];
    const start = match.index;
    const acronym = match[1] !== undefined || ALL_CAPITALS.test(surface);
    tokens.push({ surface, start, end: start + surface.length, acronym });
  }
  return tokens;
}
