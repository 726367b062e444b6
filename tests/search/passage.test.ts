import { describe, expect, it } from 'vitest';
import { passageRange, passageText } from '../../src/search/passage.js';
import { articleOf } from './support/corpus.js';

const article = articleOf(
  'a',
  [
    'The minister spoke on Monday. "We will act. The plan is ready. It starts soon," she said. Markets rose.',
    'He agreed. The vote is on Friday. It was moved up a week.',
  ].join('\n\n'),
);
const sentences = article.sentences;
const idOf = (start: string) => sentences.findIndex((sentence) => sentence.text.startsWith(start));

describe('passageRange', () => {
  it('shows a sentence alone when it stands on its own', () => {
    expect(passageRange(sentences, idOf('The minister'), 5)).toEqual({ first: 0, last: 0 });
  });

  it('shows the whole quotation a sentence is part of', () => {
    const range = passageRange(sentences, idOf('The plan'), 5);
    expect(passageText(sentences, range)).toBe('"We will act. The plan is ready. It starts soon," she said.');
  });

  it('adds the sentence before one that opens with a pronoun, within its paragraph only', () => {
    expect(passageText(sentences, passageRange(sentences, idOf('Markets'), 5))).toBe('Markets rose.');
    expect(passageText(sentences, passageRange(sentences, idOf('He agreed'), 5))).toBe('He agreed.');
    expect(passageText(sentences, passageRange(sentences, idOf('It was moved'), 5))).toBe('The vote is on Friday. It was moved up a week.');
  });

  it('never grows past the most sentences allowed', () => {
    const range = passageRange(sentences, idOf('The plan'), 2);
    expect(range.last - range.first + 1).toBeLessThanOrEqual(2);
  });
});
