import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_DEFAULTS, loadConfig } from '../../src/config.js';
import { corpusFolder } from '../../src/cli/corpus-folder.js';
import { runNpmScript } from './support/npm-script.js';

const ROCKETS = '---\ntitle: Rocket launch\nurl: https://example.com/rockets\n---\n\nThe rocket launch was delayed by strong winds.\n';
const HARVEST = '---\ntitle: Harvest\n---\n\nThe apple harvest in Normandy doubled this year because of a wet spring.\n';

let fromEnvironment: string;
let fromFlag: string;
beforeAll(async () => {
  fromEnvironment = await mkdtemp(join(tmpdir(), 'corpus-env-'));
  fromFlag = await mkdtemp(join(tmpdir(), 'corpus-flag-'));
  await writeFile(join(fromEnvironment, 'rockets.md'), ROCKETS);
  await writeFile(join(fromFlag, 'harvest.md'), HARVEST);
});
afterAll(async () => {
  await rm(fromEnvironment, { recursive: true, force: true });
  await rm(fromFlag, { recursive: true, force: true });
});

interface AskedJson {
  readonly answers: readonly { readonly text: string }[];
}

describe('the corpus folder every command works on', () => {
  it('is --corpus, else CORPUS_DIR, else corpus/', () => {
    const config = (env: Record<string, string>) => loadConfig(env);
    expect(corpusFolder('given', config({ CORPUS_DIR: 'set' }))).toBe('given');
    expect(corpusFolder(undefined, config({ CORPUS_DIR: 'set' }))).toBe('set');
    expect(corpusFolder(undefined, config({}))).toBe(CONFIG_DEFAULTS.corpusDir);
  });

  it('npm run ask answers from the folder CORPUS_DIR names, as npm run add writes into it', async () => {
    const run = await runNpmScript('ask', ['--json', 'Why was the rocket launch delayed?'], { env: { CORPUS_DIR: fromEnvironment } });
    // Nothing on standard error but, on a machine whose vector cache lacks them, the progress of computing its vectors.
    expect(
      run.stderr.split('\n').filter((line) => line !== '' && !/^ask: comput(?:ing sentence vectors|ed \d+ sentence vectors) /u.test(line)),
    ).toEqual([]);
    expect(run.code).toBe(0);
    const asked = JSON.parse(run.stdout) as AskedJson;
    expect(asked.answers[0]?.text).toBe('The rocket launch was delayed by strong winds.');
  }, 30_000);

  it('npm run ask takes --corpus over CORPUS_DIR', async () => {
    const run = await runNpmScript('ask', ['--corpus', fromFlag, '--json', 'Why did the apple harvest double?'], {
      env: { CORPUS_DIR: fromEnvironment },
    });
    expect(run.code).toBe(0);
    const asked = JSON.parse(run.stdout) as AskedJson;
    expect(asked.answers[0]?.text).toContain('apple harvest in Normandy doubled');
  }, 30_000);

  it('npm run add writes into the folder CORPUS_DIR names when no --corpus is given', async () => {
    const source = join(fromFlag, '..', `${fromFlag.split('/').pop() ?? 'x'}-story.md`);
    await writeFile(source, '---\ntitle: Ferry strike ends\n---\n\nThe ferry service resumed on Thursday after a two-week strike.\n');
    try {
      const run = await runNpmScript('add', [source], { env: { CORPUS_DIR: fromEnvironment, FETCH_ALLOW_LOOPBACK: '' } });
      expect(run.code).toBe(0);
      expect((await readdir(fromEnvironment)).filter((name) => name.endsWith('.md')).sort()).toEqual([
        'ferry-strike-ends.md',
        'rockets.md',
      ]);
    } finally {
      await rm(source, { force: true });
    }
  }, 30_000);
});
