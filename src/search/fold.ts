/**
 * Case and diacritic folding, so that "Zelenskyy", "ZELENSKYY" and "Zelenskÿy" index alike.
 * NFKD splits letters from their accents (and compatibility forms such as "ﬁ" into "fi");
 * dropping the combining marks then leaves the base letters.
 */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}
