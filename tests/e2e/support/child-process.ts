/** A child process whose output tests can wait on, and that is always killed in the end. */
import { execFileSync, spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export class ChildUnderTest {
  readonly #child: ChildProcessByStdio<null, Readable, Readable>;
  #stdout = '';
  #stderr = '';
  readonly #listeners = new Set<() => void>();
  readonly exited: Promise<Exit>;
  #exit: Exit | null = null;

  constructor(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
    this.#child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    this.#child.stdout.on('data', (chunk: Buffer) => this.#append('stdout', chunk));
    this.#child.stderr.on('data', (chunk: Buffer) => this.#append('stderr', chunk));
    this.exited = new Promise((resolve) => {
      this.#child.on('close', (code, signal) => {
        this.#exit = { code, signal };
        this.#notify();
        resolve({ code, signal });
      });
    });
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  get stdout(): string {
    return this.#stdout;
  }

  get stderr(): string {
    return this.#stderr;
  }

  get output(): string {
    return `--- stdout ---\n${this.#stdout}\n--- stderr ---\n${this.#stderr}`;
  }

  /** Resolves once `predicate(stdout, stderr)` holds; rejects on timeout or if the process exits first. */
  waitForOutput(predicate: (stdout: string, stderr: string) => boolean, timeoutMs: number, what: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (predicate(this.#stdout, this.#stderr)) {
          done();
          resolve();
        } else if (this.#exit !== null) {
          done();
          reject(new Error(`the process exited (${JSON.stringify(this.#exit)}) before ${what}\n${this.output}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${this.output}`));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this.#listeners.delete(check);
      };
      this.#listeners.add(check);
      check();
    });
  }

  /** Resolves with the exit, or kills the process group and rejects after `timeoutMs`. */
  async waitForExit(timeoutMs: number): Promise<Exit> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        this.kill();
        reject(new Error(`the process did not exit within ${timeoutMs} ms\n${this.output}`));
      }, timeoutMs);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Sends a signal to the process itself (what `kill PID` does to the bot). */
  signal(signal: NodeJS.Signals): void {
    if (this.#exit === null) this.#child.kill(signal);
  }

  /**
   * The processes below this one (npx -> sh -> tsx -> node), from `ps`, deepest last.
   * Each with its command line.
   */
  descendants(): { pid: number; args: string }[] {
    const root = this.#child.pid;
    if (root === undefined) return [];
    const table = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' })
      .split('\n')
      .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => ({ pid: Number(match[1]), ppid: Number(match[2]), args: match[3] ?? '' }));
    const found: { pid: number; args: string }[] = [];
    let level = [root];
    while (level.length > 0) {
      const next = table.filter((row) => level.includes(row.ppid));
      found.push(...next.map(({ pid, args }) => ({ pid, args })));
      level = next.map((row) => row.pid);
    }
    return found;
  }

  /**
   * Live processes still in this child's process group (it leads one: spawned `detached`), e.g. an
   * orphaned bot. Zombies (exited, not yet reaped by init) do not count.
   */
  remainingInGroup(): { pid: number; args: string }[] {
    const group = this.#child.pid;
    if (group === undefined) return [];
    return execFileSync('ps', ['-A', '-o', 'pid=,pgid=,stat=,args='], { encoding: 'utf8' })
      .split('\n')
      .map((line) => /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null && Number(match[2]) === group && !(match[3] ?? '').startsWith('Z'))
      .map((match) => ({ pid: Number(match[1]), args: match[4] ?? '' }));
  }

  /** SIGKILLs the whole process group (npx and the node process under it). Safe to call twice. */
  kill(): void {
    if (this.#exit !== null || this.#child.pid === undefined) return;
    try {
      process.kill(-this.#child.pid, 'SIGKILL');
    } catch {
      this.#child.kill('SIGKILL');
    }
  }

  #append(stream: 'stdout' | 'stderr', chunk: Buffer): void {
    if (stream === 'stdout') this.#stdout += chunk.toString();
    else this.#stderr += chunk.toString();
    this.#notify();
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}
