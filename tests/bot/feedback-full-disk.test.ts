/**
 * Votes on a file system that fills up: each vote is in the file whole or not at all, however
 * the disk runs out, and once there is room again the next vote lands on a line of its own.
 * Needs a real full file system: a 64 KiB tmpfs, which only root may mount.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeedbackLog, type FeedbackEntry } from '../../src/bot/feedback-log.js';
import { mountTmpfs, whyNoTmpfs, type Tmpfs } from '../support/tmpfs.js';

const FILE_SYSTEM_BYTES = 64 * 1024;
/** What the filler leaves free: room for a dozen or so votes, so that one of them is cut short. */
const LEFT_FREE = 12 * 1024;

function vote(index: number): FeedbackEntry {
  return {
    time: new Date(1_750_000_000_000 + index * 1000).toISOString(),
    user: `${100_000_000_000_000_000 + index}`,
    guild: '200000000000000000',
    question: `question ${index}: ${'why did it happen that way? '.repeat(20)}`,
    article: 'trump-putin-call',
    paragraph: 3,
    sentence: 7,
    passage: `passage ${index}`,
    passages: [{ article: 'trump-putin-call', paragraph: 3, sentence: 7, passage: `passage ${index}` }],
    vote: 'up',
  };
}

async function parsedLines(file: string): Promise<unknown[]> {
  const text = await readFile(file, 'utf8');
  expect(text === '' || text.endsWith('\n'), 'the file ends with a whole line').toBe(true);
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line): unknown => JSON.parse(line));
}

describe.skipIf(whyNoTmpfs !== null)(`FeedbackLog on a full disk${whyNoTmpfs === null ? '' : ` (skipped: ${whyNoTmpfs})`}`, () => {
  let disk: Tmpfs;
  beforeEach(async () => {
    disk = await mountTmpfs(FILE_SYSTEM_BYTES);
  });
  afterEach(async () => {
    await disk.unmount();
  });

  it('writes each vote whole or not at all, and writes whole again once there is room', async () => {
    const filler = join(disk.dir, 'filler');
    await writeFile(filler, Buffer.alloc(FILE_SYSTEM_BYTES - LEFT_FREE));
    const file = join(disk.dir, 'data', 'feedback.jsonl');
    const log = new FeedbackLog(file);

    const saved: FeedbackEntry[] = [];
    let refused = 0;
    for (let index = 0; index < 40; index += 1) {
      const entry = vote(index);
      try {
        await log.append(entry);
        saved.push(entry);
      } catch (error) {
        refused += 1;
        expect(String(error)).toMatch(/the disk is full/u);
      }
    }
    expect(saved.length, 'precondition: some votes fit').toBeGreaterThan(3);
    expect(refused, 'precondition: the disk filled up').toBeGreaterThan(0);
    expect(await parsedLines(file)).toEqual(saved);

    await rm(filler);
    const after = vote(100);
    await log.append(after);
    expect(await parsedLines(file)).toEqual([...saved, after]);
  });
});
