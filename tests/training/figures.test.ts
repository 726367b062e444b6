import { describe, expect, it } from 'vitest';
import { RANKING_FEATURES } from '../../src/search/model/features.js';
import { ablationReport } from '../../training/ablation.js';
import type { Asked } from '../../training/examples.js';
import { chooseThresholds, confidenceOf, type Thresholds } from '../../training/figures.js';
import type { Outcome } from '../../training/fit-model.js';

type Kind = Asked['kind'];

/** A set of questions with the outcomes a model gave them: only what the threshold choice reads. */
function setOf(questions: ReadonlyArray<{ kind: Kind; probability: number; onTopic: number; rank?: number }>) {
  const entries: Asked[] = [];
  const outcomes = new Map<Asked, Outcome>();
  questions.forEach((question, at) => {
    const entry = { kind: question.kind, questionId: String(at), scope: 'pooled' } as unknown as Asked;
    entries.push(entry);
    outcomes.set(entry, {
      top: {} as Outcome['top'],
      rank: question.rank ?? (question.kind === 'answerable' ? 1 : null),
      rightArticle: question.kind === 'answerable',
      probability: question.probability,
      onTopic: question.onTopic,
    });
  });
  return { entries, outcomes };
}

const spread = (count: number, from: number, to: number) =>
  Array.from({ length: count }, (_, at) => from + ((to - from) * at) / (count - 1));

function refused(set: ReturnType<typeof setOf>, kind: Kind, thresholds: Thresholds): number {
  return set.entries.filter((entry) => entry.kind === kind && confidenceOf(set.outcomes.get(entry), thresholds) === 'none').length;
}

describe('the choice of thresholds', () => {
  // 40 answerable questions, likely answered and on topic; 10 off-topic ones that only the topic
  // rule tells apart (their answer probability is middling); 10 on-topic unanswerable ones with a low one.
  const news = setOf([
    ...spread(40, 0.2, 0.99).map((probability, at) => ({ kind: 'answerable' as const, probability, onTopic: 0.3 + at / 100 })),
    ...spread(10, 0.3, 0.5).map((probability) => ({ kind: 'off-topic' as const, probability, onTopic: 0.01 })),
    ...spread(10, 0.05, 0.15).map((probability) => ({ kind: 'unanswerable' as const, probability, onTopic: 0.4 })),
  ]);

  it('refuses every question to refuse that it can without refusing more answerable ones than allowed', () => {
    const thresholds = chooseThresholds([news], 0.05);
    expect(refused(news, 'answerable', thresholds)).toBeLessThanOrEqual(2);
    expect(refused(news, 'off-topic', thresholds)).toBe(10);
    expect(refused(news, 'unanswerable', thresholds)).toBe(10);
  });

  it('keeps within the allowance of every set, not of the sets together', () => {
    // Another set whose answerable questions all score low: its allowance (1 of 20) binds.
    const hard = setOf(spread(20, 0.06, 0.25).map((probability) => ({ kind: 'answerable' as const, probability, onTopic: 0.5 })));
    const thresholds = chooseThresholds([news, hard], 0.05);
    expect(refused(hard, 'answerable', thresholds)).toBeLessThanOrEqual(1);
    expect(refused(news, 'unanswerable', thresholds)).toBeLessThan(10);
  });

  it('puts "high" where it best tells the questions answered in the first three passages from the rest', () => {
    const ranked = setOf([
      ...spread(20, 0.6, 0.95).map((probability) => ({ kind: 'answerable' as const, probability, onTopic: 0.9, rank: 1 })),
      ...spread(20, 0.2, 0.45).map((probability) => ({ kind: 'answerable' as const, probability, onTopic: 0.9, rank: 7 })),
    ]);
    const { threshold } = chooseThresholds([ranked], 0.05);
    expect(threshold).toBeGreaterThan(0.45);
    expect(threshold).toBeLessThanOrEqual(0.6);
  });
});

describe('the ablation report', () => {
  it('gives, for every feature, each figure with it less the figure without it, row by row as it goes', () => {
    const measured = (precision: number) => ({
      crossValidated: { squadPerArticle: { precisionAt1: precision }, 'newsDev pooled': { precisionAt1: 0.7 } },
      outOfDomain: { 'news2Dev pooled': { precisionAt1: 0.4 } },
    });
    const [first] = RANKING_FEATURES;
    if (first === undefined) throw new Error('no ranking feature');
    const rows: string[] = [];
    const report = ablationReport(
      measured(0.75),
      (without) => measured(without.has(first.name) ? 0.7 : 0.75),
      (message) => rows.push(message),
    );
    expect(rows[0]).toBe(`ablation: | ${first.name} | +0.05 | 0 | – | – | – | 0 | – |`);
    expect(report).toContain(`| ${first.name} | +0.05 | 0 | – | – | – | 0 | – |`);
    expect(report).toContain('| (all, absolute) | 0.75 | 0.7 | – | – | – | 0.4 | – |');
    expect(rows.length).toBeGreaterThanOrEqual(RANKING_FEATURES.length);
  });
});
