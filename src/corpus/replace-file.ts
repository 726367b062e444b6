import { open, rename, rm } from 'node:fs/promises';

/**
 * Writes `data` to `file` by writing a temporary file beside it, syncing it to disk and renaming
 * it over `file`: a crash or a full disk at any point leaves either the old file or the new one,
 * never half of one, and no temporary file behind. Rejects when it could not be written.
 */
export async function replaceFile(file: string, data: string | Buffer, mode = 0o644): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const handle = await open(temporary, 'w', mode);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}
