/**
 * A file or folder in the corpus that the process may not read is one bad file among many: it
 * is reported with its path and what to do, and everything else still loads and answers.
 */
import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, withFileModesApplying } from './support/run-cli.js';

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

describe('running with file modes applying', () => {
  it('reads what the owner may read inside a folder only its owner may enter (a checkout under /root or a 700 home), and nothing of mode 000', async () => {
    // mkdtemp makes a folder of mode 700, as a clone under `mktemp -d` has.
    const owned = await mkdtemp(join(tmpdir(), 'owner-only-'));
    try {
      await writeFile(join(owned, 'code.ts'), 'export {};\n');
      await writeFile(join(owned, 'secret.md'), 'locked\n');
      await chmod(join(owned, 'secret.md'), 0o000);
      const read = (file: string) => {
        const [command, ...args] = withFileModesApplying(['cat', join(owned, file)]);
        return spawnSync(command ?? 'cat', args, { encoding: 'utf8' });
      };
      expect(read('code.ts').status, read('code.ts').stderr).toBe(0);
      expect(read('secret.md').status).not.toBe(0);
      expect(read('secret.md').stderr).toMatch(/Permission denied/u);
    } finally {
      await rm(owned, { recursive: true, force: true });
    }
  });
});
