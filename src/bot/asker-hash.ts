import { createHmac, randomBytes } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describeFsError } from '../corpus/fs-error.js';

/** The secret's file name, beside the question log (in its data folder). */
export const SECRET_FILE_NAME = 'question-log.secret';
const SECRET_BYTES = 32;
/** The hash is cut to 128 bits: enough never to collide among a server's members, shorter lines. */
const HASH_HEX_LENGTH = 32;

/**
 * Who asked, as the question log keeps it: an HMAC-SHA256 of the Discord id keyed with this
 * install's secret. The same person always gets the same hash (so "how many people asked" can be
 * counted), but a Discord id cannot be found from a hash without the secret: ids are few enough
 * (about 2^60) that a plain hash of one could be reversed by trying them all, a keyed one cannot.
 */
export class AskerHash {
  readonly #secret: Buffer;

  constructor(secret: Buffer) {
    if (secret.length < SECRET_BYTES) throw new RangeError(`the secret must be at least ${SECRET_BYTES} bytes`);
    this.#secret = secret;
  }

  of(userId: string): string {
    return createHmac('sha256', this.#secret).update(userId, 'utf8').digest('hex').slice(0, HASH_HEX_LENGTH);
  }
}

/** Where the secret for the log at `logFile` lives: `question-log.secret` in the same folder. */
export function secretFileFor(logFile: string): string {
  return join(dirname(logFile), SECRET_FILE_NAME);
}

/**
 * This install's secret: read from `file`, or made (32 random bytes, hex) and written there with
 * permissions for the bot's user only the first time. Never logged. Rejects with a message saying
 * what to do when the file is unreadable or not a secret this code wrote.
 */
export async function loadOrCreateSecret(file: string): Promise<Buffer> {
  const secret = randomBytes(SECRET_BYTES);
  const unwritable = (error: unknown): Error =>
    new Error(`the question log's secret ${file} could not be written (${describeFsError(error)})`, { cause: error });
  await mkdir(dirname(file), { recursive: true }).catch((error: unknown) => {
    throw unwritable(error);
  });
  try {
    // `wx`: made once; should two processes race, the second reads what the first wrote.
    const handle = await open(file, 'wx', 0o600);
    try {
      await handle.writeFile(`${secret.toString('hex')}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return secret;
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw unwritable(error);
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`the question log's secret ${file} could not be read (${describeFsError(error)})`, { cause: error });
  }
  const hex = text.trim();
  if (!new RegExp(`^[0-9a-f]{${SECRET_BYTES * 2}}$`, 'u').test(hex)) {
    throw new Error(
      `${file} is not a question log secret (${SECRET_BYTES * 2} hexadecimal digits). Delete it to have a new one made; ` +
        'people in lines written before will then no longer match people in lines written after.',
    );
  }
  return Buffer.from(hex, 'hex');
}
