import { readFileSync } from 'node:fs';
import { MODEL_FILE, modelOf, parseModel, type RankingModel, type Variant } from './model-file.js';
import type { RankingWeights } from '../rank.js';

const file = parseModel(readFileSync(MODEL_FILE, 'utf8'));

/** The models `npm run train` learned (`src/search/model/model.json`), read once: words only, and words with meaning. */
export const LEARNED_MODELS: Readonly<Record<Variant, RankingModel>> = {
  lexical: modelOf(file, 'lexical'),
  hybrid: modelOf(file, 'hybrid'),
};

/** The ranking weights `npm run train` learned for the words-only model. */
export const DEFAULT_WEIGHTS: RankingWeights = LEARNED_MODELS.lexical.ranker;
