import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NEWS_ARTICLES, NEWS_QUESTIONS } from './news-set.js';
import { SQUAD_FILE } from './squad.js';

/**
 * SHA-256 of every file `npm run train` learns from (the SQuAD public half, the news questions
 * and articles): change one and the model in `src/search/model/model.json` is out of date.
 */
export function trainingDataFingerprint(): string {
  const hash = createHash('sha256');
  const files = [
    SQUAD_FILE,
    NEWS_QUESTIONS,
    ...readdirSync(NEWS_ARTICLES)
      .sort()
      .map((name) => join(NEWS_ARTICLES, name)),
  ];
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}
