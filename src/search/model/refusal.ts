import type { RankedCandidate } from '../rank.js';
import type { AnalyzedQuestion } from '../question.js';
import { featureIndex } from './features.js';

/**
 * What the refusal rule knows about a question once its candidates are ranked. The learned
 * rule (`model.json`) weighs them into the probability that the articles answer the question.
 */
export const REFUSAL_FEATURES = [
  /** The best candidate's ranking score. */
  'topScore',
  /** How far the best candidate's score is ahead of the second's. */
  'margin',
  /** Share of the question (weighted) the best candidate holds. */
  'topCoverage',
  /** The same, counting the best candidate's neighbours. */
  'topContextCoverage',
  /** The best candidate holds the question's rarest concept. */
  'topRarestConcept',
  /** Share of the concepts the title does not name that the best candidate holds. */
  'topSpecificCoverage',
  /** Share of the question (weighted) found anywhere in the best candidate's article. */
  'topArticleCoverage',
  /** The best candidate holds the kind of thing asked for. */
  'topAnswerType',
  /** Share of the question (weighted) made of words no article has, in any form. */
  'unknownShare',
  /** How many concepts the question has, over 8. */
  'conceptCount',
] as const;

export type RefusalFeature = (typeof REFUSAL_FEATURES)[number];

/** The refusal features of a question whose candidates are ranked, best first; null when there is no candidate at all. */
export function refusalFeatures(ranked: readonly RankedCandidate[], question: AnalyzedQuestion): Float64Array | null {
  const [top, second] = ranked;
  if (top === undefined) return null;
  const of = (name: Parameters<typeof featureIndex>[0]) => top.features[featureIndex(name)] ?? 0;
  const totalWeight = question.concepts.reduce((sum, concept) => sum + concept.weight, 0);
  const unknownWeight = question.concepts.reduce((sum, concept) => sum + (concept.known ? 0 : concept.weight), 0);
  const values: Record<RefusalFeature, number> = {
    topScore: top.score,
    margin: second === undefined ? 1 : top.score - second.score,
    topCoverage: of('coverage'),
    topContextCoverage: of('contextCoverage'),
    topRarestConcept: of('rarestConcept'),
    topSpecificCoverage: of('specificCoverage'),
    topArticleCoverage: of('articleCoverage'),
    topAnswerType: of('answerType'),
    unknownShare: totalWeight > 0 ? unknownWeight / totalWeight : 1,
    conceptCount: Math.min(1, question.concepts.length / 8),
  };
  return Float64Array.from(REFUSAL_FEATURES, (name) => values[name]);
}

/** A logistic refusal rule: the probability that the articles answer, and the least probability to answer with. */
export interface RefusalRule {
  readonly bias: number;
  readonly weights: Readonly<Record<RefusalFeature, number>>;
  readonly threshold: number;
}

/** The probability, by the rule, that the articles answer a question with these refusal features. */
export function answerProbability(features: Float64Array, rule: RefusalRule): number {
  let sum = rule.bias;
  REFUSAL_FEATURES.forEach((name, at) => {
    sum += rule.weights[name] * (features[at] ?? 0);
  });
  return 1 / (1 + Math.exp(-sum));
}
