import { readFileSync } from 'node:fs';
import { CANDIDATE_FEATURES } from './features.js';
import { MODEL_FILE, type ModelFile, modelFromWeights, parseModel, type RankingModel } from './model-file.js';
import { REFUSAL_FEATURES } from './refusal.js';
import type { RankingWeights } from '../rank.js';

function modelOf(file: ModelFile): RankingModel {
  return modelFromWeights(
    CANDIDATE_FEATURES.map((name) => file.ranker[name] ?? 0),
    { bias: file.refusal.bias, weights: REFUSAL_FEATURES.map((name) => file.refusal.weights[name] ?? 0) },
    file.refusal.threshold,
  );
}

/** The model `npm run train` learned, read once. */
export const LEARNED_MODEL: RankingModel = modelOf(parseModel(readFileSync(MODEL_FILE, 'utf8')));

/** The ranking weights `npm run train` learned (`src/search/model/model.json`). */
export const DEFAULT_WEIGHTS: RankingWeights = LEARNED_MODEL.ranker;
