import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { epochNow } from './measure.js';
import type { BuildResult, ChildMessage, ChildTask, SnapshotResult } from './protocol.js';

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Room for the 10,000-article corpora: Node's default old-space limit is lower than some engines need there. */
const MAX_OLD_SPACE_MB = 8192;

export type ChildOutcome<R> =
  | { readonly status: 'ok'; readonly result: R }
  | { readonly status: 'timeout'; readonly message: string }
  | { readonly status: 'failed'; readonly message: string };

let running: ReturnType<typeof fork> | null = null;

/** Ends the child in flight (on Ctrl-C), so no orphan keeps a core busy. */
export function killRunningChild(): void {
  running?.kill('SIGKILL');
}

export function runBuildChild(
  task: Omit<ChildTask, 'mode' | 'spawnedAt'>,
  timeoutMs: number,
  onStep: (step: string) => void,
): Promise<ChildOutcome<BuildResult>> {
  return runChild({ ...task, mode: 'build' }, timeoutMs, onStep, (message): message is BuildResult => message.kind === 'build');
}

export function runSnapshotChild(
  task: Omit<ChildTask, 'mode' | 'spawnedAt'>,
  timeoutMs: number,
  onStep: (step: string) => void,
): Promise<ChildOutcome<SnapshotResult>> {
  return runChild({ ...task, mode: 'snapshot' }, timeoutMs, onStep, (message): message is SnapshotResult => message.kind === 'snapshot');
}

/**
 * Spawns a fresh `node --expose-gc --import tsx bench/child.ts` for one measurement and
 * waits for its result. The child's own output goes to our stderr, never into the tables.
 */
function runChild<R extends ChildMessage>(
  task: Omit<ChildTask, 'spawnedAt'>,
  timeoutMs: number,
  onStep: (step: string) => void,
  isResult: (message: ChildMessage) => message is R,
): Promise<ChildOutcome<R>> {
  return new Promise((resolve) => {
    const full: ChildTask = { ...task, spawnedAt: epochNow() };
    const child = fork(CHILD, [JSON.stringify(full)], {
      cwd: REPO_ROOT,
      execArgv: ['--expose-gc', `--max-old-space-size=${MAX_OLD_SPACE_MB}`, '--import', 'tsx'],
      stdio: ['ignore', 2, 2, 'ipc'],
    });
    running = child;
    let outcome: ChildOutcome<R> | null = null;
    const timer = setTimeout(() => {
      outcome = { status: 'timeout', message: `no result after ${Math.round(timeoutMs / 1000)} s; stopped` };
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('message', (raw) => {
      const message = raw as ChildMessage; // sent by bench/child.ts, which types it
      if (message.kind === 'progress') onStep(message.step);
      else if (message.kind === 'error') outcome = { status: 'failed', message: message.message };
      else if (isResult(message)) outcome = { status: 'ok', result: message };
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      running = null;
      // A child killed by V8 for lack of heap exits on SIGABRT (or 134) without a word.
      resolve(
        outcome ?? {
          status: 'failed',
          message: `exited (${signal ?? `code ${code}`}) without a result${signal === 'SIGABRT' || code === 134 ? ': out of memory?' : ''}`,
        },
      );
    });
  });
}
