/**
 * A file or folder in the corpus that the process may not read is one bad file among many: it
 * is reported with its path and what to do, and everything else still loads and answers.
 */
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';

let parent: string;
let corpus: string;
beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), 'unreadable-'));
  corpus = join(parent, 'corpus');
  await mkdir(join(corpus, 'locked-folder'), { recursive: true });
  await writeFile(join(corpus, 'rockets.md'), '---\ntitle: Rocket launch\n---\n\nThe rocket launch was delayed by strong winds.\n');
  await writeFile(join(corpus, 'locked.md'), '---\ntitle: Locked\n---\n\nThe harvest doubled in Normandy.\n');
  await writeFile(join(corpus, 'locked-folder', 'inside.md'), '---\ntitle: Inside\n---\n\nThe ferry sank in the harbour.\n');
  await chmod(join(corpus, 'locked.md'), 0o000);
  await chmod(join(corpus, 'locked-folder'), 0o000);
  // The rest stays readable by the unprivileged user the CLI runs as.
  await chmod(parent, 0o755);
  await chmod(corpus, 0o755);
});
afterAll(async () => {
  await chmod(join(corpus, 'locked-folder'), 0o755).catch(() => undefined);
  await rm(parent, { recursive: true, force: true });
});

describe('an unreadable file or folder in the corpus', () => {
  it('is reported with its path and what to do, while `ask` answers from the rest and exits 0', async () => {
    const run = await runCli('ask', ['--corpus', corpus, '--json', 'why was the rocket launch delayed?'], { unprivileged: true });
    expect(run.stderr).not.toMatch(/\n\s+at /u);
    expect(run.code, run.stderr).toBe(0);
    const [answer] = run.stdout.trim().split('\n');
    expect(JSON.parse(answer ?? '')).toMatchObject({ answers: [{ source: { article: 'rockets' } }] });
    expect(run.stderr).toContain(`error: ${join(corpus, 'locked.md')}: cannot be read (permission denied)`);
    expect(run.stderr).toContain(`error: ${join(corpus, 'locked-folder')}: is a folder that cannot be read (permission denied)`);
  });
});
