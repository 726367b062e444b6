import type { Article } from '../../../src/corpus/types.js';

/** Where a dataset's answer span sits in a draft article: its paragraph, its rough offset there, its text. */
export interface AnswerSpot {
  readonly paragraph: number;
  readonly near: number;
  readonly text: string;
}

const MIN_WORDS = 8;
const MAX_WORDS = 15;
/** How far a clause may grow to become unique in its article before the whole sentence is taken. */
const UNIQUE_WORDS = 25;

/** A gold text and the number (in the article) of the sentence it was cut from. */
export interface Gold {
  readonly sentence: number;
  readonly text: string;
}

/**
 * The gold texts for an answer span: for each sentence (as the bot splits the article) that the
 * span touches, a clause of MIN_WORDS-MAX_WORDS words around the span's part in it, widened until
 * no other sentence of the article holds it. Null when the span is not in the paragraph (the
 * article's Markdown reading changed it, say).
 */
export function goldTexts(article: Article, spot: AnswerSpot): Gold[] | null {
  const paragraph = article.paragraphs[spot.paragraph];
  const text = spot.text.replace(/\s+/gu, ' ').trim();
  if (paragraph === undefined || text === '') return null;
  const at = nearestOccurrence(paragraph, text, spot.near);
  if (at === null) return null;

  const sentences = article.sentences.filter((sentence) => sentence.paragraph === spot.paragraph + 1);
  if (sentences.map((sentence) => sentence.text).join(' ') !== paragraph) {
    throw new Error(`${article.id}: sentences do not rebuild paragraph ${spot.paragraph + 1}`);
  }
  const golds: Gold[] = [];
  let sentenceStart = 0;
  for (const sentence of sentences) {
    const sentenceEnd = sentenceStart + sentence.text.length;
    const from = Math.max(at, sentenceStart);
    const to = Math.min(at + text.length, sentenceEnd);
    if (from < to)
      golds.push({ sentence: sentence.sentence, text: clause(article, sentence.text, from - sentenceStart, to - sentenceStart) });
    sentenceStart = sentenceEnd + 1;
  }
  return golds;
}

function nearestOccurrence(paragraph: string, text: string, near: number): number | null {
  let best: number | null = null;
  for (let at = paragraph.indexOf(text); at >= 0; at = paragraph.indexOf(text, at + 1)) {
    if (best === null || Math.abs(at - near) < Math.abs(best - near)) best = at;
  }
  return best;
}

/** Whole words of `sentence` covering characters from..to, widened to a clause that is unique in the article. */
function clause(article: Article, sentence: string, from: number, to: number): string {
  const words = sentence.split(' ');
  const starts: number[] = [];
  let offset = 0;
  for (const word of words) {
    starts.push(offset);
    offset += word.length + 1;
  }
  const wordAt = (char: number) =>
    Math.max(
      0,
      starts.findLastIndex((start) => start <= char),
    );
  let first = wordAt(from);
  let last = Math.min(wordAt(to - 1), first + MAX_WORDS - 1);
  const widen = () => {
    if (last < words.length - 1) last++;
    if (last - first + 1 < MIN_WORDS || last === words.length - 1) {
      if (first > 0) first--;
    }
  };
  while (last - first + 1 < MIN_WORDS && (first > 0 || last < words.length - 1)) widen();
  const text = () => words.slice(first, last + 1).join(' ');
  const holders = () => article.sentences.filter((other) => other.text.includes(text())).length;
  while (holders() > 1 && last - first + 1 < UNIQUE_WORDS && (first > 0 || last < words.length - 1)) widen();
  return holders() > 1 ? sentence : text();
}
