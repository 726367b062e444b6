import type MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { newSentenceMiniSearch, sentenceDocument, sentenceMiniSearchData } from '../../../src/search/index/minisearch-layout.js';
import { runAtOnce } from '../../../src/search/index/stepwise.js';
import { SentenceTerms } from '../../../src/search/index/sentence-terms.js';

const SENTENCES = [['putin', 'call', 'trump', 'call'], [], ['ukrain', 'weapon'], ['call', 'ukrain', '=united_states']];

function termsOf(sentences: readonly (readonly string[])[]): SentenceTerms {
  const builder = SentenceTerms.builder();
  for (const terms of sentences) builder.add(terms);
  return builder.finish();
}

describe('SentenceTerms', () => {
  it("keeps every sentence's terms in order, and counts each term once per sentence", () => {
    const terms = termsOf(SENTENCES);
    expect(terms.size).toBe(4);
    expect(SENTENCES.map((_, id) => terms.termsOf(id))).toEqual(SENTENCES);
    expect(terms.documentFrequency('call')).toBe(2);
    expect(terms.documentFrequency('nothing')).toBe(0);
    expect([0, 1, 2, 3].map((id) => terms.distinctCount(id))).toEqual([3, 0, 2, 3]);
    expect(terms.similarTerms('ukran', 1)).toEqual([{ term: 'ukrain', distance: 1 }]);
  });

  it('restores what it serialised, and refuses ids that do not fit', () => {
    const saved = termsOf(SENTENCES).serialize();
    const restored = SentenceTerms.restore(saved);
    expect(SENTENCES.map((_, id) => restored.termsOf(id))).toEqual(SENTENCES);
    expect(restored.documentFrequency('ukrain')).toBe(2);
    expect(() => SentenceTerms.restore({ ...saved, vocabulary: saved.vocabulary.slice(0, 2) })).toThrow(/outside the vocabulary/u);
    expect(() => SentenceTerms.restore({ ...saved, starts: termsOf([['a']]).serialize().starts })).toThrow(/offsets do not fit/u);
    expect(() => SentenceTerms.restore({ ...saved, ids: 'AAA' })).toThrow();
  });
});

describe('the MiniSearch index derived from sentence terms', () => {
  it('is the index MiniSearch builds by adding the sentences', () => {
    const sentences = [...SENTENCES, ...Array.from({ length: 40 }, (_, index) => [`w${index % 7}`, 'call', `w${index % 3}`])];
    const terms = termsOf(sentences);
    const built = newSentenceMiniSearch();
    sentences.forEach((sentenceTerms, id) => {
      built.add(sentenceDocument(id, sentenceTerms));
    });
    const byTerm = (data: MiniSearch['toJSON'] extends () => infer R ? R : never) => ({
      ...data,
      index: [...data.index].sort(([a], [b]) => a.localeCompare(b)),
    });
    expect(JSON.parse(JSON.stringify(byTerm(runAtOnce(sentenceMiniSearchData(terms)))))).toEqual(
      JSON.parse(JSON.stringify(byTerm(built.toJSON()))),
    );
  });
});
