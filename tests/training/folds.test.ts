import { describe, expect, it } from 'vitest';
import { foldsOf, outOfFold } from '../../training/folds.js';

const entry = (set: string, group: string, questionId: string) => ({ set, group, questionId });

describe('cross-validation folds', () => {
  const asked = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].flatMap((group) => [
    entry('news', group, `${group}1`),
    entry('news', group, `${group}2`),
  ]);

  it('put every question of a group (an article, a story) in the same fold, whatever the order', () => {
    const folds = foldsOf(asked, 3);
    const reversed = foldsOf([...asked].reverse(), 3);
    for (const question of asked) {
      expect(folds.get(question)).toBe(folds.get(asked.find((other) => other.group === question.group && other !== question) ?? question));
      expect(reversed.get(question)).toBe(folds.get(question));
    }
    expect(new Set(folds.values())).toEqual(new Set([0, 1, 2]));
  });

  it('score every question with a model fitted without its fold', () => {
    const folds = foldsOf(asked, 3);
    const scored = outOfFold(
      asked,
      (training) => new Set(training.map((question) => question.group)),
      (question, groupsSeen) => groupsSeen.has(question.group),
      3,
    );
    expect(scored.size).toBe(asked.length);
    expect([...scored.values()].every((seen) => seen === false)).toBe(true);
    expect(folds.size).toBe(asked.length);
  });
});
