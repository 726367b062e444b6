import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/**
 * A digest of every file of a corpus folder (paths and contents), so that a saved index can
 * tell whether it still describes the folder. Names starting with `.` are left out: they are
 * not corpus files (the index snapshot itself is one).
 */
export async function corpusFingerprint(dir: string): Promise<string> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter(
      (path) =>
        !relative(dir, path)
          .split(/[\\/]/u)
          .some((part) => part.startsWith('.')),
    )
    .sort();
  // Each file's own digest is read in parallel (a corpus is thousands of small files), then
  // combined in path order so the result does not depend on which read finished first.
  const digests = await mapInBatches(files, FILES_READ_AT_ONCE, async (file) =>
    createHash('sha256')
      .update(await readFile(file))
      .digest('hex'),
  );
  const hash = createHash('sha256');
  files.forEach((file, index) => {
    hash.update(`${relative(dir, file)}\0${digests[index] ?? ''}\n`);
  });
  return hash.digest('hex');
}

const FILES_READ_AT_ONCE = 64;

async function mapInBatches<T, R>(items: readonly T[], batchSize: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += batchSize)
    results.push(...(await Promise.all(items.slice(start, start + batchSize).map(map))));
  return results;
}
