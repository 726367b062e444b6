import type { Sentence } from '../corpus/types.js';

/** The first and last sentence (positions in the index) of the passage shown for a hit. */
export interface PassageRange {
  readonly first: number;
  readonly last: number;
}

// A sentence that starts like this leans on the one before it to be understood.
const LEANS_ON_PREVIOUS = /^["“‘']?(?:He|She|It|They|This|That|These|Those|His|Her|Its|Their|But|However|The two|Both)\b/u;

/**
 * The sentences needed to read one matched sentence: the rest of a quotation it is part of,
 * and the sentence before when it opens with a pronoun ("He said ..."). Stays within the
 * paragraph and never grows past `maxSentences`.
 */
export function passageRange(sentences: readonly Sentence[], id: number, maxSentences: number): PassageRange {
  const hit = sentences[id];
  if (hit === undefined) return { first: id, last: id };
  const inParagraph = (index: number) => {
    const other = sentences[index];
    return other !== undefined && other.articleId === hit.articleId && other.paragraph === hit.paragraph;
  };
  const paragraphStart = firstOfParagraph(id, inParagraph);
  let first = id;
  while (first > 0 && inParagraph(first - 1) && id - first < maxSentences - 1) {
    if (!opensInsideQuote(sentences, paragraphStart, first)) break;
    first -= 1;
  }
  let last = id;
  while (inParagraph(last + 1) && last - first < maxSentences - 1) {
    if (!opensInsideQuote(sentences, paragraphStart, last + 1)) break;
    last += 1;
  }
  const firstText = sentences[first]?.text ?? '';
  if (first === id && inParagraph(first - 1) && LEANS_ON_PREVIOUS.test(firstText) && last - first < maxSentences - 1) first -= 1;
  return { first, last };
}

export function passageText(sentences: readonly Sentence[], range: PassageRange): string {
  return sentences
    .slice(range.first, range.last + 1)
    .map((sentence) => sentence.text)
    .join(' ');
}

function firstOfParagraph(index: number, inParagraph: (index: number) => boolean): number {
  let first = index;
  while (first > 0 && inParagraph(first - 1)) first -= 1;
  return first;
}

/** Whether sentence `index` starts inside a quotation opened by an earlier sentence of its paragraph. */
function opensInsideQuote(sentences: readonly Sentence[], paragraphStart: number, index: number): boolean {
  let open = false;
  for (let position = paragraphStart; position < index; position += 1) {
    for (const character of sentences[position]?.text ?? '') {
      if (character === '"') open = !open;
      else if (character === '“') open = true;
      else if (character === '”') open = false;
    }
  }
  return open;
}
