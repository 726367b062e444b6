import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageVersion } from './package-version.js';

const require = createRequire(import.meta.url);
let cached: string | undefined;

/**
 * A digest of everything that decides what an index holds: the code and data of `src/corpus`
 * and `src/search`, sub-folders included (splitting, analysis, aliases, stop words) and the versions of MiniSearch
 * and the stemmer (and of yaml, which reads front matter). Any change to them makes a saved index out of date; no version number to
 * forget to bump.
 */
export function analysisFingerprint(): string {
  if (cached !== undefined) return cached;
  const hash = createHash('sha256');
  const source = fileURLToPath(new URL('../..', import.meta.url));
  for (const folder of ['corpus', 'search']) {
    const dir = join(source, folder);
    const names = readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
    for (const name of names) {
      if (!/\.(?:ts|js|txt|json)$/u.test(name)) continue;
      hash.update(`${folder}/${name}\0`).update(readFileSync(join(dir, name)));
    }
  }
  for (const name of ['minisearch', 'stemmer', 'yaml']) hash.update(`${name}@${packageVersion(require, name)}\0`);
  cached = hash.digest('hex');
  return cached;
}
