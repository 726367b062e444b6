import { escapeText } from './escape.js';
import { truncateAtWord } from './truncate.js';

const LETTER = String.raw`[\p{L}\p{M}\p{N}]`;
/** Letters and digits, with the apostrophes, hyphens and dots found inside words ("don't", "U.S."). */
const WORD = /^[\p{L}\p{M}\p{N}]+(?:['’.-][\p{L}\p{M}\p{N}]*)*$/u;
/** Spans in escaped text where inserting `**` would break something: links and `<...>` tokens (mentions, emoji, timestamps). */
const PROTECTED = /(https?:\/\/\S+|<[^<>\s]*>)/giu;

/**
 * The passage escaped for markdown, with every whole-word occurrence of a matched term in bold,
 * at most `maxLength` long. Escaping happens first, so the only markdown in the result is the
 * bold we add; each bold span is one word, so the cut at whitespace can never split one.
 */
export function highlightTerms(passage: string, terms: readonly string[], maxLength = Number.POSITIVE_INFINITY): string {
  // Escaping and bolding only lengthen the text: cutting the raw passage first bounds the work.
  const escaped = escapeText(truncateAtWord(passage, maxLength));
  const pattern = termPattern(terms);
  const highlighted =
    pattern === null
      ? escaped
      : escaped
          .split(PROTECTED)
          .map((segment, index) => (index % 2 === 1 ? segment : segment.replace(pattern, '**$&**')))
          .join('');
  return truncateAtWord(highlighted, maxLength);
}

/**
 * No word worth bolding is longer. Longer "words" (a run of digits, a pasted blob) would make the
 * pattern too large for the regular expression engine, which then throws.
 */
const MAX_TERM_LENGTH = 100;
/** Enough for every matched word of a passage; bounds the size of the pattern. */
const MAX_TERMS = 200;

function termPattern(terms: readonly string[]): RegExp | null {
  const words = [
    ...new Set(
      terms
        .map((term) => term.trim())
        // A term is one word; anything else (spaces, markdown characters) cannot be bolded safely.
        .filter((term) => term.length <= MAX_TERM_LENGTH && WORD.test(term)),
    ),
  ]
    .slice(0, MAX_TERMS)
    .sort((a, b) => b.length - a.length);
  if (words.length === 0) return null;

  const alternatives = words.map((word) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');
  return new RegExp(`(?<!${LETTER})(?:${alternatives})(?!${LETTER})`, 'giu');
}
