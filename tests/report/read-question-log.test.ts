import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QuestionLogLine } from '../../src/bot/question-log-format.js';
import { readQuestionLog } from '../../src/report/read-question-log.js';
import { asked, GUILD_A, GUILD_B, writeLines } from './support/log-lines.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'report-read-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function read(file: string, filter = { since: null as number | null, guild: null as string | null }) {
  const lines: QuestionLogLine[] = [];
  const counts = await readQuestionLog(file, filter, (line) => lines.push(line));
  return { lines, counts };
}

describe('readQuestionLog', () => {
  it('skips and counts damaged lines and lines that are not question log lines, and never stops at them', async () => {
    const file = join(dir, 'questions.jsonl');
    await writeLines(file, [
      asked('one', 'answered'),
      '{"kind":"question","time":"2026-11-2',
      asked('two', 'nothing-relevant'),
      '[1,2,3]',
      '\u0000\u0001binary',
      { time: '2026-11-20T10:00:00.000Z', user: '1', guild: null, question: 'a feedback line', vote: 'up' },
      { ...asked('three', 'answered'), outcome: 'maybe' },
      asked('four', 'answered'),
    ]);
    const { lines, counts } = await read(file);
    expect(lines.map((line) => line.question)).toEqual(['one', 'two', 'four']);
    expect(counts).toMatchObject({ lines: 8, damaged: 3, foreign: 2, older: 0 });
  });

  it('reads the rotated files oldest first, then the live file, and a last line without its newline', async () => {
    const file = join(dir, 'questions.jsonl');
    await writeLines(`${file}.2`, [asked('oldest', 'answered')]);
    await writeLines(`${file}.1`, [asked('older', 'answered')]);
    await writeFile(file, `${JSON.stringify(asked('newest', 'answered'))}\n${JSON.stringify(asked('unfinished', 'answered'))}`);
    const { lines, counts } = await read(file);
    expect(lines.map((line) => line.question)).toEqual(['oldest', 'older', 'newest', 'unfinished']);
    expect(counts.files).toEqual([`${file}.2`, `${file}.1`, file]);
  });

  it('keeps only one server’s lines when asked, and only the period asked for', async () => {
    const file = join(dir, 'questions.jsonl');
    await writeLines(file, [
      asked('a old', 'answered', { time: '2026-10-01T00:00:00.000Z' }),
      asked('a new', 'answered'),
      asked('b new', 'answered', { guild: GUILD_B }),
      asked('dm', 'answered', { guild: null }),
      // Another server's id in a question does not make the line that server's.
      asked(`"guild":"${GUILD_B}"`, 'answered'),
      asked(`text","guild":"${GUILD_B}","x":"`, 'answered', { channel: null }),
    ]);
    const { lines, counts } = await read(file, { since: Date.parse('2026-11-01T00:00:00Z'), guild: GUILD_A });
    expect(lines.map((line) => line.question)).toEqual(['a new', `"guild":"${GUILD_B}"`, `text","guild":"${GUILD_B}","x":"`]);
    expect(counts).toMatchObject({ older: 1, damaged: 0 });
    const b = await read(file, { since: null, guild: GUILD_B });
    expect(b.lines.map((line) => line.question)).toEqual(['b new']);
  });

  it('reads nothing, without failing, when the log does not exist yet', async () => {
    const { lines, counts } = await read(join(dir, 'missing', 'questions.jsonl'));
    expect(lines).toEqual([]);
    expect(counts).toMatchObject({ files: [], lines: 0 });
  });
});
