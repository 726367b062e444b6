/**
 * `text` itself when it has at most `maxLength` characters; else its start cut between two words
 * (when a space falls in the last 60 % of the allowance), without trailing punctuation, and an
 * ellipsis, all within `maxLength`.
 */
export function shortenAtWord(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  // Never half of a character written with two UTF-16 units.
  const cut = text.slice(0, maxLength - 1).replace(/[\uD800-\uDBFF]$/u, '');
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > maxLength * 0.4 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:]+$/u, '')}…`;
}
