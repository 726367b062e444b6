import type { RankedCandidate } from '../rank.js';
import type { QuestionSummary } from './feature-context.js';
import { refusalFeature } from './feature.js';
import { featureIndex, type CandidateFeature } from './features.js';
import type { RankedQuestion } from './ranked-question.js';

/** A refusal feature that is the best candidate's value of a ranking feature. */
const topFeature = <Name extends string>(name: Name, of: CandidateFeature, doc: string, needsVectors = false) =>
  refusalFeature(name, doc, (question) => question.topValue(of), needsVectors);

/**
 * The registry of refusal features: what the learned refusal rule (`model.json`) weighs into the
 * probability that the articles answer a question, in the order of its feature vector.
 */
export const REFUSAL_FEATURE_LIST = [
  refusalFeature('topScore', "The best candidate's ranking score.", (question) => question.ranked[0].score),
  refusalFeature('margin', "How far the best candidate's score is ahead of the second's.", (question) => {
    const [top, second] = question.ranked;
    return second === undefined ? 1 : top.score - second.score;
  }),
  topFeature('topCoverage', 'coverage', 'Share of the question (weighted) the best candidate holds.'),
  topFeature('topContextCoverage', 'contextCoverage', "The same, counting the best candidate's neighbours."),
  topFeature('topRarestConcept', 'rarestConcept', "The best candidate holds the question's rarest concept."),
  topFeature('topSpecificCoverage', 'specificCoverage', 'Share of the concepts the title does not name that the best candidate holds.'),
  topFeature('topArticleCoverage', 'articleCoverage', "Share of the question (weighted) found anywhere in the best candidate's article."),
  topFeature('topAnswerType', 'answerType', 'The best candidate holds the kind of thing asked for.'),
  refusalFeature(
    'unknownShare',
    'Share of the question (weighted) made of words no article has, in any form.',
    (question) => question.question.unknownShare,
  ),
  refusalFeature('conceptCount', 'How many concepts the question has, over 8.', (question) => Math.min(1, question.question.concepts / 8)),
  topFeature('topCosine', 'cosine', 'Cosine of the question with the best candidate: alike in meaning.', true),
  topFeature('topContextCosine', 'contextCosine', 'The same, counting its neighbours.', true),
  topFeature(
    'topArticleCosine',
    'articleBestCosine',
    "The best cosine of the question with any sentence of the best candidate's article.",
    true,
  ),
  topFeature('topTitleCosine', 'titleCosine', "Cosine of the question with the best candidate's article title.", true),
] as const;

export type RefusalFeatureName = (typeof REFUSAL_FEATURE_LIST)[number]['name'];

/** The refusal features' names, in feature-vector order. */
export const REFUSAL_FEATURES: readonly RefusalFeatureName[] = REFUSAL_FEATURE_LIST.map((feature) => feature.name);

/** The ranked question's view for the refusal features; null when there is no candidate at all. */
export function rankedQuestion(question: QuestionSummary, ranked: readonly RankedCandidate[]): RankedQuestion | null {
  const [first, ...rest] = ranked;
  if (first === undefined) return null;
  return { question, ranked: [first, ...rest], topValue: (name) => first.features[featureIndex(name)] ?? 0 };
}

/** The refusal features of a question whose candidates are ranked, best first; null when there is no candidate at all. */
export function refusalFeatures(summary: QuestionSummary, ranked: readonly RankedCandidate[]): Float64Array | null {
  const question = rankedQuestion(summary, ranked);
  if (question === null) return null;
  const withVectors = summary.withMeaning;
  return Float64Array.from(REFUSAL_FEATURE_LIST, (feature) => (feature.needsVectors && !withVectors ? 0 : feature.compute(question)));
}

/** A logistic rule over the refusal features: a bias and a weight per feature. */
export interface LogisticRule {
  readonly bias: number;
  readonly weights: Readonly<Record<RefusalFeatureName, number>>;
}

/**
 * Whether the question is about the articles at all (its answer may be missing from them): below
 * `threshold`, nothing relevant. Learned from off-topic questions against all others.
 */
export interface TopicRule extends LogisticRule {
  readonly threshold: number;
}

/** A logistic refusal rule: the probability that the articles answer, and the probabilities that decide how sure an answer is. */
export interface RefusalRule {
  readonly bias: number;
  readonly weights: Readonly<Record<RefusalFeatureName, number>>;
  /** At or above this probability the answer is given as an answer (`high`). */
  readonly threshold: number;
  /** At or above this, and below `threshold`, the closest passages are shown as such (`low`); below it, nothing. */
  readonly lowThreshold: number;
}

/** The probability, by a rule, for a question with these refusal features (that the articles answer it; that it is about them). */
export function answerProbability(features: Float64Array, rule: LogisticRule): number {
  let sum = rule.bias;
  REFUSAL_FEATURES.forEach((name, at) => {
    sum += rule.weights[name] * (features[at] ?? 0);
  });
  return 1 / (1 + Math.exp(-sum));
}
