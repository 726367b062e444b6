/**
 * The question log on a file system that fills up: every line is in the file whole or not at
 * all, a batch that does not fit keeps the lines that do, and once there is room again the next
 * lines land on lines of their own. Needs a real full file system: a 64 KiB tmpfs (root only).
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/bot/logger.js';
import type { QuestionEvent } from '../../src/bot/question-log-format.js';
import { QuestionLog } from '../../src/bot/question-log.js';
import { mountTmpfs, whyNoTmpfs, type Tmpfs } from '../support/tmpfs.js';

const FILE_SYSTEM_BYTES = 64 * 1024;
/** What the filler leaves free: room for some batches, so that one of them is cut short. */
const LEFT_FREE = 12 * 1024;

function question(index: number): QuestionEvent {
  return {
    kind: 'question',
    time: new Date(1_750_000_000_000 + index * 1000).toISOString(),
    guild: '200000000000000000',
    channel: '300000000000000000',
    user: '100000000000000001',
    via: 'mention',
    answer: null,
    question: `question ${index}: ${'why did it happen that way? '.repeat(8 + (index % 5) * 4)}`,
    outcome: 'nothing-relevant',
    passages: [],
    topScore: null,
    probability: 0.1,
    confidence: 'none',
    ms: 1.5,
  };
}

async function questionsIn(file: string): Promise<unknown[]> {
  const text = await readFile(file, 'utf8');
  expect(text === '' || text.endsWith('\n'), 'the file ends with a whole line').toBe(true);
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => (JSON.parse(line) as { question: unknown }).question);
}

describe.skipIf(whyNoTmpfs !== null)(`QuestionLog on a full disk${whyNoTmpfs === null ? '' : ` (skipped: ${whyNoTmpfs})`}`, () => {
  let disk: Tmpfs;
  beforeEach(async () => {
    disk = await mountTmpfs(FILE_SYSTEM_BYTES);
  });
  afterEach(async () => {
    await disk.unmount();
  });

  it('writes each line whole or not at all, keeps the lines of a batch that fit, and writes whole again once there is room', async () => {
    const file = join(disk.dir, 'data', 'questions.jsonl');
    const lost: number[] = [];
    const logger = createLogger({
      level: 'error',
      destination: { write: (line: string) => void lost.push(Number((JSON.parse(line) as { lost?: unknown }).lost)) },
    });
    const log = await QuestionLog.open(file, logger, { flushAfterMs: 60_000 });
    await writeFile(join(disk.dir, 'filler'), Buffer.alloc(FILE_SYSTEM_BYTES - LEFT_FREE));

    const recorded: string[] = [];
    for (let batch = 0; batch < 12; batch += 1) {
      for (let index = batch * 5; index < batch * 5 + 5; index += 1) {
        log.record(question(index));
        recorded.push(question(index).question);
      }
      await log.flush();
    }
    const kept = await questionsIn(file);
    const lostCount = lost.reduce((sum, count) => sum + count, 0);
    expect(kept.length, 'precondition: some lines fit').toBeGreaterThan(5);
    expect(lostCount, 'precondition: the disk filled up').toBeGreaterThan(0);
    expect(kept.length + lostCount).toBe(recorded.length);
    // Every line kept is one recorded, in the order recorded.
    expect(kept).toEqual(recorded.filter((text) => kept.includes(text)));

    await rm(join(disk.dir, 'filler'));
    log.record(question(100));
    await log.flush();
    expect(await questionsIn(file)).toEqual([...kept, question(100).question]);
  });
});
