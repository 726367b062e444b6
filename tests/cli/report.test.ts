import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asked, GUILD_A, GUILD_B, voted, writeLines } from '../report/support/log-lines.js';
import { runCli } from './support/run-cli.js';

let dir: string;
let log: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'report-cli-'));
  log = join(dir, 'questions.jsonl');
  const recent = new Date(Date.now() - 2 * 86_400_000).toISOString();
  const answered = asked('who makes decisions in russia', 'answered', { time: recent });
  await writeLines(log, [
    asked('an old question', 'nothing-relevant', { time: '2020-01-01T00:00:00.000Z' }),
    answered,
    voted(answered, 'down'),
    asked('how many goals did messi score', 'nothing-relevant', { time: recent, guild: GUILD_B }),
    asked('messi transfer fee', 'nothing-relevant', { time: recent, guild: GUILD_B }),
    'not json',
  ]);
});

afterAll(async () => {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

describe('npm run report', () => {
  it('writes one self-contained page with what QUESTION_LOG holds and says what it read', async () => {
    const out = join(dir, 'all.html');
    const run = await runCli('report', ['--out', out], { env: { QUESTION_LOG: log, CORPUS_DIR: 'corpus/' } });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        `^Wrote ${out}: 4 questions \\(3 with nothing relevant, 2 groups\\), 0 👍 / 1 👎, from 6 lines of 1 file in [\\d.]+ s; skipped 1 damaged and 0 foreign lines\\.\\n$`,
        'u',
      ),
    );
    const html = await readFile(out, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>') || html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|src=|href="http/iu);
    expect(html).toContain('Trump says he "didn\'t make any progress" with Putin on ending the war in Ukraine');
  });

  it('reports one server only, and only the last N days, when asked', async () => {
    const out = join(dir, 'b.html');
    const run = await runCli('report', ['--guild', GUILD_B, '--days', '7', '--out', out, '--log', log], { env: { QUESTION_LOG: 'off' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(': 2 questions (2 with nothing relevant, 1 group), 0 👍 / 0 👎');
    const html = await readFile(out, 'utf8');
    expect(html).toContain('messi transfer fee');
    expect(html).not.toContain('who makes decisions in russia');
    expect(html).not.toContain(GUILD_A);
  });

  it.each([
    [['--days', 'week'], 'report: --days must be a whole number of days, 1 or more (got "week")'],
    [['--guild', 'my-server'], 'report: --guild must be a server id, 17 to 20 digits (got "my-server")'],
    [['--colour', 'red'], "report: Unknown option '--colour'"],
  ])('refuses %j with what is wrong and how to call it', async (args, message) => {
    const run = await runCli('report', args, { env: { QUESTION_LOG: log } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('usage: npm run report -- [--days N] [--guild SERVER_ID] [--out report.html]');
  });

  it('says there is nothing to report on when QUESTION_LOG is off and no --log is given', async () => {
    const run = await runCli('report', [], { env: { QUESTION_LOG: 'off' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('report: QUESTION_LOG is off, so there is no log to report on; give one with --log FILE\n');
  });
});
