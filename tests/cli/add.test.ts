import { copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { runNpmScript, type ScriptRun } from './support/npm-script.js';
import { PAGES, startFixtureServer, type FixtureServer } from '../ingest/support/fixture-server.js';

/** `npm run add` / `npm run ask` with CORPUS_DIR and FETCH_ALLOW_LOOPBACK cleared unless given. */
function npmRun(script: string, args: readonly string[], env: Record<string, string> = {}): Promise<ScriptRun> {
  return runNpmScript(script, args, { env: { CORPUS_DIR: '', FETCH_ALLOW_LOOPBACK: '', VECTORS: 'off', ...env } });
}

let server: FixtureServer;
let dir: string;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  dir = await mkdtemp(join(tmpdir(), 'add-cli-'));
  await copyFile('corpus/2025-07-03-trump-putin-call.md', join(dir, '2025-07-03-trump-putin-call.md'));
});

describe('npm run add', () => {
  it('writes a corpus file from a page whose title, date and url come from the page, and whose sentences answer a question about it', async () => {
    const run = await npmRun('add', ['--corpus', dir, server.url(PAGES.schreckengost)], { FETCH_ALLOW_LOOPBACK: 'true' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const file = join(dir, '2008-01-27-viktor-schreckengost-dies-at-101.md');
    expect(run.stdout).toContain(
      `Added ${file}: "Viktor Schreckengost dies at 101" (2008-01-27), 6 sentences, from https://en.wikinews.org/wiki/Viktor_Schreckengost_dies_at_101`,
    );
    const text = await readFile(file, 'utf8');
    expect(text).toContain('title: Viktor Schreckengost dies at 101\n');
    expect(text).toContain("date: '2008-01-27'\n");
    expect(text).toContain('url: https://en.wikinews.org/wiki/Viktor_Schreckengost_dies_at_101\n');

    const asked = await npmRun('ask', ['--corpus', dir, '--json', 'Where was Viktor Schreckengost born?']);
    const answer = JSON.parse(asked.stdout) as { answers: { text: string; source: { title: string; url: string; date: string } }[] };
    expect(answer.answers[0]?.text).toBe('Schreckengost was born on June 26, 1906 in Sebring, Ohio, United States.');
    expect(answer.answers[0]?.source).toMatchObject({
      title: 'Viktor Schreckengost dies at 101',
      url: 'https://en.wikinews.org/wiki/Viktor_Schreckengost_dies_at_101',
      date: '2008-01-27',
    });
  });

  it('refuses a loopback page unless FETCH_ALLOW_LOOPBACK=true, exits 1 and writes nothing', async () => {
    const run = await npmRun('add', ['--corpus', dir, server.url(PAGES.barcelona)]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `Refused ${server.url(PAGES.barcelona)}: ${server.url(PAGES.barcelona)} is not fetched: 127.0.0.1 is a loopback address`,
    );
    expect(await readdir(dir)).toEqual(['2025-07-03-trump-putin-call.md']);
  });

  it('adds a feed’s articles, reports each input, and skips what is already there', async () => {
    const env = { FETCH_ALLOW_LOOPBACK: 'true' };
    const first = await npmRun('add', ['--corpus', dir, server.url('/feeds/rss.xml'), server.url('/to-private')], env);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('2 added, 0 already known, 1 refused');
    expect(first.stderr).toContain('redirects to http://10.0.0.1/admin, which is not fetched: 10.0.0.1 is a private network address');
    const second = await npmRun('add', ['--corpus', dir, server.url(PAGES.barcelona)], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Skipped');
    expect(second.stdout).toContain('same address');
    expect((await loadCorpus(dir)).articles).toHaveLength(3);
  });

  it('explains its usage when given nothing to add', async () => {
    const run = await npmRun('add', []);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('usage: npm run add --');
  });
});
