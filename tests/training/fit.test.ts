import { describe, expect, it } from 'vitest';
import { dot, fitLogistic, fitRanker, sigmoid } from '../../training/fit.js';

/** A fixed pseudo-random sequence, so that the data are the same in every run. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe('fitLogistic', () => {
  it('learns a positive weight for a feature that marks positives, and none for noise', () => {
    const random = sequence(1);
    const examples = Array.from({ length: 400 }, (_, at) => {
      const positive = at % 2 === 0;
      return { features: Float64Array.from([positive ? 0.7 + 0.3 * random() : 0.3 * random(), random()]), positive, weight: 1 };
    });
    const { bias, weights } = fitLogistic(examples, 2);
    expect(weights[0]).toBeGreaterThan(5);
    expect(Math.abs(weights[1] ?? 0)).toBeLessThan(1);
    const accuracy =
      examples.filter((example) => sigmoid(dot(weights, example.features) + bias) >= 0.5 === example.positive).length / examples.length;
    expect(accuracy).toBe(1);
  });

  it('gives the same weights for the same data: training is deterministic', () => {
    const examples = [0.1, 0.4, 0.6, 0.9].map((x, at) => ({ features: Float64Array.from([x]), positive: at >= 2, weight: 1 }));
    expect(fitLogistic(examples, 1)).toEqual(fitLogistic(examples, 1));
  });
});

describe('fitRanker', () => {
  it('learns to put first the candidate that the feature marking answers marks, over a distractor', () => {
    const random = sequence(7);
    const groups = Array.from({ length: 100 }, () => {
      const features = Array.from({ length: 10 }, () => Float64Array.from([0.5 * random(), random()]));
      const answer = Math.floor(random() * 10);
      features[answer] = Float64Array.from([0.5 + 0.5 * random(), random()]);
      return { features, correct: features.map((_, at) => at === answer), weight: 1 };
    });
    const weights = fitRanker(groups, 2);
    expect(weights[0]).toBeGreaterThan(1);
    expect(Math.abs(weights[1] ?? 0)).toBeLessThan(Math.abs(weights[0] ?? 0) / 4);
    const firstIsAnswer = groups.filter((group) => {
      const scores = group.features.map((features) => dot(weights, features));
      return group.correct[scores.indexOf(Math.max(...scores))] === true;
    }).length;
    expect(firstIsAnswer).toBe(100);
  });

  it('ignores questions with no correct candidate', () => {
    const groups = [{ features: [Float64Array.from([1]), Float64Array.from([0])], correct: [false, false], weight: 1 }];
    expect([...fitRanker(groups, 1)]).toEqual([0]);
  });
});
