/** An error from `node:fs`, which carries a code such as `EACCES`. */
export function isFsError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}

const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOENT: 'it no longer exists',
  ENOTDIR: 'a part of its path is not a folder',
  ELOOP: 'it is a link that leads back to itself',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files on the system',
  EIO: 'the disk reported an error',
  ENXIO: 'it is not a regular file',
  EROFS: 'read-only file system',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
};

/** Why a file system call failed, in words for the person who can fix it. */
export function describeFsError(error: unknown): string {
  if (!isFsError(error)) return String(error);
  return REASONS[error.code ?? ''] ?? error.code ?? error.message;
}

/** What to do about a file or folder of the corpus that could not be read. */
export function fsErrorAdvice(error: unknown, what: 'file' | 'folder'): string {
  const code = isFsError(error) ? error.code : undefined;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return what === 'file'
        ? 'give the user the bot runs as permission to read it (chmod a+r), or move it out of the corpus folder'
        : 'give the user the bot runs as permission to open it (chmod a+rx), or move it out of the corpus folder';
    case 'EMFILE':
    case 'ENFILE':
      return 'raise the limit on open files (ulimit -n) and load again';
    case 'ELOOP':
    case 'ENOENT':
      return 'fix or remove the link';
    default:
      return `check the ${what} and load again`;
  }
}
