import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeedbackLog, type FeedbackEntry } from '../../src/bot/feedback-log.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'feedback-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function entry(index: number): FeedbackEntry {
  return {
    time: new Date(1_750_000_000_000 + index).toISOString(),
    user: `${100_000_000_000_000_000 + index}`,
    guild: index % 2 === 0 ? '200000000000000000' : null,
    question: `question ${index} with "quotes", a\nnewline and ünïcödé ${'x'.repeat(index * 50)}`,
    article: 'trump-putin-call',
    paragraph: 3,
    sentence: 7,
    passage: `passage ${index}`,
    vote: index % 3 === 0 ? 'down' : 'up',
  };
}

async function lines(file: string): Promise<string[]> {
  return (await readFile(file, 'utf8')).split('\n').filter((line) => line !== '');
}

describe('FeedbackLog', () => {
  it('creates the folder on demand and writes one JSON object per line', async () => {
    const file = join(dir, 'nested', 'data', 'feedback.jsonl');
    const log = new FeedbackLog(file);
    await log.append(entry(1));
    const written = await lines(file);
    expect(written).toHaveLength(1);
    expect(JSON.parse(written[0] ?? '')).toEqual(entry(1));
  });

  it('keeps every line whole under 200 concurrent appends', async () => {
    const file = join(dir, 'data', 'feedback.jsonl');
    const log = new FeedbackLog(file);
    const entries = Array.from({ length: 200 }, (_, index) => entry(index));
    await Promise.all(entries.map((item) => log.append(item)));
    const written = await lines(file);
    expect(written).toHaveLength(200);
    const parsed = written.map((line): unknown => JSON.parse(line));
    expect(parsed).toEqual(entries);
  });

  it('appends to an existing file instead of replacing it', async () => {
    const file = join(dir, 'feedback.jsonl');
    await new FeedbackLog(file).append(entry(1));
    await new FeedbackLog(file).append(entry(2));
    expect(await lines(file)).toHaveLength(2);
  });

  it('reports a failed write to its caller and keeps accepting later writes', async () => {
    const log = new FeedbackLog(join(dir, 'feedback.jsonl', 'not-a-folder', 'x.jsonl'));
    await new FeedbackLog(join(dir, 'feedback.jsonl')).append(entry(0));
    await expect(log.append(entry(1))).rejects.toThrow();
    await expect(log.append(entry(2))).rejects.toThrow();
    await log.flush();
  });
});
