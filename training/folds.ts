/**
 * Cross-validation folds: whole groups (a SQuAD article, a story cluster) go to one fold, so that
 * a question is never scored by a model that learned from its article's or its story's others.
 */
export const FOLDS = 6;

/** What is folded: examples of a set, in groups. */
interface Grouped {
  readonly set: string;
  readonly group: string;
}

/** Each example's fold: its group's position among the sorted groups of its set, modulo `folds`. */
export function foldsOf<Example extends Grouped>(asked: readonly Example[], folds = FOLDS): Map<Example, number> {
  const groupsBySet = new Map<string, string[]>();
  for (const entry of asked) {
    const groups = groupsBySet.get(entry.set) ?? [];
    if (!groups.includes(entry.group)) groups.push(entry.group);
    groupsBySet.set(entry.set, groups);
  }
  const positions = new Map<string, number>();
  for (const [set, groups] of groupsBySet) {
    groups.sort().forEach((group, position) => {
      positions.set(`${set}\0${group}`, position % folds);
    });
  }
  return new Map(asked.map((entry) => [entry, positions.get(`${entry.set}\0${entry.group}`) ?? 0]));
}

/** For every example, what `score` says of it under the model fitted on the other folds. */
export function outOfFold<Example extends Grouped, Model, Result>(
  asked: readonly Example[],
  fit: (training: readonly Example[]) => Model,
  score: (entry: Example, model: Model) => Result,
  folds = FOLDS,
): Map<Example, Result> {
  const foldOf = foldsOf(asked, folds);
  const results = new Map<Example, Result>();
  for (let fold = 0; fold < folds; fold += 1) {
    const model = fit(asked.filter((entry) => foldOf.get(entry) !== fold));
    for (const entry of asked) if (foldOf.get(entry) === fold) results.set(entry, score(entry, model));
  }
  return results;
}
