/** Retrieval quality over a set of questions, each answered at a rank (1-based) or not at all. */
export interface Quality {
  readonly questions: number;
  /** Share answered correctly at rank 1. */
  readonly precisionAt1: number;
  /** Mean of 1/rank (0 when not answered in the list). */
  readonly meanReciprocalRank: number;
  /** Share answered correctly within the first three. */
  readonly recallAt3: number;
  /** Share for which the engine returned nothing at all. */
  readonly answeredWithNothing: number;
}

export interface RankedOutcome {
  /** 1-based rank of the first correct passage, or null. */
  readonly rank: number | null;
  /** The engine returned no passage. */
  readonly empty: boolean;
}

/** The rank of the first returned sentence that `isCorrect` accepts, or null. */
export function rankOfFirstCorrect<T>(results: readonly T[], isCorrect: (result: T) => boolean): number | null {
  const index = results.findIndex(isCorrect);
  return index === -1 ? null : index + 1;
}

export function summarise(outcomes: readonly RankedOutcome[]): Quality {
  const count = outcomes.length;
  const share = (predicate: (outcome: RankedOutcome) => boolean) => (count === 0 ? 0 : outcomes.filter(predicate).length / count);
  return {
    questions: count,
    precisionAt1: share((outcome) => outcome.rank === 1),
    meanReciprocalRank:
      count === 0 ? 0 : outcomes.reduce((sum, outcome) => sum + (outcome.rank === null ? 0 : 1 / outcome.rank), 0) / count,
    recallAt3: share((outcome) => outcome.rank !== null && outcome.rank <= 3),
    answeredWithNothing: share((outcome) => outcome.empty),
  };
}

/** Mean of each figure over several sets (per-article averages weight every article alike). */
export function macroAverage(qualities: readonly Quality[]): Quality {
  const mean = (pick: (quality: Quality) => number) =>
    qualities.reduce((sum, quality) => sum + pick(quality), 0) / Math.max(1, qualities.length);
  return {
    questions: qualities.reduce((sum, quality) => sum + quality.questions, 0),
    precisionAt1: mean((quality) => quality.precisionAt1),
    meanReciprocalRank: mean((quality) => quality.meanReciprocalRank),
    recallAt3: mean((quality) => quality.recallAt3),
    answeredWithNothing: mean((quality) => quality.answeredWithNothing),
  };
}
