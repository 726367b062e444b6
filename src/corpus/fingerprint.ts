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
    .filter((path) => !relative(dir, path).split(/[\\/]/u).some((part) => part.startsWith('.')))
    .sort();
  const hash = createHash('sha256');
  for (const file of files) {
    const content = await readFile(file);
    hash.update(`${relative(dir, file)}\0${content.length}\0`).update(content);
  }
  return hash.digest('hex');
}
