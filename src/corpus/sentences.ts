import { collapseWhitespace } from './collapse-whitespace.js';
import { AMBIGUOUS_ABBREVIATIONS, NUMBERING_ABBREVIATIONS, PREFIX_ABBREVIATIONS, SENTENCE_STARTERS } from './abbreviations.js';

/*
 * A scanner of our own rather than Intl.Segmenter: the segmenter breaks after
 * every "U.S." before a capital, which is most of them in news prose.
 *
 * Sentences only ever end at whitespace, so URLs, e-mail addresses, domains,
 * decimals ("3.5", "$1.2") and "end.Start" typos are never cut. For each gap
 * between two tokens we look at how the left token ends and how the right one
 * begins; every check looks at a bounded number of characters or tokens, so the
 * whole split is linear in the paragraph length.
 */

/** Opening quotes and brackets that may precede the first word of a sentence. */
const OPENERS = new Set(['"', "'", '“', '‘', '„', '«', '‹', '(', '[', '{']);
/** Closing quotes and brackets that stay with the sentence they close. */
const CLOSERS = new Set(['"', "'", '”', '’', '»', '›', ')', ']', '}']);
const QUOTE_MARKS = new Set(['"', "'", '“', '”', '‘', '’', '„', '«', '»', '‹', '›']);

/** Verbs of an attribution after a quoted question: `"Why now?" Trump asked.` */
const SPEECH_VERBS: ReadonlySet<string> = new Set([
  'said',
  'says',
  'asked',
  'asks',
  'added',
  'adds',
  'told',
  'tells',
  'wrote',
  'writes',
  'replied',
  'replies',
  'responded',
  'answered',
  'shouted',
  'yelled',
  'exclaimed',
  'wondered',
  'continued',
  'insisted',
  'declared',
  'stated',
  'noted',
  'explained',
  'recalled',
  'tweeted',
  'posted',
  'joked',
  'quipped',
  'cried',
  'demanded',
  'countered',
  'remarked',
  'argued',
  'warned',
  'mused',
]);
/** How far past a quoted question we look for its attribution's verb. */
const ATTRIBUTION_REACH = 5;

const UPPER = /^[\p{Lu}\p{Lt}]/u;
const DIGIT = /^\p{Nd}/u;
const LETTERS = /^\p{L}+/u;
/** "U.S", "J.R.R", "a.m", "Ph.D": letter groups of one or two joined by periods. */
const INITIALISM = /^\p{L}{1,2}(?:\.\p{L}{1,2})+$/u;
const SINGLE_CAPITAL = /^\p{Lu}$/u;
/** A word that can belong to a speaker's name: "Trump", "O'Neill", "F.", "Sen.". */
const NAME_WORD = /^\p{Lu}[\p{L}'’.-]*$/u;

/** Splits one paragraph into sentences. Returns trimmed sentences; joining them with single spaces gives back the paragraph with its whitespace runs collapsed to single spaces (no text is ever lost or altered). */
export function splitSentences(paragraph: string): string[] {
  const text = collapseWhitespace(paragraph);
  if (text === '') return [];
  const tokens = text.split(' ');
  const sentences: string[] = [];
  // Sentences are cut out of the paragraph's text, not joined from words: V8 can then keep
  // each as a view of the paragraph rather than a second copy of its characters.
  let start = 0;
  let tokenEnd = 0;
  for (let i = 0; i < tokens.length - 1; i++) {
    tokenEnd += (tokens[i]?.length ?? 0) + (i > 0 ? 1 : 0);
    if (endsSentence(tokens, i)) {
      sentences.push(text.slice(start, tokenEnd));
      start = tokenEnd + 1;
    }
  }
  sentences.push(text.slice(start));
  return sentences;
}

/** Whether a sentence ends between `tokens[i]` and `tokens[i + 1]`. */
function endsSentence(tokens: readonly string[], i: number): boolean {
  const token = tokens[i];
  const next = tokens[i + 1];
  if (token === undefined || next === undefined) return false;

  let end = token.length;
  while (end > 0 && CLOSERS.has(token.charAt(end - 1))) end--;
  const stop = token.charAt(end - 1);
  // Most words end in no stop at all: settle them before looking at the next word.
  if (stop !== '.' && stop !== '?' && stop !== '!' && stop !== '…') return false;

  const wordStart = skipOpeners(next);
  const rest = next.slice(wordStart, wordStart + 2);
  // Lower case or punctuation after the stop means the sentence goes on:
  // "He paused... then spoke.", `"Why now?" she asked.`, "the U.S. officials".
  if (!UPPER.test(rest) && !DIGIT.test(rest)) return false;

  if (stop === '?' || stop === '!') {
    const quoted = hasQuoteMark(token, end);
    return !(quoted && isAttribution(tokens, i + 1));
  }
  if (stop === '…') return true;
  if (stop !== '.') return false;
  if (token.charAt(end - 2) === '.') return true; // "..." ellipsis
  // A period inside a closing quote or bracket ends what it closes: `He said "no." Then`.
  if (end < token.length) return true;
  return periodEnds(abbreviationStem(token, end - 1), next, wordStart);
}

/** Decides a period after `stem` (the token without its period) when a capital or digit follows. */
function periodEnds(stem: string, next: string, wordStart: number): boolean {
  if (PREFIX_ABBREVIATIONS.has(stem)) return false;
  const ambiguous = AMBIGUOUS_ABBREVIATIONS.has(stem) || INITIALISM.test(stem) || SINGLE_CAPITAL.test(stem);
  const numbering = NUMBERING_ABBREVIATIONS.has(stem);
  const digitNext = DIGIT.test(next.slice(wordStart, wordStart + 2));
  // "No. 1", "Sept. 11", "9 a.m. 2024" style: an abbreviation before a number continues.
  if (digitNext) return !(ambiguous || numbering);
  if (!ambiguous) return true;
  // `...on the U.S. "We will respond,"`: a capitalised quotation opens a sentence.
  if (wordStart > 0 && QUOTE_MARKS.has(next.charAt(wordStart - 1))) return true;
  return startsWithStarter(next, wordStart);
}

/** The token before index `period`, without openers, closers, or a hyphenated prefix ("pro-U.S."). */
function abbreviationStem(token: string, period: number): string {
  let end = period;
  while (end > 0 && CLOSERS.has(token.charAt(end - 1))) end--;
  const start = Math.max(
    skipOpeners(token),
    token.lastIndexOf('-', end - 1) + 1,
    token.lastIndexOf('–', end - 1) + 1,
    token.lastIndexOf('—', end - 1) + 1,
    token.lastIndexOf('/', end - 1) + 1,
  );
  return start < end ? token.slice(start, end) : '';
}

/** Whether the word at `wordStart` is a typical sentence opener; "I." and "A." are initials, not pronouns. */
function startsWithStarter(next: string, wordStart: number): boolean {
  const word = LETTERS.exec(next.slice(wordStart, wordStart + 16))?.[0];
  if (word === undefined || !SENTENCE_STARTERS.has(word)) return false;
  return !(word.length === 1 && next.charAt(wordStart + 1) === '.');
}

/**
 * Whether the tokens from `from` read as the attribution of a quotation:
 * a few capitalised name words, then a speech verb (`"Why now?" President Trump asked.`).
 */
function isAttribution(tokens: readonly string[], from: number): boolean {
  const limit = Math.min(tokens.length, from + ATTRIBUTION_REACH + 1);
  for (let j = from; j < limit; j++) {
    const word = tokens[j];
    if (word === undefined) return false;
    if (j > from && SPEECH_VERBS.has(withoutTrailingPunctuation(word))) return true;
    if (!NAME_WORD.test(word)) return false;
    // "He asked" after a question is a new sentence, not an attribution.
    if (j === from && startsWithStarter(word, 0)) return false;
  }
  return false;
}

function skipOpeners(token: string): number {
  let i = 0;
  while (i < token.length && OPENERS.has(token.charAt(i))) i++;
  return i;
}

/** "asked." -> "asked"; a loop, since `/[.,;:]+$/` backtracks quadratically on long runs of dots. */
function withoutTrailingPunctuation(word: string): string {
  let end = word.length;
  while (end > 0 && '.,;:'.includes(word.charAt(end - 1))) end--;
  return word.slice(0, end);
}

function hasQuoteMark(token: string, from: number): boolean {
  for (let i = from; i < token.length; i++) {
    if (QUOTE_MARKS.has(token.charAt(i))) return true;
  }
  return false;
}
