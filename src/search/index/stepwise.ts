/**
 * Work written as a generator that yields between slices, so that the same code can run in one
 * go or let the event loop run in between (a bot keeps answering while it re-indexes).
 */
export type Stepwise<T> = Generator<void, T>;

/** Runs every step at once. */
export function runAtOnce<T>(steps: Stepwise<T>): T {
  let step = steps.next();
  while (step.done !== true) step = steps.next();
  return step.value;
}

/** Runs the steps, letting the event loop run (setImmediate) between each two. */
export async function runInSlices<T>(steps: Stepwise<T>): Promise<T> {
  let step = steps.next();
  while (step.done !== true) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    step = steps.next();
  }
  return step.value;
}
