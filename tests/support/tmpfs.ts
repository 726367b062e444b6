/**
 * Small file systems of our own for tests that need a real full disk or a real read-only one:
 * `mount -t tmpfs`, which only root may do (CI runs as root). Elsewhere the tests that need one
 * are skipped, and say why.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Why a tmpfs cannot be mounted here, or null when it can. */
export const whyNoTmpfs: string | null = probeTmpfs();

function probeTmpfs(): string | null {
  if (process.platform !== 'linux') return 'tmpfs mounts need Linux';
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root (CI runs the tests as root)';
  return null;
}

export interface Tmpfs {
  readonly dir: string;
  /** Makes the mounted file system read-only (`mount -o remount,ro`). */
  readOnly(): void;
  unmount(): Promise<void>;
}

/** Mounts a tmpfs of `sizeBytes` on a new temporary folder. */
export async function mountTmpfs(sizeBytes: number): Promise<Tmpfs> {
  const dir = await mkdtemp(join(tmpdir(), 'tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes},mode=0755`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    dir,
    readOnly: () => {
      execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'pipe' });
    },
    unmount: async () => {
      execFileSync('umount', [dir], { stdio: 'pipe' });
      await rm(dir, { recursive: true, force: true });
    },
  };
}
