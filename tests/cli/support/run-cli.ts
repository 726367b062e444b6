/** Runs one of the terminal front ends (`src/cli/*.ts`) in a child process, as `npm run` would, and collects what it printed. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** `nobody`: a user without root's right to read every file. */
const UNPRIVILEGED_ID = 65_534;

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
   * Run as a user that file permissions apply to: `nobody` when the tests run as root (root
   * reads a file whatever its mode says), else the current user.
   */
  readonly unprivileged?: boolean;
  /** `ulimit -n` for the child: how many files it may have open at once. */
  readonly openFilesLimit?: number;
  /** The child is killed after this long. Default 60 s. */
  readonly timeoutMs?: number;
}

/** Whether `unprivileged` switches user (root), so that file modes are what stops a read. */
export const runsAsRoot = process.getuid?.() === 0;

export function runCli(script: 'ask' | 'build-index', args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  const node = [process.execPath, '--import', 'tsx', `src/cli/${script}.ts`, ...args];
  const [command, ...commandArgs] =
    options.openFilesLimit === undefined ? node : ['bash', '-c', `ulimit -n ${options.openFilesLimit} && exec "$@"`, 'bash', ...node];
  if (command === undefined) throw new Error('no command');
  const switchUser = options.unprivileged === true && runsAsRoot;
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, {
      cwd: REPO_ROOT,
      // A developer's `.env` must not change what the tests see.
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DOTENV_CONFIG_PATH: '/nonexistent/.env', VECTORS: 'off', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(switchUser ? { uid: UNPRIVILEGED_ID, gid: UNPRIVILEGED_ID } : {}),
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
