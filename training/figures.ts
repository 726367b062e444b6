/**
 * What a model's outcomes on a set of examples come to, in the figures the README reports:
 * P@1 (answered, and right first), MRR and top 3 of the ranking, right article first, and how
 * each kind of question was answered (`high`), hedged (`low`) or refused (`none`).
 */
import type { Confidence } from '../src/search/types.js';
import type { Asked } from './examples.js';
import type { Outcome } from './fit-model.js';

export interface Thresholds {
  /** At or above: an answer (`high`). */
  readonly threshold: number;
  /** At or above, below `threshold`: the closest passages, hedged (`low`); below: nothing (`none`). */
  readonly lowThreshold: number;
}

export function confidenceOf(outcome: Outcome | undefined, thresholds: Thresholds): Confidence {
  if (outcome === undefined || outcome.top === undefined || outcome.probability < thresholds.lowThreshold) return 'none';
  return outcome.probability >= thresholds.threshold ? 'high' : 'low';
}

export type Figures = Record<string, number>;

/** The figures of some examples (one set and scope), given each one's outcome. */
export function figuresOf(entries: readonly Asked[], outcomes: ReadonlyMap<Asked, Outcome>, thresholds: Thresholds): Figures {
  const answerable = entries.filter((entry) => entry.kind === 'answerable');
  const share = (list: readonly Asked[], predicate: (entry: Asked, outcome: Outcome | undefined) => boolean) =>
    list.length === 0 ? 0 : round(list.filter((entry) => predicate(entry, outcomes.get(entry))).length / list.length);
  const confidence = (outcome: Outcome | undefined) => confidenceOf(outcome, thresholds);
  const figures: Figures = {
    answerable: answerable.length,
    precisionAt1: share(answerable, (_, outcome) => confidence(outcome) !== 'none' && outcome?.rank === 1),
    precisionAt1RankingOnly: share(answerable, (_, outcome) => outcome?.rank === 1),
    meanReciprocalRank:
      answerable.length === 0
        ? 0
        : round(
            answerable.reduce((sum, entry) => sum + 1 / (outcomes.get(entry)?.rank ?? Number.POSITIVE_INFINITY), 0) / answerable.length,
          ),
    top3RankingOnly: share(answerable, (_, outcome) => (outcome?.rank ?? 99) <= 3),
    rightArticleFirst: share(answerable, (_, outcome) => confidence(outcome) !== 'none' && outcome?.rightArticle === true),
    answerableRefused: share(answerable, (_, outcome) => confidence(outcome) === 'none'),
    answerableNotSure: share(answerable, (_, outcome) => confidence(outcome) === 'low'),
    correctAmongCandidates: share(answerable, (entry) => entry.variants.hybrid.correct.some(Boolean)),
  };
  for (const kind of ['unanswerable', 'off-topic'] as const) {
    const toRefuse = entries.filter((entry) => entry.kind === kind);
    if (toRefuse.length === 0) continue;
    figures[`${kind}Count`] = toRefuse.length;
    figures[`${kind}Refused`] = share(toRefuse, (_, outcome) => confidence(outcome) === 'none');
    figures[`${kind}NotConfident`] = share(toRefuse, (_, outcome) => confidence(outcome) !== 'high');
  }
  return figures;
}

/**
 * The thresholds, from dev outcomes of each set (pooled questions): `lowThreshold` the largest
 * that refuses at most `maxRefused` of the answerable questions of every set; `threshold` the one
 * at which `high` best tells apart the questions whose answer is on the first page (the first
 * three passages) from all others, every set counting alike.
 */
export function chooseThresholds(
  sets: ReadonlyArray<{ readonly entries: readonly Asked[]; readonly outcomes: ReadonlyMap<Asked, Outcome> }>,
  maxRefused: number,
): Thresholds {
  let lowThreshold = 0.5;
  for (const { entries, outcomes } of sets) {
    const probabilities = entries
      .filter((entry) => entry.kind === 'answerable')
      .map((entry) => outcomes.get(entry))
      .filter((outcome) => outcome?.top !== undefined)
      .map((outcome) => outcome?.probability ?? 0)
      .sort((a, b) => a - b);
    const answerable = entries.filter((entry) => entry.kind === 'answerable').length;
    // Questions with no candidate at all are refused whatever the threshold: they use up the allowance first.
    const allowed = Math.floor(answerable * maxRefused) - (answerable - probabilities.length);
    lowThreshold = Math.min(lowThreshold, allowed < 0 ? 0 : (probabilities[allowed] ?? 0.5));
  }
  const candidates = [...new Set(sets.flatMap(({ entries, outcomes }) => entries.map((entry) => outcomes.get(entry)?.probability ?? 0)))]
    .filter((probability) => probability >= lowThreshold)
    .sort((a, b) => a - b);
  let best = { threshold: Math.max(lowThreshold, 0.5), agreement: -1 };
  for (const threshold of [lowThreshold, ...candidates]) {
    const agreement =
      sets.reduce((sum, { entries, outcomes }) => {
        const agrees = entries.filter((entry) => {
          const outcome = outcomes.get(entry);
          // Right: the answer is among the passages of the first page (three).
          const right = entry.kind === 'answerable' && (outcome?.rank ?? Number.POSITIVE_INFINITY) <= 3;
          const high = outcome?.top !== undefined && outcome.probability >= threshold;
          return right === high;
        }).length;
        return sum + agrees / Math.max(1, entries.length);
      }, 0) / Math.max(1, sets.length);
    if (agreement > best.agreement) best = { threshold, agreement };
  }
  // Rounded down: a threshold rounded up would refuse the question it was chosen to keep.
  return { threshold: roundDown(best.threshold), lowThreshold: roundDown(lowThreshold) };
}

/** To four decimals, as `model.json` keeps weights and figures. */
export function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

function roundDown(value: number): number {
  return Math.floor(value * 10_000) / 10_000;
}
