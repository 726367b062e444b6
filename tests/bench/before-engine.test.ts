import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { beforeCheckout } from '../../bench/before-checkout.js';
import { answerTexts } from '../../bench/engines/before.js';
import { parseOptions } from '../../bench/options.js';

const answer = (text: string) => ({ text, passage: text, score: 1 });

describe('answerTexts', () => {
  it('reads the answers of an engine whose ask returns them as a list (as at 1a10535)', () => {
    expect(answerTexts([answer('First.'), answer('Second.')])).toEqual(['First.', 'Second.']);
  });

  it('reads the answers of an engine whose ask returns an answer set (as now)', () => {
    expect(answerTexts({ answers: [answer('Only.')], confidence: 'high', probability: 0.9 })).toEqual(['Only.']);
  });

  it('refuses what is neither, rather than count it as no answer', () => {
    expect(() => answerTexts({ hits: [] })).toThrow(/neither answers nor an answer set/u);
    expect(() => answerTexts([{ passage: 'no text' }])).toThrow(/no text/u);
  });
});

describe('bench options for the engine before', () => {
  it('adds the engine before to the run when --before is given', () => {
    const options = parseOptions(['--quick', '--before', '1a10535', '--engines', 'ours,ours-meaning']);
    expect(options).toMatchObject({ before: '1a10535', engines: ['before', 'ours', 'ours-meaning'] });
  });

  it('refuses the engine before without --before, saying what to give', () => {
    expect(() => parseOptions(['--engines', 'before,ours'])).toThrow(/needs --before COMMIT or --before FOLDER/u);
  });

  it('leaves the engine before and the model out of a run that does not ask for them', () => {
    const options = parseOptions(['--quick']);
    expect(options).not.toBe('help');
    if (options === 'help') return;
    expect(options.engines).toEqual(['ours', 'minisearch', 'flexsearch', 'orama', 'lunr']);
  });
});

describe('beforeCheckout', () => {
  const made: string[] = [];
  afterAll(async () => {
    await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
  });
  const folder = async (files: readonly string[]) => {
    const dir = await mkdtemp(join(tmpdir(), 'before-checkout-'));
    made.push(dir);
    for (const file of files) {
      await mkdir(join(dir, file, '..'), { recursive: true });
      await writeFile(join(dir, file), '');
    }
    return dir;
  };

  it('takes a folder holding a checkout with its node_modules as it is', async () => {
    const dir = await folder(['src/search/engine.ts', 'node_modules/.keep']);
    expect(beforeCheckout(dir, process.cwd()).dir).toBe(dir);
  });

  it('says how to link node_modules into a checkout that has none', async () => {
    const dir = await folder(['src/search/engine.ts']);
    expect(() => beforeCheckout(dir, process.cwd())).toThrow(/ln -s .*node_modules/u);
  });

  it('links the packages again into a commit exported by a checkout since removed', async () => {
    const { dir } = beforeCheckout('1a10535', process.cwd());
    const link = join(dir, 'node_modules');
    await rm(link, { force: true });
    await symlink(join(tmpdir(), 'a-checkout-since-removed', 'node_modules'), link, 'dir');
    expect(existsSync(link)).toBe(false);
    expect(beforeCheckout('1a10535', process.cwd()).dir).toBe(dir);
    expect(existsSync(join(link, 'minisearch'))).toBe(true);
  });

  it('refuses a name that is neither a folder nor a commit', () => {
    expect(() => beforeCheckout('no-such-commit-or-folder', process.cwd())).toThrow(/neither a folder nor a commit/u);
  });
});
