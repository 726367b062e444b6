import { constants, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { describeFsError, fsErrorAdvice, isFsError } from './fs-error.js';

/**
 * The largest article (or alias) file that is read: 20 MB, hundreds of times a long news
 * article. A bigger file is far more likely a mistake (a dump, a video renamed .txt) than an
 * article, and would be read whole into memory.
 */
export const MAX_CORPUS_FILE_BYTES = 20_000_000;

/** A corpus file's bytes, or why they could not be read. */
export type CorpusFileRead =
  | { readonly ok: true; readonly bytes: Buffer }
  | {
      readonly ok: false;
      /** For the person: "cannot be read (permission denied); give …". */
      readonly message: string;
      /**
       * The `node:fs` error code when reading failed (an I/O error, which may pass: permission,
       * too many open files); null when the file was refused for what it is (not a regular file, too big).
       */
      readonly code: string | null;
    };

/**
 * Opening without blocking: opening a named pipe for reading otherwise waits for a writer,
 * forever, and holds one of libuv's few threads meanwhile (so that even SIGTERM's handler
 * cannot finish). A regular file reads the same either way.
 */
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

/**
 * Reads one file of the corpus, if it is a regular file (through any link) of at most `maxBytes`.
 * Never throws: a file that cannot be read is one bad file, and the rest of the corpus still
 * loads. The loader and the fingerprint both read through here.
 */
export async function readCorpusFile(path: string, maxBytes = MAX_CORPUS_FILE_BYTES): Promise<CorpusFileRead> {
  let handle: FileHandle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    return ioFailure(error);
  }
  try {
    // The checks are made on the opened file, so that nothing can be swapped in between.
    const info = await handle.stat();
    if (!info.isFile()) return refused(notRegularFileMessage(info));
    if (info.size > maxBytes) return refused(tooLargeMessage(info.size, maxBytes));
    const bytes = await handle.readFile();
    // It grew while being read.
    if (bytes.length > maxBytes) return refused(tooLargeMessage(bytes.length, maxBytes));
    return { ok: true, bytes };
  } catch (error) {
    return ioFailure(error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** "a named pipe", "a device", …: what a file that is not a regular file is, for a message. */
export function fileKind(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  if (info.isDirectory()) return 'a folder';
  return 'not a regular file';
}

function notRegularFileMessage(info: Stats): string {
  return `is not a regular file (${fileKind(info)}); only regular files are read, so it was skipped`;
}

function tooLargeMessage(bytes: number, maxBytes: number): string {
  return `is ${(bytes / 1e6).toFixed(1)} MB, more than the ${Math.round(maxBytes / 1e6)} MB an article file may be; split it into smaller articles`;
}

function refused(message: string): CorpusFileRead {
  return { ok: false, message, code: null };
}

function ioFailure(error: unknown): CorpusFileRead {
  return {
    ok: false,
    message: `cannot be read (${describeFsError(error)}); ${fsErrorAdvice(error, 'file')}`,
    code: isFsError(error) ? (error.code ?? 'EIO') : 'EIO',
  };
}
