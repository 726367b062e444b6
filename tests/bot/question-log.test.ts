import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AskerHash, loadOrCreateSecret, SECRET_FILE_NAME, secretFileFor } from '../../src/bot/asker-hash.js';
import { createLogger } from '../../src/bot/logger.js';
import { openQuestionSink } from '../../src/bot/open-question-log.js';
import { questionLogLine, type QuestionEvent, type VoteEvent } from '../../src/bot/question-log-format.js';
import { NO_QUESTION_LOG, QuestionLog } from '../../src/bot/question-log.js';
import { DAMAGED_SUFFIX } from '../../src/bot/json-lines-file.js';

let dir: string;
const logs: Record<string, unknown>[] = [];
const logger = createLogger({ level: 'info', destination: { write: (line: string) => void logs.push(JSON.parse(line)) } });
const DAY = 86_400_000;
const START = Date.parse('2026-11-01T12:00:00.000Z');

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'question-log-'));
  logs.length = 0;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function question(index: number, time = START + index * 1000): QuestionEvent {
  return {
    kind: 'question',
    time: new Date(time).toISOString(),
    guild: '200000000000000000',
    channel: '300000000000000000',
    user: `10000000000000000${index % 7}`,
    via: 'ask',
    answer: String(400_000_000_000_000_000n + BigInt(index)),
    question: `question ${index} with "quotes" and ünïcödé`,
    outcome: index % 3 === 0 ? 'nothing-relevant' : 'answered',
    passages: index % 3 === 0 ? [] : [{ article: 'trump-putin-call', paragraph: 3, sentence: 7 }],
    topScore: index % 3 === 0 ? null : 12.5,
    probability: 0.42,
    confidence: index % 3 === 0 ? 'none' : 'high',
    ms: 3.25,
  };
}

const VOTE: VoteEvent = {
  kind: 'vote',
  time: new Date(START + 5000).toISOString(),
  guild: '200000000000000000',
  channel: '300000000000000000',
  user: '100000000000000009',
  answer: '400000000000000001',
  vote: 'down',
  question: 'question 1',
  passages: [{ article: 'trump-putin-call', paragraph: 3, sentence: 7, passage: 'The call marks the sixth conversation.' }],
};

async function lines(file: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(file, 'utf8');
  expect(text === '' || text.endsWith('\n'), 'the file ends with a whole line').toBe(true);
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('QuestionLog', () => {
  it('writes one line per question and vote with every documented field, the Discord id replaced by its keyed hash', async () => {
    const file = join(dir, 'data', 'questions.jsonl');
    const log = await QuestionLog.open(file, logger);
    log.record(question(1));
    log.record(VOTE);
    await log.flush();

    const [asked, voted] = await lines(file);
    const { user, ...rest } = question(1);
    expect(asked).toEqual({ ...rest, asker: expect.stringMatching(/^[0-9a-f]{32}$/u) });
    expect(voted).toEqual({ ...VOTE, user: undefined, voter: expect.stringMatching(/^[0-9a-f]{32}$/u) });
    for (const line of [asked, voted]) expect(questionLogLine.safeParse(line).success).toBe(true);
    // The id is nowhere in the file, in any form; the secret is not either.
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(user);
    expect(text).not.toContain((await readFile(secretFileFor(file), 'utf8')).trim());
  });

  it('keeps lines in memory until they are flushed (or the flush timer fires), then writes them all in order', async () => {
    const file = join(dir, 'questions.jsonl');
    const log = await QuestionLog.open(file, logger, { flushAfterMs: 60_000 });
    for (let index = 0; index < 50; index += 1) log.record(question(index));
    expect(await readFile(file, 'utf8').catch(() => '')).toBe('');
    await log.flush();
    expect((await lines(file)).map((line) => line.question)).toEqual(Array.from({ length: 50 }, (_, index) => question(index).question));

    const soon = await QuestionLog.open(file, logger, { flushAfterMs: 5 });
    soon.record(question(50));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await lines(file)).toHaveLength(51);
  });

  it('writes at once when the lines waiting pass the buffer size', async () => {
    const file = join(dir, 'questions.jsonl');
    const log = await QuestionLog.open(file, logger, { flushAfterMs: 60_000, maxBufferedBytes: 1 });
    log.record(question(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await lines(file)).toHaveLength(1);
    await log.flush();
  });

  it('gives the same person the same hash across restarts, and different people different hashes', async () => {
    const file = join(dir, 'questions.jsonl');
    const first = await QuestionLog.open(file, logger);
    first.record(question(1));
    first.record(question(2));
    await first.flush();
    const second = await QuestionLog.open(file, logger);
    second.record(question(8)); // the same person as question 1 (index % 7)
    await second.flush();
    const [one, two, eight] = await lines(file);
    expect(eight?.asker).toBe(one?.asker);
    expect(two?.asker).not.toBe(one?.asker);
  });

  it('sets aside lines damaged by a crash when it opens, keeping every good line', async () => {
    const file = join(dir, 'questions.jsonl');
    const good = JSON.stringify({ kind: 'question', time: '2026-11-01T00:00:00.000Z' });
    await writeFile(file, `${good}\n{"kind":"question","ti`);
    const log = await QuestionLog.open(file, logger);
    log.record(question(1));
    await log.flush();
    expect((await lines(file)).map((line) => line.time)).toEqual(['2026-11-01T00:00:00.000Z', question(1).time]);
    expect(await readFile(`${file}${DAMAGED_SUFFIX}`, 'utf8')).toBe('{"kind":"question","ti\n');
  });

  it('logs the lines it could not write, with how many, and writes again once it can', async () => {
    const file = join(dir, 'questions.jsonl');
    const log = await QuestionLog.open(file, logger);
    // Something else puts a folder where the file should be: no line can be written there.
    await mkdir(file);
    log.record(question(1));
    log.record(question(2));
    await log.flush();
    expect(logs).toContainEqual(expect.objectContaining({ level: 50, msg: 'question log lines could not be written', lost: 2 }));

    await rm(file, { recursive: true });
    log.record(question(3));
    await log.flush();
    expect((await lines(file)).map((line) => line.question)).toEqual([question(3).question]);
  });

  it('cannot be opened where its secret cannot be written, and says why', async () => {
    await writeFile(join(dir, 'not-a-folder'), '');
    await expect(QuestionLog.open(join(dir, 'not-a-folder', 'questions.jsonl'), logger)).rejects.toThrow(
      /question log's secret .*not-a-folder.* could not be written/u,
    );
  });
});

describe('QuestionLog: rotation and retention', () => {
  it('rotates by size and drops lines older than keepDays from the rotated files at rotation, deleting files left empty', async () => {
    const file = join(dir, 'questions.jsonl');
    let now = START;
    const lineBytes = Buffer.byteLength(`${JSON.stringify({ ...question(0), user: undefined, asker: 'x'.repeat(32) })}\n`);
    const log = await QuestionLog.open(file, logger, { keepDays: 30, maxBytes: lineBytes * 10, now: () => now, flushAfterMs: 60_000 });
    // Day 0: 25 questions (files of about 10 lines); day 20: 25 more; day 45: one more, which rotates.
    for (let index = 0; index < 25; index += 1) log.record(question(index, START + index));
    await log.flush();
    for (let index = 25; index < 50; index += 1) {
      log.record(question(index, START + 20 * DAY + index));
      await log.flush();
    }
    now = START + 45 * DAY;
    for (let index = 50; index < 60; index += 1) {
      log.record(question(index, now + index));
      await log.flush();
    }

    const names = (await readdir(dir)).filter((name) => name.startsWith('questions.jsonl'));
    const all: Record<string, unknown>[] = [];
    for (const name of names) all.push(...(await lines(join(dir, name))));
    const times = all.map((line) => Date.parse(String(line.time)));
    // Nothing older than 30 days before the last rotation is left; every newer line is kept.
    expect(Math.min(...times)).toBeGreaterThanOrEqual(now - 30 * DAY);
    expect(all.map((line) => line.question).sort()).toEqual(Array.from({ length: 35 }, (_, index) => question(index + 25).question).sort());
    for (const name of names) expect((await stat(join(dir, name))).size).toBeLessThanOrEqual(lineBytes * 10);
  });
});

describe('QUESTION_LOG=off', () => {
  it('writes nothing and creates no file, not even the secret', async () => {
    const sink = await openQuestionSink({ questionLog: null, questionLogDays: 30 }, logger);
    expect(sink).toBe(NO_QUESTION_LOG);
    sink.record(question(1));
    await sink.flush();
    expect(await readdir(dir)).toEqual([]);
  });

  it('while a log that is on makes its secret beside it, readable by the bot’s user only', async () => {
    const file = join(dir, 'data', 'questions.jsonl');
    const sink = await openQuestionSink({ questionLog: file, questionLogDays: 30 }, logger);
    sink.record(question(1));
    await sink.flush();
    expect((await readdir(join(dir, 'data'))).sort()).toEqual([SECRET_FILE_NAME, 'questions.jsonl']);
    expect((await stat(secretFileFor(file))).mode & 0o777).toBe(0o600);
  });
});

describe('the asker hash', () => {
  const ids = Array.from({ length: 2000 }, (_, index) => String(123_456_789_012_345_000n + BigInt(index)));
  const asker = ids[1234] ?? '';

  /** What someone with the log but not the secret could try: every plain hash of every candidate id. */
  function unkeyedHashes(id: string): string[] {
    return ['sha256', 'sha1', 'md5', 'sha512'].flatMap((algorithm) => {
      const digest = createHash(algorithm).update(id).digest();
      return [digest.toString('hex'), digest.toString('base64'), digest.toString('base64url')].map((text) => text.slice(0, 32));
    });
  }

  it('cannot be traced back to the id by trying ids without the secret, and can with it', async () => {
    const secret = await loadOrCreateSecret(join(dir, SECRET_FILE_NAME));
    const hash = new AskerHash(secret).of(asker);
    expect(ids.filter((id) => unkeyedHashes(id).includes(hash))).toEqual([]);
    // Another install's secret does not find it either.
    const otherSecret = await loadOrCreateSecret(join(dir, 'other', SECRET_FILE_NAME));
    expect(ids.filter((id) => new AskerHash(otherSecret).of(id) === hash)).toEqual([]);
    expect(ids.filter((id) => new AskerHash(secret).of(id) === hash)).toEqual([asker]);
  });

  it('is made once: the file is read back the next time, and a file that is not a secret is refused with what to do', async () => {
    const file = join(dir, SECRET_FILE_NAME);
    const made = await loadOrCreateSecret(file);
    expect(made).toHaveLength(32);
    expect(await loadOrCreateSecret(file)).toEqual(made);
    await writeFile(file, 'hunter2\n');
    await expect(loadOrCreateSecret(file)).rejects.toThrow(/is not a question log secret .*Delete it to have a new one made/u);
  });

  it('refuses a secret too short to key the hash', () => {
    expect(() => new AskerHash(Buffer.alloc(8))).toThrow(RangeError);
  });
});
