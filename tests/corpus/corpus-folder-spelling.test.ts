/**
 * CORPUS_DIR and `--corpus` as people write them: `corpus`, `./corpus`, `corpus/`, an absolute
 * path, a link to the folder. The rules on names (`.` and `_` mean "not an article") apply to
 * the path inside the folder, however the folder itself was spelled.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusFingerprint } from '../../src/corpus/fingerprint.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';

const ARTICLE = (title: string) => `---\ntitle: ${title}\n---\n\nThe ${title} story has one sentence.\n`;

const FILES: Record<string, string> = {
  'ab.md': ARTICLE('two letter'),
  'a.md': ARTICLE('one letter'),
  'sub/nested.txt': 'A nested plain text article.\n',
  '_drafts/secret.md': ARTICLE('draft'),
  'sub/_private.md': ARTICLE('private'),
  '.hidden/x.md': ARTICLE('hidden'),
  'sub/.also-hidden.md': ARTICLE('also hidden'),
};

let parent: string;
let previousCwd: string;
beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), 'corpus-spelling-'));
  for (const [name, text] of Object.entries(FILES)) {
    await mkdir(dirname(join(parent, 'corpus', name)), { recursive: true });
    await writeFile(join(parent, 'corpus', name), text);
  }
  await symlink(join(parent, 'corpus'), join(parent, 'linked-corpus'));
  // Relative spellings are relative to the working directory, as they are for `npm start`.
  previousCwd = process.cwd();
  process.chdir(parent);
});
afterAll(async () => {
  process.chdir(previousCwd);
  await rm(parent, { recursive: true, force: true });
});

/** How people write the folder; `<absolute>` stands for its absolute path, known once the test runs. */
const SPELLINGS = ['corpus', './corpus', 'corpus/', './corpus/', '<absolute>', '<absolute>/', 'linked-corpus', 'linked-corpus/'];
const spelled = (spelling: string): string => spelling.replace('<absolute>', join(parent, 'corpus'));

describe('a corpus folder written any way', () => {
  it.each(SPELLINGS)('%s: loads every article (ab.md too) and nothing under a `_` or `.` name', async (spelling) => {
    const corpus = await loadCorpus(spelled(spelling));
    expect(corpus.problems).toEqual([]);
    expect(corpus.articles.map((article) => article.id).sort()).toEqual(['a', 'ab', 'nested']);
  });

  it('gives the same fingerprint for every spelling of the same folder', async () => {
    const fingerprints = new Set<string>();
    for (const spelling of SPELLINGS) fingerprints.add(await corpusFingerprint(spelled(spelling)));
    expect(fingerprints.size).toBe(1);
  });
});
