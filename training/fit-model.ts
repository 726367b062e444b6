/**
 * Fitting one variant's model: the ranker on the answerable examples, then the refusal rule on
 * every example, ranked by that ranker. Only the features the variant weighs (and that an
 * ablation keeps) are fitted; the others weigh 0.
 */
import { CANDIDATE_FEATURES, RANKING_FEATURES } from '../src/search/model/features.js';
import { featuresOf, modelFromWeights, type RankingModel, type Variant } from '../src/search/model/model-file.js';
import {
  answerProbability,
  type LogisticRule,
  REFUSAL_FEATURE_LIST,
  REFUSAL_FEATURES,
  refusalFeatures,
} from '../src/search/model/refusal.js';
import { type RankedCandidate, rankCandidates } from '../src/search/rank.js';
import type { Asked } from './examples.js';
import { round } from './figures.js';
import { fitLogistic, fitRanker, LOGISTIC_SETTINGS, RANKER_SETTINGS } from './fit.js';

/** Which features a fit may use: a variant's, less any an ablation leaves out. */
export interface FeatureSelection {
  readonly variant: Variant;
  readonly without?: ReadonlySet<string>;
}

/**
 * A variant's ranker, refusal rule and topic rule, not yet thresholded (thresholds 0); from `start`
 * (a model fitted on much the same examples) when given, which only makes it faster.
 */
export function fitModel(training: readonly Asked[], selection: FeatureSelection, start?: RankingModel): RankingModel {
  const { variant } = selection;
  const ranking = columnsOf(featuresOf(RANKING_FEATURES, variant), CANDIDATE_FEATURES, selection.without);
  const refusal = columnsOf(featuresOf(REFUSAL_FEATURE_LIST, variant), REFUSAL_FEATURES, selection.without);
  const fittedRanker = fitRanker(
    training
      .filter((entry) => entry.kind === 'answerable')
      .map((entry) => {
        const { found, correct } = entry.variants[variant];
        return { features: found.candidates.map((candidate) => pick(candidate.features, ranking)), correct, weight: entry.weight };
      }),
    ranking.length,
    RANKER_SETTINGS,
    start === undefined
      ? undefined
      : pick(
          Float64Array.from(CANDIDATE_FEATURES, (name) => start.ranker[name]),
          ranking,
        ),
  );
  // Rounded as `model.json` keeps them, so that what is measured here is what ships.
  const ranker = spread(fittedRanker, ranking, CANDIDATE_FEATURES.length).map(round);
  const offTopicSets = new Set(training.filter((entry) => entry.kind === 'off-topic').map((entry) => entry.set));
  const rankerOnly = modelFromWeights(ranker, { bias: 0, weights: [] }, UNTHRESHOLDED);
  const examples = training.flatMap((entry) => {
    const { found } = entry.variants[variant];
    const features = refusalFeatures(found.summary, rankCandidates(found.candidates, rankerOnly.ranker));
    return features === null ? [] : [{ entry, features }];
  });
  const refusalRule = fitRule(examples, refusal, (entry) => entry.kind === 'answerable', start?.refusal);
  // The topic rule only tells off-topic questions from the others: fitted where there are some.
  const topicRule = fitRule(
    examples.filter(({ entry }) => offTopicSets.has(entry.set)),
    refusal,
    (entry) => entry.kind !== 'off-topic',
    start?.topic,
  );
  return modelFromWeights(ranker, refusalRule, UNTHRESHOLDED, topicRule);
}

/**
 * A logistic rule over some refusal features, rounded as `model.json` keeps it. Classes are
 * balanced within each set: as much weight on the questions of one class as on the other's; then
 * each set's two classes together weigh what one of its questions weighs in ranking (a news
 * question counts `setWeight` SQuAD questions), so that the bot's own kind of question leads.
 */
function fitRule(
  examples: ReadonlyArray<{ readonly entry: Asked; readonly features: Float64Array }>,
  columns: readonly number[],
  positive: (entry: Asked) => boolean,
  start: LogisticRule | undefined,
): { bias: number; weights: Float64Array } {
  const classWeight = new Map<string, number>();
  const keyOf = (entry: Asked) => `${entry.set}:${positive(entry)}`;
  for (const { entry } of examples) classWeight.set(keyOf(entry), (classWeight.get(keyOf(entry)) ?? 0) + entry.weight);
  const fitted = fitLogistic(
    examples.map(({ entry, features }) => ({
      features: pick(features, columns),
      positive: positive(entry),
      weight: (entry.weight / (classWeight.get(keyOf(entry)) ?? 1)) * (entry.set === 'squad' ? 1 : entry.weight),
    })),
    columns.length,
    LOGISTIC_SETTINGS,
    start === undefined
      ? undefined
      : {
          bias: start.bias,
          weights: pick(
            Float64Array.from(REFUSAL_FEATURES, (name) => start.weights[name]),
            columns,
          ),
        },
  );
  return { bias: round(fitted.bias), weights: spread(fitted.weights, columns, REFUSAL_FEATURES.length).map(round) };
}

const UNTHRESHOLDED = { threshold: 0, lowThreshold: 0, topicThreshold: 0 };

/** How a model answers one example: its best candidate, the rank of the first that answers, and the probability it gives. */
export interface Outcome {
  readonly top: RankedCandidate | undefined;
  /** 1-based rank of the first correct candidate, or null. */
  readonly rank: number | null;
  /** Whether the best candidate is from an article that answers. */
  readonly rightArticle: boolean;
  /** The refusal rule's probability that the articles answer; 0 when there is no candidate at all. */
  readonly probability: number;
  /** The topic rule's probability that the question is about the articles; 0 when there is no candidate at all. */
  readonly onTopic: number;
}

export function outcomeOf(entry: Asked, variant: Variant, model: RankingModel): Outcome {
  const { found, correct, rightArticle } = entry.variants[variant];
  const ranked = rankCandidates(found.candidates, model.ranker);
  const correctIds = new Set(found.candidates.filter((_, at) => correct[at] === true).map((candidate) => candidate.id));
  const at = ranked.findIndex((candidate) => correctIds.has(candidate.id));
  const top = ranked[0];
  const features = refusalFeatures(found.summary, ranked);
  return {
    top,
    rank: at === -1 ? null : at + 1,
    rightArticle: top !== undefined && rightArticle[found.candidates.findIndex((candidate) => candidate.id === top.id)] === true,
    probability: features === null ? 0 : answerProbability(features, model.refusal),
    onTopic: features === null ? 0 : answerProbability(features, model.topic),
  };
}

/** The positions in `all` of the `wanted` features an ablation does not leave out. */
function columnsOf(wanted: readonly string[], all: readonly string[], without: ReadonlySet<string> = new Set()): number[] {
  return wanted.filter((name) => !without.has(name)).map((name) => all.indexOf(name));
}

function pick(features: Float64Array, columns: readonly number[]): Float64Array {
  return Float64Array.from(columns, (column) => features[column] ?? 0);
}

function spread(weights: Float64Array, columns: readonly number[], size: number): Float64Array {
  const full = new Float64Array(size);
  columns.forEach((column, at) => {
    full[column] = weights[at] ?? 0;
  });
  return full;
}
