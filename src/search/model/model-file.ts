import { z } from 'zod';
import { CANDIDATE_FEATURES, type CandidateFeature, RANKING_FEATURES } from './features.js';
import { REFUSAL_FEATURE_LIST, REFUSAL_FEATURES, type RefusalFeatureName, type RefusalRule, type TopicRule } from './refusal.js';

/** Where `npm run train` writes the learned weights, beside this file. */
export const MODEL_FILE = new URL('./model.json', import.meta.url);

/** The two models: words only (before the sentence vectors are ready, or without them), and words with meaning. */
export const VARIANTS = ['lexical', 'hybrid'] as const;
export type Variant = (typeof VARIANTS)[number];

/** The features a variant weighs: the lexical model leaves out every feature that needs vectors. */
export function featuresOf<Name extends string>(
  features: ReadonlyArray<{ readonly name: Name; readonly needsVectors: boolean }>,
  variant: Variant,
): Name[] {
  return features.filter((feature) => variant === 'hybrid' || !feature.needsVectors).map((feature) => feature.name);
}

const weightsOf = (names: readonly string[]) =>
  z
    .record(z.string(), z.number())
    .refine(
      (weights) => names.every((name) => name in weights) && Object.keys(weights).length === names.length,
      `must give a weight for exactly these features: ${names.join(', ')}`,
    );

const variantOf = (variant: Variant) =>
  z.object({
    ranker: weightsOf(featuresOf(RANKING_FEATURES, variant)),
    refusal: z
      .object({
        bias: z.number(),
        weights: weightsOf(featuresOf(REFUSAL_FEATURE_LIST, variant)),
        threshold: z.number().min(0).max(1),
        lowThreshold: z.number().min(0).max(1),
      })
      .refine((rule) => rule.lowThreshold <= rule.threshold, 'lowThreshold must not be above threshold'),
    topic: z.object({
      bias: z.number(),
      weights: weightsOf(featuresOf(REFUSAL_FEATURE_LIST, variant)),
      threshold: z.number().min(0).max(1),
    }),
  });

const modelFile = z.object({
  format: z.literal('article-qa-bot ranking model'),
  version: z.literal(2),
  lexical: variantOf('lexical'),
  hybrid: variantOf('hybrid'),
  training: z.object({ dataFingerprint: z.string() }).passthrough(),
  /** The figures `npm run train` measured: cross-validated on what it learns from, and on the out-of-domain dev halves. */
  crossValidated: z.record(z.string(), z.unknown()),
  outOfDomainDev: z.record(z.string(), z.unknown()),
});

export type ModelFile = z.infer<typeof modelFile>;

/** Reads and checks a model file; throws saying what to do when it does not fit this code. */
export function parseModel(json: string, source = 'src/search/model/model.json'): ModelFile {
  const parsed = modelFile.safeParse(JSON.parse(json));
  if (!parsed.success) {
    throw new Error(
      `${source} does not fit the ranking code (${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}). Run \`npm run train\`.`,
    );
  }
  return parsed.data;
}

/** A learned ranker, refusal rule and topic rule; a feature the model does not weigh has weight 0. */
export interface RankingModel {
  readonly ranker: Readonly<Record<CandidateFeature, number>>;
  readonly refusal: RefusalRule;
  readonly topic: TopicRule;
}

/** A model from weights in feature order (`CANDIDATE_FEATURES`, `REFUSAL_FEATURES`), as `npm run train` fits them. */
export function modelFromWeights(
  ranker: ArrayLike<number>,
  refusal: { readonly bias: number; readonly weights: ArrayLike<number> },
  thresholds: { readonly threshold: number; readonly lowThreshold: number; readonly topicThreshold: number },
  topic: { readonly bias: number; readonly weights: ArrayLike<number> } = { bias: 0, weights: [] },
): RankingModel {
  const rankerWeights = Object.fromEntries(CANDIDATE_FEATURES.map((name, at) => [name, ranker[at] ?? 0])) as Record<
    CandidateFeature,
    number
  >;
  const refusalWeights = Object.fromEntries(REFUSAL_FEATURES.map((name, at) => [name, refusal.weights[at] ?? 0])) as Record<
    RefusalFeatureName,
    number
  >;
  const topicWeights = Object.fromEntries(REFUSAL_FEATURES.map((name, at) => [name, topic.weights[at] ?? 0])) as Record<
    RefusalFeatureName,
    number
  >;
  return {
    ranker: rankerWeights,
    refusal: { bias: refusal.bias, weights: refusalWeights, threshold: thresholds.threshold, lowThreshold: thresholds.lowThreshold },
    topic: { bias: topic.bias, weights: topicWeights, threshold: thresholds.topicThreshold },
  };
}

/** One variant of a model file as a model (weights by name; absent features weigh 0). */
export function modelOf(file: ModelFile, variant: Variant): RankingModel {
  const part = file[variant];
  return modelFromWeights(
    CANDIDATE_FEATURES.map((name) => part.ranker[name] ?? 0),
    { bias: part.refusal.bias, weights: REFUSAL_FEATURES.map((name) => part.refusal.weights[name] ?? 0) },
    { threshold: part.refusal.threshold, lowThreshold: part.refusal.lowThreshold, topicThreshold: part.topic.threshold },
    { bias: part.topic.bias, weights: REFUSAL_FEATURES.map((name) => part.topic.weights[name] ?? 0) },
  );
}
