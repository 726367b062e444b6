import { describe, expect, it } from 'vitest';
import { CANDIDATE_FEATURES, type Candidate, featureIndex } from '../../src/search/model/features.js';
import { type RankingWeights, rankCandidates, scoreOf } from '../../src/search/rank.js';

const weights = Object.fromEntries(CANDIDATE_FEATURES.map((name) => [name, 0])) as Record<(typeof CANDIDATE_FEATURES)[number], number>;
const candidate = (id: number, values: Partial<Record<(typeof CANDIDATE_FEATURES)[number], number>>): Candidate => {
  const features = new Float64Array(CANDIDATE_FEATURES.length);
  for (const [name, value] of Object.entries(values)) features[featureIndex(name as (typeof CANDIDATE_FEATURES)[number])] = value;
  return { id, features };
};

describe('scoreOf', () => {
  it('is the weighted sum of the features', () => {
    const w: RankingWeights = { ...weights, coverage: 2, lede: -1 };
    expect(scoreOf(candidate(0, { coverage: 0.5, lede: 1, bm25: 1 }).features, w)).toBeCloseTo(0);
    expect(scoreOf(candidate(0, { coverage: 0.75 }).features, w)).toBeCloseTo(1.5);
  });
});

describe('rankCandidates', () => {
  it('orders candidates by score, best first, and earlier sentences first on a tie', () => {
    const w: RankingWeights = { ...weights, coverage: 1 };
    const ranked = rankCandidates([candidate(5, { coverage: 0.2 }), candidate(9, { coverage: 0.9 }), candidate(2, { coverage: 0.2 })], w);
    expect(ranked.map((entry) => entry.id)).toEqual([9, 2, 5]);
    expect(ranked[0]?.score).toBeCloseTo(0.9);
  });
});
