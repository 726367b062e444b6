import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SQUAD_FILE } from '../eval/squad.js';
import { QA_SETS } from './sets.js';

/**
 * SHA-256 of every file `npm run train` may read (the SQuAD public half, and every question set's
 * questions and articles): change one and the model in `src/search/model/model.json` is out of date.
 */
export function trainingDataFingerprint(): string {
  const hash = createHash('sha256');
  const files = [
    SQUAD_FILE,
    ...[...new Set(Object.values(QA_SETS).map((set) => set.articles))].flatMap((dir) =>
      readdirSync(dir)
        .sort()
        .map((name) => join(dir, name)),
    ),
    ...Object.values(QA_SETS).map((set) => set.questions),
  ];
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}
