import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_FEEDBACK_KEEP_FILES,
  DEFAULT_FEEDBACK_MAX_BYTES,
  DAMAGED_SUFFIX,
  FeedbackLog,
  setAsideDamagedLines,
  type FeedbackEntry,
} from '../../src/bot/feedback-log.js';

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
    passages: [
      { article: 'trump-putin-call', paragraph: 3, sentence: 7, passage: `passage ${index}` },
      { article: 'other-article', paragraph: 1, sentence: 2, passage: 'the second passage shown' },
    ],
    vote: index % 3 === 0 ? 'down' : 'up',
  };
}

/** A fixed-size entry: its line is exactly `lineBytes(index)` bytes. */
function small(index: number): FeedbackEntry {
  return { ...entry(0), question: `q${String(index).padStart(4, '0')}`, passage: 'p' };
}

function lineBytes(value: FeedbackEntry): number {
  return Buffer.byteLength(`${JSON.stringify(value)}\n`);
}

async function text(file: string): Promise<string> {
  return readFile(file, 'utf8');
}

async function lines(file: string): Promise<string[]> {
  return (await text(file)).split('\n').filter((line) => line !== '');
}

async function parsedLines(file: string): Promise<unknown[]> {
  const content = await text(file);
  expect(content === '' || content.endsWith('\n'), 'the file ends with a whole line').toBe(true);
  return (await lines(file)).map((line): unknown => JSON.parse(line));
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

  it('keeps every line whole under 200 concurrent appends, in the order they were made', async () => {
    const file = join(dir, 'data', 'feedback.jsonl');
    const log = new FeedbackLog(file);
    const entries = Array.from({ length: 200 }, (_, index) => entry(index));
    await Promise.all(entries.map((item) => log.append(item)));
    expect(await parsedLines(file)).toEqual(entries);
  });

  it('loses no line when 200 concurrent appends also rotate the file', async () => {
    const file = join(dir, 'feedback.jsonl');
    const size = lineBytes(small(0));
    // Room for 7 lines a file; 200 lines need 29 files, far more than are kept, so keep them all here.
    const log = new FeedbackLog(file, { maxBytes: size * 7, keepFiles: 40 });
    const entries = Array.from({ length: 200 }, (_, index) => small(index));
    await Promise.all(entries.map((item) => log.append(item)));

    const files = [file, ...Array.from({ length: 40 }, (_, index) => `${file}.${index + 1}`)];
    const all: unknown[] = [];
    // Oldest first: the highest number, down to the live file.
    for (const path of [...files].reverse()) {
      const exists = await stat(path).then(
        () => true,
        () => false,
      );
      if (!exists) continue;
      const parsed = await parsedLines(path);
      expect((await stat(path)).size).toBeLessThanOrEqual(size * 7);
      all.push(...parsed);
    }
    expect(all).toEqual(entries);
  });

  it('appends to an existing file instead of replacing it', async () => {
    const file = join(dir, 'feedback.jsonl');
    await new FeedbackLog(file).append(entry(1));
    await new FeedbackLog(file).append(entry(2));
    expect(await parsedLines(file)).toEqual([entry(1), entry(2)]);
  });

  it('reports a failed write to its caller and keeps accepting later writes', async () => {
    const log = new FeedbackLog(join(dir, 'feedback.jsonl', 'not-a-folder', 'x.jsonl'));
    await new FeedbackLog(join(dir, 'feedback.jsonl')).append(entry(0));
    await expect(log.append(entry(1))).rejects.toThrow();
    await expect(log.append(entry(2))).rejects.toThrow();
    await log.flush();
  });

  it('rejects an entry that cannot be serialised without writing anything or blocking later ones', async () => {
    const file = join(dir, 'feedback.jsonl');
    const log = new FeedbackLog(file);
    const bad = { ...entry(1), paragraph: 10n } as unknown as FeedbackEntry;
    await expect(log.append(bad)).rejects.toThrow(/BigInt/);
    await log.append(entry(2));
    expect(await parsedLines(file)).toEqual([entry(2)]);
  });

  it('has documented defaults and refuses nonsense limits', () => {
    const log = new FeedbackLog(join(dir, 'feedback.jsonl'));
    expect(log.maxBytes).toBe(DEFAULT_FEEDBACK_MAX_BYTES);
    expect(log.maxBytes).toBe(10 * 1024 * 1024);
    expect(log.keepFiles).toBe(DEFAULT_FEEDBACK_KEEP_FILES);
    expect(log.keepFiles).toBe(5);
    expect(() => new FeedbackLog('x', { maxBytes: 0 })).toThrow(RangeError);
    expect(() => new FeedbackLog('x', { maxBytes: 1.5 })).toThrow(RangeError);
    expect(() => new FeedbackLog('x', { keepFiles: -1 })).toThrow(RangeError);
  });
});

describe('FeedbackLog: a line torn by a crash', () => {
  it('cuts the partial last line off before writing the next record, so every line parses', async () => {
    const file = join(dir, 'feedback.jsonl');
    const whole = `${JSON.stringify(entry(1))}\n${JSON.stringify(entry(2))}\n`;
    const torn = JSON.stringify(entry(3)).slice(0, 40);
    await writeFile(file, whole + torn, 'utf8');

    const log = new FeedbackLog(file);
    await log.append(entry(4));
    expect(await text(file)).toBe(`${whole}${JSON.stringify(entry(4))}\n`);
    expect(await parsedLines(file)).toEqual([entry(1), entry(2), entry(4)]);
    // Not thrown away: set aside where a person can still read it.
    expect(await text(`${file}${DAMAGED_SUFFIX}`)).toBe(`${torn}\n`);
  });

  it('keeps every good line and sets aside every damaged one, wherever it is in the file', async () => {
    const file = join(dir, 'feedback.jsonl');
    const merged = `${JSON.stringify(entry(2)).slice(0, 70)}${JSON.stringify(entry(3))}`;
    const torn = JSON.stringify(entry(6)).slice(0, 25);
    await writeFile(
      file,
      `${JSON.stringify(entry(1))}\n${merged}\n${JSON.stringify(entry(4))}\n[1,2]\n\n${JSON.stringify(entry(5))}\n${torn}`,
    );
    await new FeedbackLog(file).open();
    expect(await parsedLines(file)).toEqual([entry(1), entry(4), entry(5)]);
    expect(await text(`${file}${DAMAGED_SUFFIX}`)).toBe(`${merged}\n[1,2]\n${torn}\n`);
  });

  it('repairs at open() without waiting for a vote', async () => {
    const file = join(dir, 'feedback.jsonl');
    await writeFile(file, `${JSON.stringify(entry(1))}\n{"time":"2025`, 'utf8');
    await new FeedbackLog(file).open();
    expect(await parsedLines(file)).toEqual([entry(1)]);
  });

  it('empties a file whose only line is torn', async () => {
    const file = join(dir, 'feedback.jsonl');
    await writeFile(file, '{"time":"2025-07-03T', 'utf8');
    await new FeedbackLog(file).append(entry(5));
    expect(await parsedLines(file)).toEqual([entry(5)]);
  });

  it('finds the last newline however long the torn line is, and cuts a torn multi-byte character too', async () => {
    const file = join(dir, 'feedback.jsonl');
    const head = `${JSON.stringify(entry(1))}\n`;
    // 200 KB without a newline (several read chunks), ending inside a 4-byte character.
    const tornBytes = Buffer.concat([Buffer.from(`{"question":"${'y'.repeat(200_000)}😀`), Buffer.from([0xf0, 0x9f])]);
    await writeFile(file, Buffer.concat([Buffer.from(head), tornBytes]));
    expect(await setAsideDamagedLines(file)).toBe(1);
    expect(await text(file)).toBe(head);
    expect(await readFile(`${file}${DAMAGED_SUFFIX}`)).toEqual(Buffer.concat([tornBytes, Buffer.from('\n')]));
  });

  it('leaves whole files, empty files and missing files alone', async () => {
    const file = join(dir, 'feedback.jsonl');
    expect(await setAsideDamagedLines(file)).toBe(0);
    await writeFile(file, '');
    expect(await setAsideDamagedLines(file)).toBe(0);
    const whole = `${JSON.stringify(entry(1))}\n${JSON.stringify(entry(2))}\n`;
    await writeFile(file, whole);
    expect(await setAsideDamagedLines(file)).toBe(0);
    expect(await text(file)).toBe(whole);
    expect(await readdir(dir)).toEqual(['feedback.jsonl']);
  });

  it('repairs only at start-up: a line written by someone else later is not cut', async () => {
    const file = join(dir, 'feedback.jsonl');
    const log = new FeedbackLog(file);
    await log.append(entry(1));
    // Not ours to judge once running: only the state found at start-up is repaired.
    await writeFile(file, `${await text(file)}partial`, 'utf8');
    await log.append(entry(2));
    expect(await text(file)).toBe(`${JSON.stringify(entry(1))}\npartial${JSON.stringify(entry(2))}\n`);
  });
});

describe('FeedbackLog: rotation', () => {
  it('rotates before a line would take the file past maxBytes, keeping at most keepFiles old files', async () => {
    const file = join(dir, 'feedback.jsonl');
    const size = lineBytes(small(0));
    const log = new FeedbackLog(file, { maxBytes: size * 3, keepFiles: 2 });
    for (let index = 0; index < 14; index += 1) await log.append(small(index));

    // 14 lines, 3 a file: 0-2 and 3-5 rotated out and deleted, 6-8 in .2, 9-11 in .1, 12-13 live.
    const questions = async (path: string) => ((await parsedLines(path)) as FeedbackEntry[]).map((item) => item.question);
    expect(await questions(file)).toEqual(['q0012', 'q0013']);
    expect(await questions(`${file}.1`)).toEqual(['q0009', 'q0010', 'q0011']);
    expect(await questions(`${file}.2`)).toEqual(['q0006', 'q0007', 'q0008']);
    expect((await readdir(dir)).sort()).toEqual(['feedback.jsonl', 'feedback.jsonl.1', 'feedback.jsonl.2']);
  });

  it('bounds the disk used however many votes come in', async () => {
    const file = join(dir, 'feedback.jsonl');
    const size = lineBytes(small(0));
    const log = new FeedbackLog(file, { maxBytes: size * 4, keepFiles: 5 });
    await Promise.all(Array.from({ length: 500 }, (_, index) => log.append(small(index))));
    const names = (await readdir(dir)).sort();
    expect(names).toEqual(['feedback.jsonl', ...[1, 2, 3, 4, 5].map((n) => `feedback.jsonl.${n}`)]);
    let total = 0;
    for (const name of names) total += (await stat(join(dir, name))).size;
    expect(total).toBeLessThanOrEqual(size * 4 * 6);
    // The newest lines are the ones kept.
    const live = (await parsedLines(file)) as FeedbackEntry[];
    expect(live.at(-1)?.question).toBe('q0499');
  });

  it('gives a line larger than maxBytes a file of its own rather than dropping it', async () => {
    const file = join(dir, 'feedback.jsonl');
    const log = new FeedbackLog(file, { maxBytes: 100, keepFiles: 5 });
    await log.append(small(1));
    await log.append(entry(40));
    await log.append(small(2));
    expect(await parsedLines(`${file}.2`)).toEqual([small(1)]);
    expect(await parsedLines(`${file}.1`)).toEqual([entry(40)]);
    expect(await parsedLines(file)).toEqual([small(2)]);
  });

  it('with keepFiles 0, starts the file afresh instead of keeping old ones', async () => {
    const file = join(dir, 'feedback.jsonl');
    const size = lineBytes(small(0));
    const log = new FeedbackLog(file, { maxBytes: size * 2, keepFiles: 0 });
    for (let index = 0; index < 5; index += 1) await log.append(small(index));
    expect(await readdir(dir)).toEqual(['feedback.jsonl']);
    expect(await parsedLines(file)).toEqual([small(4)]);
  });

  it('counts an existing file from an earlier run towards the limit', async () => {
    const file = join(dir, 'feedback.jsonl');
    const size = lineBytes(small(0));
    await new FeedbackLog(file).append(small(0));
    await new FeedbackLog(file).append(small(1));
    const log = new FeedbackLog(file, { maxBytes: size * 2 });
    await log.append(small(2));
    expect(await parsedLines(`${file}.1`)).toEqual([small(0), small(1)]);
    expect(await parsedLines(file)).toEqual([small(2)]);
  });
});
