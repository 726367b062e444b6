import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(REPO_ROOT, 'node_modules/.bin/tsx');
const BUILD_INDEX = join(REPO_ROOT, 'src/cli/build-index.ts');
const PROCESS_TIMEOUT_MS = 60_000;

/** Runs `npm run build-index` the way npm does (its script is `tsx src/cli/build-index.ts`), from `cwd`. */
function buildIndex(
  cwd: string,
  env: Readonly<Record<string, string>> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(TSX, [BUILD_INDEX], { cwd, env: { PATH: process.env.PATH, HOME: process.env.HOME, VECTORS: 'off', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'build-index-'));
  await mkdir(join(dir, 'articles'));
  await writeFile(
    join(dir, 'articles', 'rockets.md'),
    '---\ntitle: Rocket launch\n---\n\nThe rocket launch was delayed by strong winds.\n',
  );
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run build-index', () => {
  it(
    'indexes the CORPUS_DIR that .env names, where `npm start` will look for the snapshot',
    async () => {
      await writeFile(join(dir, '.env'), 'CORPUS_DIR=articles\n');
      const result = await buildIndex(dir);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Indexed 1 articles (1 sentences)');
      expect((await stat(join(dir, 'articles', '.index-snapshot'))).isFile()).toBe(true);
    },
    PROCESS_TIMEOUT_MS,
  );

  it(
    'refuses an invalid environment with the message `npm start` gives, naming the variable',
    async () => {
      const result = await buildIndex(dir, { CORPUS_DIR: 'articles', LOG_LEVEL: 'loud' });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")');
      await expect(stat(join(dir, 'articles', '.index-snapshot'))).rejects.toThrow(/ENOENT/u);
    },
    PROCESS_TIMEOUT_MS,
  );
});
