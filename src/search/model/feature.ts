import type { CandidateFeatures } from './feature-context.js';
import type { RankedQuestion } from './ranked-question.js';

/**
 * One thing the ranker knows about a candidate sentence, scaled to about 0-1: its name (the key
 * of its weight in `model.json`), what it measures, and how. Adding one is an entry in a file of
 * `features/` and a line in `features.ts`, then `npm run train`.
 */
export interface RankingFeature<Name extends string = string> {
  readonly name: Name;
  readonly doc: string;
  /** Measured only when the engine has sentence vectors; 0, and left out of the lexical model, without them. */
  readonly needsVectors: boolean;
  readonly compute: (candidate: CandidateFeatures) => number;
}

/** One thing the refusal rule knows about a question once its candidates are ranked. */
export interface RefusalFeature<Name extends string = string> {
  readonly name: Name;
  readonly doc: string;
  readonly needsVectors: boolean;
  readonly compute: (question: RankedQuestion) => number;
}

export function rankingFeature<Name extends string>(
  name: Name,
  doc: string,
  compute: (candidate: CandidateFeatures) => number,
  needsVectors = false,
): RankingFeature<Name> {
  return { name, doc, compute, needsVectors };
}

export function refusalFeature<Name extends string>(
  name: Name,
  doc: string,
  compute: (question: RankedQuestion) => number,
  needsVectors = false,
): RefusalFeature<Name> {
  return { name, doc, compute, needsVectors };
}
