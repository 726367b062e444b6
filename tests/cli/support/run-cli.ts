/** Runs one of the terminal front ends (`src/cli/*.ts`) in a child process, as `npm run` would, and collects what it printed. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * How root runs a command that file modes apply to: as root still (so that it can read the
 * checkout, wherever it was cloned: under a folder only its owner may enter, as `/root` and many
 * home folders are, another user could not even start it), without the two capabilities that let
 * root read any file. util-linux's `setpriv` takes them out of the bounding set before `exec`.
 */
const WITHOUT_READ_OVERRIDE = ['setpriv', '--bounding-set', '-dac_override,-dac_read_search', '--'];

export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  /** Written to standard input, which is then closed. */
  readonly input?: string | Buffer;
  readonly env?: Readonly<Record<string, string>>;
  /**
   * Run so that file permissions apply: when the tests run as root (which reads a file whatever
   * its mode says), as root without the capabilities that override them; else as the current user.
   */
  readonly unprivileged?: boolean;
  /** `ulimit -n` for the child: how many files it may have open at once. */
  readonly openFilesLimit?: number;
  /** The child is killed after this long. Default 60 s. */
  readonly timeoutMs?: number;
}

/** Whether `unprivileged` drops root's override of file modes, so that file modes are what stops a read. */
export const runsAsRoot = process.getuid?.() === 0;

/** `argv` so that file modes apply to it: as it is for a user, with root's override of them dropped for root. */
export function withFileModesApplying(argv: readonly string[]): string[] {
  return runsAsRoot ? [...WITHOUT_READ_OVERRIDE, ...argv] : [...argv];
}

export function runCli(
  script: 'ask' | 'add' | 'build-index' | 'report',
  args: readonly string[],
  options: CliOptions = {},
): Promise<CliRun> {
  const node = [process.execPath, '--import', 'tsx', `src/cli/${script}.ts`, ...args];
  const limited =
    options.openFilesLimit === undefined ? node : ['bash', '-c', `ulimit -n ${options.openFilesLimit} && exec "$@"`, 'bash', ...node];
  const [command, ...commandArgs] = options.unprivileged === true ? withFileModesApplying(limited) : limited;
  if (command === undefined) throw new Error('no command');
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, {
      cwd: REPO_ROOT,
      // A developer's `.env` must not change what the tests see.
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DOTENV_CONFIG_PATH: '/nonexistent/.env', VECTORS: 'off', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}
