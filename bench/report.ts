/**
 * `npm run bench:report [-- --lines N]`: how long the report takes over a large question log,
 * and how much memory it needs (issue 19: a 1,000,000-line log in under 60 s and 300 MB on this
 * 2-core machine). Writes a deterministic log (`question-log-sample.ts`: 30 days, two servers,
 * a quarter of the questions unanswered, votes, a few damaged and foreign lines), then builds
 * the report of every server and of one server, each in a fresh process, and prints a table.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { z } from 'zod';
import { writeSampleLog } from './question-log-sample.js';

const run = promisify(execFile);
const GUILDS = ['1000000000000000001', '1000000000000000002'];
const LIMIT_SECONDS = 60;
const LIMIT_MB = 300;

const Measured = z.object({
  seconds: z.number(),
  maxRssMb: z.number(),
  lines: z.number(),
  questions: z.number(),
  groups: z.number(),
  damaged: z.number(),
  foreign: z.number(),
  htmlBytes: z.number(),
});

async function measure(log: string, out: string, guild: string | null): Promise<z.infer<typeof Measured>> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', 'bench/report-child.ts', log, out, ...(guild === null ? [] : [guild])],
    {
      maxBuffer: 1 << 20,
    },
  );
  return Measured.parse(JSON.parse(stdout));
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { lines: { type: 'string', default: '1000000' } } });
  const lines = Number(values.lines);
  const dir = await mkdtemp(join(tmpdir(), 'report-bench-'));
  try {
    process.stdout.write(
      '| log | report | lines read | questions | groups | skipped | wall s | peak RSS MB | page KB | within 60 s and 300 MB |\n',
    );
    process.stdout.write('|---|---|--:|--:|--:|--:|--:|--:|--:|---|\n');
    const notes: string[] = [];
    for (const [kind, distinct] of [
      ['questions asked alike', false],
      ['every question different', true],
    ] as const) {
      const log = join(dir, 'questions.jsonl');
      const written = await writeSampleLog(log, { lines, until: '2026-11-30', days: 30, guilds: GUILDS, distinct });
      const bytes = (await stat(log)).size;
      notes.push(
        `${kind}: ${lines.toLocaleString('en')} lines (${(bytes / 1e6).toFixed(0)} MB), ${written.questions.toLocaleString('en')} questions, ` +
          `${written.votes.toLocaleString('en')} votes, ${written.damaged} damaged and ${written.foreign} foreign lines.`,
      );
      for (const [label, guild] of [
        ['every server', null],
        ['one server (`--guild`, as `/stats`)', GUILDS[0] ?? null],
      ] as const) {
        const measured = await measure(log, join(dir, 'report.html'), guild);
        const ok = measured.seconds < LIMIT_SECONDS && measured.maxRssMb < LIMIT_MB;
        process.stdout.write(
          `| ${kind} | ${label} | ${measured.lines.toLocaleString('en')} | ${measured.questions.toLocaleString('en')} | ${measured.groups} | ` +
            `${measured.damaged + measured.foreign} | ${measured.seconds.toFixed(1)} | ${measured.maxRssMb.toFixed(0)} | ` +
            `${(measured.htmlBytes / 1024).toFixed(0)} | ${ok ? 'yes' : 'NO'} |\n`,
        );
      }
      await rm(log);
    }
    process.stdout.write(`\n${notes.map((note) => `- ${note}`).join('\n')}\n`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
