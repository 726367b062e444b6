import { describe, expect, it } from 'vitest';
import { SentenceTerms } from '../../../src/search/index/sentence-terms.js';

const SENTENCES = [['putin', 'call', 'trump', 'call'], [], ['ukrain', 'weapon'], ['call', 'ukrain', '=united_states']];

function termsOf(sentences: readonly (readonly string[])[]): SentenceTerms {
  const builder = SentenceTerms.builder();
  for (const terms of sentences) builder.add(terms);
  return builder.finish();
}

describe('SentenceTerms', () => {
  it("keeps every sentence's terms in reading order", () => {
    const terms = termsOf(SENTENCES);
    expect(terms.size).toBe(4);
    expect(SENTENCES.map((_, id) => terms.termsOf(id))).toEqual(SENTENCES);
  });

  it('counts a term once per sentence that holds it, and a sentence by its distinct terms', () => {
    const terms = termsOf(SENTENCES);
    expect(terms.documentFrequency('call')).toBe(2);
    expect(terms.documentFrequency('nothing')).toBe(0);
    expect([0, 1, 2, 3].map((id) => terms.distinctCount(id))).toEqual([3, 0, 2, 3]);
    expect(terms.averageDistinctCount).toBe(2);
  });

  it('numbers the vocabulary in order of first use, and finds a term by its id and back', () => {
    const terms = termsOf(SENTENCES);
    const vocabulary = ['putin', 'call', 'trump', 'ukrain', 'weapon', '=united_states'];
    expect(terms.vocabularySize).toBe(vocabulary.length);
    vocabulary.forEach((term, id) => {
      expect(terms.termOf(id)).toBe(term);
      expect(terms.idOf(term)).toBe(id);
    });
    for (const unknown of ['', 'a', 'cal', 'calls', 'zzz', '=']) expect(terms.idOf(unknown)).toBeUndefined();
  });

  it('finds every term of a large vocabulary by its id and no term it does not hold', () => {
    const words = Array.from({ length: 5000 }, (_, index) => `w${(index * 7919) % 5000}`);
    const terms = termsOf([words.slice(0, 2500), words.slice(2500)]);
    for (const word of words) expect(terms.termOf(terms.idOf(word) ?? -1)).toBe(word);
    expect(terms.idOf('w5000')).toBeUndefined();
  });

  it('restores what it serialised', () => {
    const restored = SentenceTerms.restore(termsOf(SENTENCES).serialize());
    expect(SENTENCES.map((_, id) => restored.termsOf(id))).toEqual(SENTENCES);
    expect(restored.documentFrequency('ukrain')).toBe(2);
    expect(restored.idOf('weapon')).toBe(4);
  });

  it('refuses saved terms whose ids, offsets or vocabulary do not fit together', () => {
    const saved = termsOf(SENTENCES).serialize();
    expect(() => SentenceTerms.restore({ ...saved, vocabulary: saved.vocabulary.slice(0, 2) })).toThrow(/outside the vocabulary/u);
    expect(() => SentenceTerms.restore({ ...saved, starts: termsOf([['a']]).serialize().starts })).toThrow(/offsets do not fit/u);
    expect(() => SentenceTerms.restore({ ...saved, ids: 'AAA' })).toThrow();
    expect(() => SentenceTerms.restore({ ...saved, vocabulary: ['call', 'call', ...saved.vocabulary.slice(2)] })).toThrow(/twice/u);
  });
});
