/**
 * Cross-validation folds: whole groups (a SQuAD article, a story cluster) go to one fold, so that
 * a question is never scored by a model that learned from its article's or its story's others.
 */
export const FOLDS = 6;

/** What is folded: examples in groups. */
interface Grouped {
  readonly group: string;
}

/**
 * Each example's fold: its group's position among the sorted groups, modulo `folds`. Groups are
 * taken across sets, so that sets sharing articles (and so groups) put them in the same fold.
 */
export function foldsOf<Example extends Grouped>(asked: readonly Example[], folds = FOLDS): Map<Example, number> {
  const positions = new Map([...new Set(asked.map((entry) => entry.group))].sort().map((group, position) => [group, position % folds]));
  return new Map(asked.map((entry) => [entry, positions.get(entry.group) ?? 0]));
}

/** For every example, what `score` says of it under the model fitted on the other folds. */
export function outOfFold<Example extends Grouped, Model, Result>(
  asked: readonly Example[],
  train: (training: readonly Example[]) => Model,
  score: (entry: Example, model: Model) => Result,
  folds = FOLDS,
): Map<Example, Result> {
  const foldOf = foldsOf(asked, folds);
  const results = new Map<Example, Result>();
  for (let fold = 0; fold < folds; fold += 1) {
    const model = train(asked.filter((entry) => foldOf.get(entry) !== fold));
    for (const entry of asked) if (foldOf.get(entry) === fold) results.set(entry, score(entry, model));
  }
  return results;
}
