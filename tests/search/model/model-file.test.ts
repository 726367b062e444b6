import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RANKING_FEATURES } from '../../../src/search/model/features.js';
import { featuresOf, parseModel, VARIANTS } from '../../../src/search/model/model-file.js';
import { REFUSAL_FEATURE_LIST } from '../../../src/search/model/refusal.js';

const shipped = readFileSync('src/search/model/model.json', 'utf8');

describe('the model file', () => {
  it('holds, for words only and for words with meaning, a weight for exactly the features each weighs, and the thresholds of the three answer states', () => {
    const model = parseModel(shipped);
    for (const variant of VARIANTS) {
      expect(Object.keys(model[variant].ranker).sort()).toEqual(featuresOf(RANKING_FEATURES, variant).sort());
      expect(Object.keys(model[variant].refusal.weights).sort()).toEqual(featuresOf(REFUSAL_FEATURE_LIST, variant).sort());
      expect(model[variant].refusal.lowThreshold).toBeGreaterThan(0);
      expect(model[variant].refusal.lowThreshold).toBeLessThanOrEqual(model[variant].refusal.threshold);
      expect(model[variant].refusal.threshold).toBeLessThan(1);
      expect(Object.keys(model[variant].topic.weights).sort()).toEqual(featuresOf(REFUSAL_FEATURE_LIST, variant).sort());
      expect(model[variant].topic.threshold).toBeGreaterThanOrEqual(0);
    }
    expect(Object.keys(model.lexical.ranker)).not.toContain('cosine');
    expect(model.crossValidated).toHaveProperty('hybrid.squadPerArticle');
    expect(model.outOfDomainDev).toHaveProperty('hybrid');
  });

  it('refuses a model that lacks a feature of the code, saying to retrain', () => {
    const stale = JSON.parse(shipped) as { hybrid: { ranker: Record<string, number> } };
    delete stale.hybrid.ranker.coverage;
    expect(() => parseModel(JSON.stringify(stale))).toThrow(/hybrid\.ranker.*coverage.*npm run train/su);
  });

  it('refuses a low threshold above the high one', () => {
    const crossed = JSON.parse(shipped) as { lexical: { refusal: { threshold: number; lowThreshold: number } } };
    crossed.lexical.refusal.lowThreshold = crossed.lexical.refusal.threshold + 0.1;
    expect(() => parseModel(JSON.stringify(crossed))).toThrow(/lowThreshold/u);
  });
});
