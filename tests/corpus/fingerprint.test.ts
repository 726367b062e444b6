/** The corpus fingerprint tells a saved index whether it still describes exactly what loading the folder reads. */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { corpusFingerprint } from '../../src/corpus/fingerprint.js';
import { buildSnapshot, loadEngine } from '../../src/search/load-engine.js';

let parent: string;
let corpus: string;
beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), 'fingerprint-'));
  corpus = join(parent, 'corpus');
  await mkdir(join(parent, 'elsewhere'), { recursive: true });
  await mkdir(corpus);
  await writeFile(join(corpus, 'local.md'), '---\ntitle: Local\n---\n\nThe ferry left the harbour at dawn.\n');
});
afterEach(async () => {
  await rm(parent, { recursive: true, force: true });
});

describe('corpusFingerprint', () => {
  it('changes when the file a linked article points to changes, as the loader reads through the link', async () => {
    const target = join(parent, 'elsewhere', 'zeppelin.md');
    await writeFile(target, '---\ntitle: Zeppelin\n---\n\nThe zeppelin landed in Lisbon at noon.\n');
    await symlink(target, join(corpus, 'zeppelin.md'));
    const before = await corpusFingerprint(corpus);
    await writeFile(target, '---\ntitle: Zeppelin\n---\n\nThe zeppelin landed in Porto at dusk.\n');
    expect(await corpusFingerprint(corpus)).not.toBe(before);
  });

  it('changes when the alias file changes, and not for files the loader does not read', async () => {
    const before = await corpusFingerprint(corpus);
    await mkdir(join(corpus, '_drafts'));
    await writeFile(join(corpus, '_drafts', 'draft.md'), 'Not an article yet.\n');
    await writeFile(join(corpus, '.notes'), 'Not an article.\n');
    expect(await corpusFingerprint(corpus)).toBe(before);
    await writeFile(join(corpus, '_aliases.txt'), 'Ferry, boat\n');
    expect(await corpusFingerprint(corpus)).not.toBe(before);
  });
});

describe('a snapshot over a linked article', () => {
  it('is not used once the linked file changed: the answer comes from the new text', async () => {
    const target = join(parent, 'elsewhere', 'zeppelin.md');
    await writeFile(target, '---\ntitle: Zeppelin\n---\n\nThe zeppelin landed in Lisbon at noon.\n');
    await symlink(target, join(corpus, 'zeppelin.md'));
    await buildSnapshot(corpus);
    expect((await loadEngine(corpus)).from).toBe('snapshot');

    await writeFile(target, '---\ntitle: Zeppelin\n---\n\nThe zeppelin landed in Porto at dusk.\n');
    const loaded = await loadEngine(corpus);
    expect(loaded.from).toBe('files');
    expect((await loaded.engine.ask('where did the zeppelin land?')).answers[0]?.text).toBe('The zeppelin landed in Porto at dusk.');
  });
});
