import { readFileSync } from 'node:fs';
import { CANDIDATE_FEATURES, type CandidateFeature } from './features.js';
import { MODEL_FILE, type ModelFile, parseModel } from './model-file.js';
import { REFUSAL_FEATURES, type RefusalFeature, type RefusalRule } from './refusal.js';

/** The learned ranker and refusal rule. */
export interface RankingModel {
  readonly ranker: Readonly<Record<CandidateFeature, number>>;
  readonly refusal: RefusalRule;
}

function modelOf(file: ModelFile): RankingModel {
  const ranker = Object.fromEntries(CANDIDATE_FEATURES.map((name) => [name, file.ranker[name] ?? 0])) as Record<CandidateFeature, number>;
  const weights = Object.fromEntries(REFUSAL_FEATURES.map((name) => [name, file.refusal.weights[name] ?? 0])) as Record<
    RefusalFeature,
    number
  >;
  return { ranker, refusal: { bias: file.refusal.bias, weights, threshold: file.refusal.threshold } };
}

/** The model `npm run train` learned, read once. */
export const LEARNED_MODEL: RankingModel = modelOf(parseModel(readFileSync(MODEL_FILE, 'utf8')));
