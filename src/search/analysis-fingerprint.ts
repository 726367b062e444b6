import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
let cached: string | undefined;

/**
 * A digest of everything that decides what an index holds: the code and data of `src/corpus`
 * and `src/search`, sub-folders included (splitting, analysis, aliases, stop words) and the versions of MiniSearch
 * and the stemmer. Any change to them makes a saved index out of date; no version number to
 * forget to bump.
 */
export function analysisFingerprint(): string {
  if (cached !== undefined) return cached;
  const hash = createHash('sha256');
  const source = fileURLToPath(new URL('..', import.meta.url));
  for (const folder of ['corpus', 'search']) {
    const dir = join(source, folder);
    const names = readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
    for (const name of names) {
      if (!/\.(?:ts|js|txt|json)$/u.test(name)) continue;
      hash.update(`${folder}/${name}\0`).update(readFileSync(join(dir, name)));
    }
  }
  for (const name of ['minisearch', 'stemmer']) hash.update(`${name}@${packageVersion(name)}\0`);
  cached = hash.digest('hex');
  return cached;
}

/** The installed version of a package, read from the package.json above its entry point. */
function packageVersion(name: string): string {
  let dir = dirname(require.resolve(name));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === name && typeof manifest.version === 'string') return manifest.version;
    } catch {
      // no package.json at this level: keep climbing
    }
    const parent = dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}
