import { CANDIDATE_FEATURES, type Candidate, type CandidateFeature } from './model/features.js';

/** How much each candidate feature adds to a candidate's score. */
export type RankingWeights = Readonly<Record<CandidateFeature, number>>;

export interface RankedCandidate extends Candidate {
  readonly score: number;
}

/** A candidate's score: the weighted sum of its features. */
export function scoreOf(features: Float64Array, weights: RankingWeights): number {
  let score = 0;
  CANDIDATE_FEATURES.forEach((name, at) => {
    score += weights[name] * (features[at] ?? 0);
  });
  return score;
}

/** Candidates ordered by score, best first (ties: earlier sentence first). */
export function rankCandidates(candidates: readonly Candidate[], weights: RankingWeights): RankedCandidate[] {
  return candidates
    .map((candidate) => ({ ...candidate, score: scoreOf(candidate.features, weights) }))
    .sort((a, b) => b.score - a.score || a.id - b.id);
}
