/**
 * How many corpus files are open at once. Opening them all together runs out of file
 * descriptors on a large corpus (the common limit is 1,024 per process); this many keeps the
 * disk busy with room to spare under any limit Node itself can start with.
 */
export const FILES_READ_AT_ONCE = 64;

/**
 * `map` over `items` with at most `limit` calls running at a time; results in the order of
 * `items`, whichever call finishes first.
 */
export async function mapConcurrently<T, R>(items: readonly T[], limit: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  // One iterator shared by the workers: each takes the next item as soon as it is free.
  const queue = items.entries();
  const worker = async (): Promise<void> => {
    for (const [index, item] of queue) results[index] = await map(item);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
