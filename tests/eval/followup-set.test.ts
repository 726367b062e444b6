import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFollowUpSet } from '../../eval/followup-set.js';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'followup-set-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const TOILET = '2019-09-18-gold-toilet-theft-arrests';
const answerable = (question: string, text: string) => ({ question, kind: 'answerable', gold: [{ article: TOILET, text }] });

async function load(chains: unknown): Promise<unknown> {
  const path = join(folder, `${Math.random().toString(36).slice(2)}.json`);
  await writeFile(path, JSON.stringify({ chains }));
  return loadFollowUpSet(path);
}

describe('loadFollowUpSet', () => {
  it('loads the chains in the repo, every one checked against the articles', async () => {
    const set = await loadFollowUpSet();
    expect(set.chains.length).toBeGreaterThan(200);
    expect(new Set(set.chains.map((chain) => chain.split))).toEqual(new Set(['dev', 'test']));
    expect(set.chains.every((chain) => chain.turns.length >= 2)).toBe(true);
  });

  it('loads a chain whose gold texts are in sentences of their articles', async () => {
    const chains = [
      {
        id: 'x-1',
        split: 'dev',
        cluster: TOILET,
        turns: [
          answerable('who stole the gold toilet?', 'arrested a second man'),
          { question: 'how did they get in?', kind: 'unanswerable', about: TOILET, gold: [] },
        ],
      },
    ];
    await expect(load(chains)).resolves.toMatchObject({ chains });
  });

  it('names the chain, the turn and the text when a gold text is in no sentence of its article', async () => {
    const chains = [
      {
        id: 'x-2',
        split: 'dev',
        cluster: TOILET,
        turns: [answerable('who?', 'arrested a second man'), answerable('when?', 'on a Tuesday')],
      },
    ];
    await expect(load(chains)).rejects.toThrow(`x-2 turn 2: "on a Tuesday" is in no sentence of ${TOILET}`);
  });

  it("refuses a chain whose split is not its cluster's, and one that starts with an unanswerable question", async () => {
    const turns = [answerable('who?', 'arrested a second man'), answerable('who else?', 'arrested a second man')];
    await expect(load([{ id: 'x-3', split: 'test', cluster: TOILET, turns }])).rejects.toThrow('x-3: split test is not its cluster');
    await expect(
      load([
        {
          id: 'x-4',
          split: 'dev',
          cluster: TOILET,
          turns: [{ question: 'why?', kind: 'unanswerable', about: TOILET, gold: [] }, turns[0]],
        },
      ]),
    ).rejects.toThrow("x-4 turn 1: a chain's first question must be answerable");
  });

  it('says where the file does not have the expected shape', async () => {
    await expect(load([{ id: 'x-5', split: 'dev', cluster: TOILET, turns: [answerable('who?', 'a')] }])).rejects.toThrow(
      /chains\.0\.turns/u,
    );
  });
});
