/**
 * Very many article files, and a limit on open files: reading is bounded, so every article loads
 * under the common limits; and a load that still met I/O errors is never saved as a snapshot,
 * which would make later runs lack those articles.
 */
import { mkdir, mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SNAPSHOT_FILE } from '../../src/search/index/snapshot.js';
import { loadEngine } from '../../src/search/load-engine.js';
import { runCli } from './support/run-cli.js';

const ARTICLES = 1_000;
/** Well under the files, over what Node itself needs to start. */
const OPEN_FILES_LIMIT = 256;

let parent: string;
beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), 'many-files-'));
});
afterAll(async () => {
  await rm(parent, { recursive: true, force: true });
});

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

describe(`build-index over ${ARTICLES.toLocaleString('en')} articles with at most ${OPEN_FILES_LIMIT} files open`, () => {
  it('reads every article and saves a snapshot that holds them all', async () => {
    const corpus = join(parent, 'many');
    await mkdir(corpus);
    for (let index = 0; index < ARTICLES; index += 1) {
      const id = String(index).padStart(4, '0');
      await writeFile(join(corpus, `note-${id}.md`), `---\ntitle: Note ${id}\n---\n\nLighthouse number ${id} was repainted in spring.\n`);
    }
    const run = await runCli('build-index', ['--corpus', corpus], { openFilesLimit: OPEN_FILES_LIMIT, timeoutMs: 120_000 });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Indexed ${ARTICLES} articles`);

    const loaded = await loadEngine(corpus);
    expect(loaded.from).toBe('snapshot');
    expect(loaded.engine.articles).toHaveLength(ARTICLES);
    expect(loaded.problems).toEqual([]);
  }, 180_000);
});

describe('a load with a file that could not be read', () => {
  it('is indexed but never saved as a snapshot, and build-index says so and exits 1', async () => {
    const corpus = join(parent, 'with-a-bad-link');
    await mkdir(corpus);
    await writeFile(join(corpus, 'ferry.md'), '---\ntitle: Ferry\n---\n\nThe ferry left the harbour at dawn.\n');
    // A link to itself: reading it fails (ELOOP) whoever runs the test, root included.
    await symlink('loop.md', join(corpus, 'loop.md'));
    const run = await runCli('build-index', ['--corpus', corpus]);
    expect(run.stderr).toContain(`error: ${join(corpus, 'loop.md')}: cannot be read (it is a link that leads back to itself)`);
    expect(run.stderr).toContain('the index snapshot was not saved: 1 file could not be read');
    expect(run.code).toBe(1);
    expect(await exists(join(corpus, SNAPSHOT_FILE))).toBe(false);
  }, 60_000);
});
