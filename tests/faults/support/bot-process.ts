/** `npm start` as a child process, with nothing but the environment given (no `.env` can leak in). */
import { join } from 'node:path';
import { ChildUnderTest } from '../../e2e/support/child-process.js';
import { REPO_ROOT } from '../../e2e/support/harness.js';

export const STARTUP_TIMEOUT_MS = 40_000;

/** Children started by `npmStart`, so that `killAll` can clean up after a failed test. */
const children = new Set<ChildUnderTest>();

/**
 * `npm start --silent` in the repository with only PATH, HOME and `vars` set. `noEnvFile` is a
 * path that does not exist, for DOTENV_CONFIG_PATH, so a developer's `.env` is not read.
 */
export function npmStart(vars: Readonly<Record<string, string>>, noEnvFile: string): ChildUnderTest {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DOTENV_CONFIG_PATH: noEnvFile,
    VECTORS: 'off',
    ...vars,
  };
  const child = new ChildUnderTest('npm', ['start', '--silent'], { cwd: REPO_ROOT, env });
  children.add(child);
  return child;
}

/** SIGKILLs every child still running (for `afterEach`). */
export function killAll(): void {
  for (const child of children) child.kill();
  children.clear();
}

export function noEnvFileIn(dir: string): string {
  return join(dir, 'no-such.env');
}

/** Resolves once the bot logged "bot ready". */
export function waitForReady(child: ChildUnderTest): Promise<void> {
  return child.waitForOutput((stdout) => stdout.includes('"msg":"bot ready"'), STARTUP_TIMEOUT_MS, 'the "bot ready" log line');
}

/** The bot's stdout as parsed JSON lines (non-JSON lines as `{ msg }`). */
export function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        const parsed: unknown = JSON.parse(line);
        return typeof parsed === 'object' && parsed !== null ? Object.fromEntries(Object.entries(parsed)) : { msg: line };
      } catch {
        return { msg: line };
      }
    });
}
