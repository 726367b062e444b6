/** An error from `node:fs`, which carries a code such as `EACCES`. */
export function isFsError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}

/** Why a file system call failed, in words for the person who can fix it. */
export function describeFsError(error: unknown): string {
  if (!isFsError(error)) return String(error);
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EISDIR: 'it is a folder',
    ENOENT: 'it no longer exists',
    EMFILE: 'too many open files',
  };
  return reasons[error.code ?? ''] ?? error.code ?? error.message;
}
