import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

/** The engine code a run compares against: where its checkout is, and what to call it in the tables. */
export interface BeforeCheckout {
  readonly dir: string;
  /** The short commit (or the folder's name when it is not a git checkout). */
  readonly name: string;
}

/** The files of a commit that the engine before needs: its source, and what makes tsx read it as this repository's. */
const EXPORTED = ['src', 'package.json', 'tsconfig.json'];

/**
 * `--before REF`: a folder holding a checkout of the engine to compare against (with
 * `node_modules` reachable from it), or a commit of this repository, whose files are then
 * exported once with `git archive` (read-only: no worktree, no branch) to a folder under the
 * system's temporary folder, reused by later runs, with this checkout's `node_modules` linked
 * into it. Throws an Error meant for the person running the bench.
 */
export function beforeCheckout(ref: string, root: string): BeforeCheckout {
  const folder = resolve(ref);
  if (existsSync(folder) && statSync(folder).isDirectory()) return fromFolder(folder);
  const commit = git(root, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`);
  if (commit === null) throw new Error(`--before ${ref}: neither a folder nor a commit of this repository`);
  const name = commit.slice(0, 7);
  const dir = join(tmpdir(), `article-qa-bot-at-${commit.slice(0, 12)}`);
  if (!existsSync(join(dir, '.exported'))) exportCommit(root, commit, dir);
  else if (!existsSync(join(dir, 'node_modules'))) {
    // Exported by a checkout since removed: its link to that checkout's packages leads nowhere.
    rmSync(join(dir, 'node_modules'), { force: true });
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  }
  return { dir, name };
}

function fromFolder(dir: string): BeforeCheckout {
  if (!existsSync(join(dir, 'src/search/engine.ts')))
    throw new Error(`--before ${dir}: no src/search/engine.ts there; give a checkout of this repository or a commit`);
  if (!existsSync(join(dir, 'node_modules')))
    throw new Error(
      `--before ${dir}: it has no node_modules; run npm ci there, or link this checkout's: ln -s "$PWD/node_modules" ${dir}/node_modules`,
    );
  return { dir, name: git(dir, 'rev-parse', '--short=7', 'HEAD') ?? basename(dir) };
}

function exportCommit(root: string, commit: string, dir: string): void {
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const archive = execFileSync('git', ['archive', '--format=tar', commit, ...EXPORTED], { cwd: root, maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', partial], { input: archive });
  symlinkSync(join(root, 'node_modules'), join(partial, 'node_modules'), 'dir');
  writeFileSync(join(partial, '.exported'), `${commit}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
}

function git(cwd: string, ...args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null;
  } catch {
    return null;
  }
}
