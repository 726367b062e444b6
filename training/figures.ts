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
  /** Below this probability of being about the articles at all: nothing (`none`). */
  readonly topicThreshold: number;
}

export function confidenceOf(outcome: Outcome | undefined, thresholds: Thresholds): Confidence {
  if (outcome === undefined || outcome.top === undefined) return 'none';
  if (outcome.onTopic < thresholds.topicThreshold || outcome.probability < thresholds.lowThreshold) return 'none';
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
 * The thresholds, from dev outcomes of each set (pooled questions). `topicThreshold` and
 * `lowThreshold` together refuse at most `maxRefused` of the answerable questions of every set,
 * and of the pairs that do, the one that refuses most of the questions to refuse; `threshold` is
 * the one at which `high` best tells apart the questions whose answer is on the first page (the
 * first three passages) from all others, every set counting alike.
 */
export function chooseThresholds(
  sets: ReadonlyArray<{ readonly entries: readonly Asked[]; readonly outcomes: ReadonlyMap<Asked, Outcome> }>,
  maxRefused: number,
): Thresholds {
  const answerableOf = ({ entries, outcomes }: (typeof sets)[number]) =>
    entries.filter((entry) => entry.kind === 'answerable').map((entry) => outcomes.get(entry));
  // The largest value of `score` under which at most `share` of every set's answerable questions fall, besides those `already` refused.
  const largestKeeping = (share: number, score: (outcome: Outcome) => number, already: (outcome: Outcome) => boolean) =>
    sets.reduce((lowest, set) => {
      const answerable = answerableOf(set);
      const open = answerable.filter((outcome) => outcome?.top !== undefined && !already(outcome));
      const scores = open.map((outcome) => (outcome === undefined ? 0 : score(outcome))).sort((a, b) => a - b);
      const allowed = Math.floor(answerable.length * share) - (answerable.length - open.length);
      return Math.min(lowest, allowed < 0 ? 0 : (scores[allowed] ?? 0.5));
    }, 0.5);
  // The two refusal thresholds together: of every pair that keeps within the allowance, the one that
  // refuses the most of the questions to refuse (off-topic and on-topic unanswerable alike, every set alike).
  const refusedShare = (topicThreshold: number, lowThreshold: number) =>
    sets.reduce((sum, { entries, outcomes }) => {
      const kinds = (['unanswerable', 'off-topic'] as const)
        .map((kind) => entries.filter((entry) => entry.kind === kind))
        .filter((list) => list.length > 0);
      const refused = kinds.map(
        (list) =>
          list.filter((entry) => confidenceOf(outcomes.get(entry), { threshold: 1, lowThreshold, topicThreshold }) === 'none').length /
          list.length,
      );
      return sum + refused.reduce((total, share) => total + share, 0) / Math.max(1, refused.length);
    }, 0);
  const topicCandidates = [
    0,
    ...new Set(sets.flatMap((set) => answerableOf(set).map((outcome) => outcome?.onTopic ?? 0)).filter((value) => value <= 0.5)),
  ].sort((a, b) => a - b);
  let refusal = { topicThreshold: 0, lowThreshold: 0, refused: -1 };
  for (const candidate of topicCandidates) {
    const topicThreshold = roundDown(candidate);
    const within = sets.every((set) => {
      const answerable = answerableOf(set);
      const refused = answerable.filter((outcome) => outcome?.top === undefined || outcome.onTopic < topicThreshold).length;
      return refused <= Math.floor(answerable.length * maxRefused);
    });
    if (!within) break;
    const lowThreshold = roundDown(
      largestKeeping(
        maxRefused,
        (outcome) => outcome.probability,
        (outcome) => outcome.onTopic < topicThreshold,
      ),
    );
    const refused = refusedShare(topicThreshold, lowThreshold);
    if (refused > refusal.refused) refusal = { topicThreshold, lowThreshold, refused };
  }
  const { topicThreshold, lowThreshold } = refusal;
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
          const high = confidenceOf(outcome, { threshold, lowThreshold, topicThreshold }) === 'high';
          return right === high;
        }).length;
        return sum + agrees / Math.max(1, entries.length);
      }, 0) / Math.max(1, sets.length);
    if (agreement > best.agreement) best = { threshold, agreement };
  }
  return { threshold: roundDown(best.threshold), lowThreshold, topicThreshold };
}

/** To four decimals, as `model.json` keeps weights and figures. */
export function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

function roundDown(value: number): number {
  return Math.floor(value * 10_000) / 10_000;
}
