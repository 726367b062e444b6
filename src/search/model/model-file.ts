import { z } from 'zod';
import { CANDIDATE_FEATURES, type CandidateFeature } from './features.js';
import { REFUSAL_FEATURES, type RefusalFeature, type RefusalRule } from './refusal.js';

/** Where `npm run train` writes the learned weights, beside this file. */
export const MODEL_FILE = new URL('./model.json', import.meta.url);

const weightsOf = <T extends string>(names: readonly T[]) =>
  z
    .record(z.string(), z.number())
    .refine(
      (weights) => names.every((name) => name in weights) && Object.keys(weights).length === names.length,
      `must give a weight for exactly these features: ${names.join(', ')}`,
    );

const modelFile = z.object({
  format: z.literal('article-qa-bot ranking model'),
  version: z.literal(1),
  ranker: weightsOf(CANDIDATE_FEATURES),
  refusal: z.object({ bias: z.number(), weights: weightsOf(REFUSAL_FEATURES), threshold: z.number().min(0).max(1) }),
  training: z.object({ dataFingerprint: z.string() }).passthrough(),
  crossValidated: z.record(z.string(), z.unknown()),
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

/** The learned ranker and refusal rule. */
export interface RankingModel {
  readonly ranker: Readonly<Record<CandidateFeature, number>>;
  readonly refusal: RefusalRule;
}

/** A model from weights in feature order (`CANDIDATE_FEATURES`, `REFUSAL_FEATURES`), as `npm run train` fits them. */
export function modelFromWeights(
  ranker: ArrayLike<number>,
  refusal: { readonly bias: number; readonly weights: ArrayLike<number> },
  threshold: number,
): RankingModel {
  const rankerWeights = Object.fromEntries(CANDIDATE_FEATURES.map((name, at) => [name, ranker[at] ?? 0])) as Record<
    CandidateFeature,
    number
  >;
  const refusalWeights = Object.fromEntries(REFUSAL_FEATURES.map((name, at) => [name, refusal.weights[at] ?? 0])) as Record<
    RefusalFeature,
    number
  >;
  return { ranker: rankerWeights, refusal: { bias: refusal.bias, weights: refusalWeights, threshold } };
}
