import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNpmScript, type ScriptRun } from './support/npm-script.js';

/**
 * Runs `npm run --silent ask -- ...args` as a user would, with `input` on standard input; by
 * words only unless `env` turns sentence vectors on (they have tests of their own below).
 */
function ask(args: readonly string[], input = '', env: Readonly<Record<string, string>> = { VECTORS: 'off' }): Promise<ScriptRun> {
  return runNpmScript('ask', args, { input, env });
}

const jsonLines = (stdout: string): unknown[] =>
  stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as unknown);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ask-cli-'));
  await writeFile(
    join(dir, 'rockets.md'),
    '---\ntitle: Rocket launch\ndate: 2024-05-05\nurl: https://example.com/rockets\n---\n\nThe rocket launch was delayed by strong winds.\n',
  );
  await writeFile(join(dir, 'harvest.txt'), 'date 2025-09-01 The apple harvest in Normandy doubled this year.\n');
  await writeFile(join(dir, 'broken.md'), '---\ntitle: never closed\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run ask', () => {
  it('prints the right passage with its source for "How many times have Trump and Putin spoken?"', async () => {
    const { code, stdout } = await ask(['How many times have Trump and Putin spoken?']);
    expect(code).toBe(0);
    expect(stdout).toContain('1. The call marks the sixth conversation between the two men since Trump took office in January.');
    expect(stdout).toContain('(2025-07-03), paragraph 4, sentence 7 [2025-07-03-trump-putin-call]');
  }, 30_000);

  it('prints exactly the specified JSON, one object per question, and nothing else on standard output', async () => {
    const { code, stdout, stderr } = await ask([
      '--corpus',
      dir,
      '--json',
      '--limit',
      '2',
      'why',
      'was',
      'the',
      'rocket',
      'launch',
      'delayed?',
    ]);
    expect(code).toBe(0);
    expect(jsonLines(stdout)).toEqual([
      {
        question: 'why was the rocket launch delayed?',
        answers: [
          {
            text: 'The rocket launch was delayed by strong winds.',
            passage: 'The rocket launch was delayed by strong winds.',
            score: expect.any(Number),
            source: {
              article: 'rockets',
              title: 'Rocket launch',
              date: '2024-05-05',
              url: 'https://example.com/rockets',
              paragraph: 1,
              sentence: 1,
            },
          },
        ],
        confidence: 'high',
      },
    ]);
    expect(stderr).toContain(`error: ${join(dir, 'broken.md')} line 1: front matter starts with`);
  }, 30_000);

  it('answers every line of standard input in order, however odd, with [] when nothing is relevant', async () => {
    const input = [
      'apple harvest Normandy',
      '{"question": "rocket launch", "article": "harvest"}',
      '{broken',
      '',
      'What is the capital of France?',
      '{"question": "x", "article": "nope"}',
      '\u0000\u202e🙂',
    ].join('\n');
    const { code, stdout } = await ask(['--corpus', dir, '--json'], `${input}\n`);
    expect(code).toBe(0);
    const lines = jsonLines(stdout) as Array<{ question: string; answers: unknown[]; confidence?: string; error?: string }>;
    expect(lines.map((line) => line.question)).toEqual([
      'apple harvest Normandy',
      'rocket launch',
      '{broken',
      '',
      'What is the capital of France?',
      'x',
      '\u0000\u202e🙂',
    ]);
    expect(lines[0]?.answers).toHaveLength(1);
    expect(lines[0]?.confidence).toBe('high');
    expect(lines[1]).toEqual({ question: 'rocket launch', answers: [], confidence: 'none' });
    expect(lines[2]).toMatchObject({ answers: [], error: expect.stringMatching(/^not valid JSON/u) });
    expect(lines[4]).toEqual({ question: 'What is the capital of France?', answers: [], confidence: 'none' });
    expect(lines[5]).toEqual({ question: 'x', answers: [], error: 'there is no article "nope"' });
  }, 30_000);

  it('answers a follow-up line with the earlier turns given as "context", and explains a bad context', async () => {
    const earlier = {
      question: 'did trump talk to putin on the phone?',
      passages: [{ article: '2025-07-03-trump-putin-call', paragraph: 7, sentence: 10 }],
    };
    const input = [
      JSON.stringify({ question: 'how many times have they spoken?' }),
      JSON.stringify({ question: 'how many times have they spoken?', context: [earlier] }),
      JSON.stringify({ question: 'how many times have they spoken?', context: [{ ...earlier, passages: [{ article: 'x' }] }] }),
    ].join('\n');
    const { code, stdout } = await ask(['--json', '--limit', '1'], `${input}\n`);
    expect(code).toBe(0);
    const lines = jsonLines(stdout) as Array<{
      answers: Array<{ text: string }>;
      confidence?: string;
      followedUp?: boolean;
      error?: string;
    }>;
    // Alone, "they" could be anyone: at most the closest passage, hedged.
    expect(lines[0]?.confidence).not.toBe('high');
    expect(lines[1]).toMatchObject({ followedUp: true, confidence: 'high' });
    expect(lines[1]?.answers[0]?.text).toBe(
      'The call marks the sixth conversation between the two men since Trump took office in January.',
    );
    expect(lines[2]).toMatchObject({ answers: [], error: expect.stringContaining('context[0].passages[0].paragraph') });
  }, 30_000);

  it('gives one answer per line of standard input when a line holds a lone carriage return', async () => {
    const input = 'rocket launch\rapple harvest\n{"question": "apple harvest"}\r\nWhat is the capital of France?\r\n';
    const { code, stdout } = await ask(['--corpus', dir, '--json', '--limit', '1'], input);
    expect(code).toBe(0);
    const lines = jsonLines(stdout) as Array<{ question: string; answers: unknown[] }>;
    expect(lines.map((line) => line.question)).toEqual(['rocket launch\rapple harvest', 'apple harvest', 'What is the capital of France?']);
  }, 30_000);

  it('handles a batch of thousands of questions in one run', async () => {
    const input = Array.from({ length: 3000 }, (_, index) =>
      index % 2 === 0 ? `rocket launch ${index}` : `{"question": "apple harvest ${index}"}`,
    ).join('\n');
    const { code, stdout } = await ask(['--corpus', dir, '--json', '--limit', '1'], input);
    expect(code).toBe(0);
    expect(jsonLines(stdout)).toHaveLength(3000);
  }, 60_000);

  it('explains a bad command line and an unknown article, with a non-zero exit', async () => {
    const usage = await ask(['--limit', 'x', 'q']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--limit must be a whole number from 1 to 50 (got "x")');
    expect(usage.stderr).toContain('usage: npm run --silent ask --');
    const unknown = await ask(['--corpus', dir, '--article', 'nope', 'q']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('there is no article "nope"');
    const missing = await ask(['--corpus', join(dir, 'missing'), 'q']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot be read (it does not exist)');
  }, 60_000);
});

describe('npm run ask with sentence vectors', () => {
  it('computes the vectors its corpus lacks first, saying so on standard error, and reads them from the cache the next time', async () => {
    const cache = await mkdtemp(join(tmpdir(), 'ask-vectors-'));
    try {
      const env = { VECTORS: 'on', VECTOR_CACHE: cache };
      const first = await ask(['--corpus', dir, '--json', 'why was the rocket launch delayed?'], '', env);
      expect(first.code).toBe(0);
      // Not a terminal: one plain line before and one after, no bar.
      expect(first.stderr).toMatch(/ask: computing sentence vectors for 3 of 3 sentences and titles \(0 from the cache\)/);
      expect(first.stderr).toMatch(/ask: computed 3 sentence vectors in \d+ s/);
      expect(first.stderr).not.toContain('\r');
      expect(jsonLines(first.stdout)).toEqual([expect.objectContaining({ question: 'why was the rocket launch delayed?' })]);

      const again = await ask(['--corpus', dir, '--json', 'why was the rocket launch delayed?'], '', env);
      expect(again.code).toBe(0);
      expect(again.stderr).not.toContain('computing sentence vectors');
      expect(again.stdout).toBe(first.stdout);
    } finally {
      await rm(cache, { recursive: true, force: true });
    }
  }, 120_000);

  it('computes and caches nothing with --lexical', async () => {
    const cache = join(dir, 'no-cache-here');
    const run = await ask(['--corpus', dir, '--lexical', 'why was the rocket launch delayed?'], '', { VECTORS: 'on', VECTOR_CACHE: cache });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('The rocket launch was delayed by strong winds.');
    expect(run.stderr).not.toContain('sentence vectors');
    await expect(stat(cache)).rejects.toThrow();
  });

  it('names the variable when VECTORS is not true or false', async () => {
    const run = await ask(['--corpus', dir, 'anything'], '', { VECTORS: 'sometimes' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('VECTORS must be true or false (got "sometimes")');
  });
});
