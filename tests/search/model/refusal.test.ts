import { describe, expect, it } from 'vitest';
import { CandidateFinder } from '../../../src/search/candidate-finder.js';
import { CANDIDATE_FEATURES } from '../../../src/search/model/features.js';
import { answerProbability, REFUSAL_FEATURES, type RefusalRule, refusalFeatures } from '../../../src/search/model/refusal.js';
import { resolveOptions } from '../../../src/search/options.js';
import { rankCandidates } from '../../../src/search/rank.js';
import { articleOf, indexed } from '../support/corpus.js';

const corpus = indexed(articleOf('a', 'Mayor Urie broke the tie in favour of the motion. The vote was held on Tuesday.'));
const finder = new CandidateFinder(corpus, resolveOptions(), null);
const coverageOnly = Object.fromEntries(CANDIDATE_FEATURES.map((name) => [name, name === 'coverage' ? 1 : 0])) as Record<
  (typeof CANDIDATE_FEATURES)[number],
  number
>;
const zero = Object.fromEntries(REFUSAL_FEATURES.map((name) => [name, 0])) as Record<(typeof REFUSAL_FEATURES)[number], number>;
const of = (features: Float64Array | null, name: (typeof REFUSAL_FEATURES)[number]) => features?.[REFUSAL_FEATURES.indexOf(name)];

describe('refusalFeatures', () => {
  it('describe the best candidate and the question: what it covers, and how much of the question no article knows', () => {
    const found = finder.find('who broke the tie, mayor zzyzx?');
    const features = refusalFeatures(found.summary, rankCandidates(found.candidates, coverageOnly));
    expect(of(features, 'topCoverage')).toBeGreaterThan(0);
    expect(of(features, 'topCoverage')).toBeLessThan(1);
    expect(of(features, 'unknownShare')).toBeGreaterThan(0);
  });

  it('leave the meaning features at 0 when there are no sentence vectors', () => {
    const found = finder.find('who broke the tie?');
    const features = refusalFeatures(found.summary, rankCandidates(found.candidates, coverageOnly));
    expect(of(features, 'topCosine')).toBe(0);
    expect(of(features, 'topTitleCosine')).toBe(0);
  });

  it('are null when no sentence is a candidate at all', () => {
    const found = finder.find('zzyzx qwrtp');
    expect(refusalFeatures(found.summary, rankCandidates(found.candidates, coverageOnly))).toBeNull();
  });
});

describe('answerProbability', () => {
  it('is the logistic function of the bias and the weighted features', () => {
    const rule: RefusalRule = { bias: -1, weights: { ...zero, topCoverage: 4 }, threshold: 0.5, lowThreshold: 0.3 };
    const features = new Float64Array(REFUSAL_FEATURES.length);
    features[REFUSAL_FEATURES.indexOf('topCoverage')] = 0.5;
    expect(answerProbability(features, rule)).toBeCloseTo(1 / (1 + Math.exp(-1)));
  });
});
