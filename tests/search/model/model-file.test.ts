import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CANDIDATE_FEATURES } from '../../../src/search/model/features.js';
import { parseModel } from '../../../src/search/model/model-file.js';
import { REFUSAL_FEATURES } from '../../../src/search/model/refusal.js';

const shipped = readFileSync('src/search/model/model.json', 'utf8');

describe('the model file', () => {
  it('holds a weight for exactly every feature the code computes, a refusal threshold and the figures it was trained to', () => {
    const model = parseModel(shipped);
    expect(Object.keys(model.ranker).sort()).toEqual([...CANDIDATE_FEATURES].sort());
    expect(Object.keys(model.refusal.weights).sort()).toEqual([...REFUSAL_FEATURES].sort());
    expect(model.refusal.threshold).toBeGreaterThan(0);
    expect(model.refusal.threshold).toBeLessThan(1);
    expect(model.crossValidated).toHaveProperty('squadPerArticle');
  });

  it('refuses a model that lacks a feature of the code, saying to retrain', () => {
    const stale = JSON.parse(shipped) as { ranker: Record<string, number> };
    delete stale.ranker.coverage;
    expect(() => parseModel(JSON.stringify(stale))).toThrow(/ranker.*coverage.*npm run train/su);
  });
});
