import { readFile } from 'node:fs/promises';
import { describeFsError, fsErrorAdvice, isFsError } from './fs-error.js';

/** A corpus file's bytes, or why they could not be read. */
export type CorpusFileRead =
  | { readonly ok: true; readonly bytes: Buffer }
  | {
      readonly ok: false;
      /** For the person: "cannot be read (permission denied); give …". */
      readonly message: string;
      /** The `node:fs` error code, when the read failed with one. */
      readonly code: string | null;
    };

/**
 * Reads one file of the corpus. Never throws: a file that cannot be read is one bad file, and the
 * rest of the corpus still loads. The loader and the fingerprint both read through here.
 */
export async function readCorpusFile(path: string): Promise<CorpusFileRead> {
  try {
    return { ok: true, bytes: await readFile(path) };
  } catch (error) {
    return {
      ok: false,
      message: `cannot be read (${describeFsError(error)}); ${fsErrorAdvice(error, 'file')}`,
      code: isFsError(error) ? (error.code ?? null) : null,
    };
  }
}
