import type { RankedCandidate } from '../rank.js';
import type { QuestionSummary } from './feature-context.js';
import type { CandidateFeature } from './features.js';

/** A question whose candidates are ranked, best first: what the refusal features read. */
export interface RankedQuestion {
  readonly question: QuestionSummary;
  /** The ranked candidates, best first; never empty. */
  readonly ranked: readonly [RankedCandidate, ...RankedCandidate[]];
  /** The best candidate's value of a ranking feature. */
  readonly topValue: (name: CandidateFeature) => number;
}
