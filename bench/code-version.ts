import { execFileSync } from 'node:child_process';

/** Which engine code a run measured: the engine changes often, and results mean little without it. */
export interface CodeVersion {
  readonly commit: string;
  /** Files under src/ that differ from the commit when the run started (read-only `git status`). */
  readonly srcChanges: readonly string[];
}

export function describeCode(root: string): CodeVersion {
  const git = (...args: string[]): string | null => {
    try {
      return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  };
  const commit = git('rev-parse', '--short', 'HEAD') ?? 'unknown (no git)';
  const status = git('status', '--porcelain', '--', 'src') ?? '';
  return {
    commit,
    srcChanges: status
      .split('\n')
      .filter((line) => line !== '')
      // `XY path`; the output was trimmed, so the first line may have lost X's space.
      .map((line) => line.replace(/^\s*\S{1,2}\s+/u, '')),
  };
}

export function codeLine(code: CodeVersion): string {
  const changes = code.srcChanges.length === 0 ? 'src/ as committed' : `src/ with uncommitted changes to ${code.srcChanges.join(', ')}`;
  return `Code: commit ${code.commit}, ${changes}`;
}
