import { describe, expect, it } from 'vitest';
import { indexQueryOf } from '../../src/search/index-query.js';
import { DEFAULT_OPTIONS } from '../../src/search/options.js';
import type { Concept } from '../../src/search/question.js';
import { articleOf, indexed } from './support/corpus.js';

// "common" is in every sentence, "rare" in one, "middling" in five of twenty.
const sentences = Array.from({ length: 20 }, (_, at) => `Common word ${at}.${at % 4 === 0 ? ' Middling.' : ''}${at === 7 ? ' Rare.' : ''}`);
const { index } = indexed(articleOf('a', sentences.join(' ')));
const concept = (...terms: Array<readonly [string, number]>): Concept => ({
  terms: new Map(terms),
  variants: new Set(terms.map(([term]) => term)),
  weight: 1,
  known: true,
});
const options = { ...DEFAULT_OPTIONS, maxRetrievalFrequency: 6 };

describe('indexQueryOf', () => {
  it('scores with every term of the question, at its weight', () => {
    const query = indexQueryOf([concept(['common', 1]), concept(['rare', 1], ['middl', 0.3])], index, options);
    expect(Object.fromEntries(query.terms)).toEqual({ common: 1, rare: 1, middl: 0.3 });
  });

  it('looks sentences up by rare terms, and a term in too many sentences only scores what they find', () => {
    const query = indexQueryOf([concept(['common', 1]), concept(['rare', 1]), concept(['middl', 1])], index, {
      ...options,
      alwaysRetrievedConcepts: 1,
    });
    expect([...query.retrieveBy].sort()).toEqual(['middl', 'rare']);
  });

  it('always looks up the rarest term of the rarest concepts, however common, so a question of common words finds something', () => {
    const query = indexQueryOf([concept(['common', 1])], index, options);
    expect([...query.retrieveBy]).toEqual(['common']);
  });

  it('looks up a weakly related word only where it is much rarer, and only so many of them', () => {
    const weak = indexQueryOf([concept(['rare', 1], ['middl', 0.3])], index, { ...options, weakTermFrequencyDivisor: 2 });
    expect([...weak.retrieveBy]).toEqual(['rare']);
    const none = indexQueryOf([concept(['rare', 1], ['middl', 0.3])], index, {
      ...options,
      maxWeakTermsPerConcept: 0,
      weakTermFrequencyDivisor: 1,
    });
    expect([...none.retrieveBy]).toEqual(['rare']);
    const one = indexQueryOf([concept(['rare', 1], ['middl', 0.3])], index, { ...options, weakTermFrequencyDivisor: 1 });
    expect([...one.retrieveBy].sort()).toEqual(['middl', 'rare']);
  });
});
