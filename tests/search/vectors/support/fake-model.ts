import { createHash } from 'node:crypto';
import type { BatchModel } from '../../../../src/search/vectors/use-lite.js';

export const FAKE_MODEL = 'fake-bag-of-words-64';
export const FAKE_DIMENSIONS = 64;

/**
 * A stand-in for the sentence model in tests that are about the pipeline, not meaning: each
 * lower-cased word adds a fixed pseudo-random direction, so texts sharing words are near and
 * the same text always gets the same unit vector, at no load time.
 */
export function fakeVector(text: string): Float32Array {
  const vector = new Float32Array(FAKE_DIMENSIONS);
  for (const word of text.toLowerCase().match(/[a-z0-9]+/gu) ?? []) {
    const digest = createHash('sha256').update(word).digest();
    for (let at = 0; at < FAKE_DIMENSIONS; at += 1) vector[at] = (vector[at] ?? 0) + ((digest[at % digest.length] ?? 0) - 127.5) / 127.5;
  }
  let norm = 0;
  for (const value of vector) norm += value * value;
  if (norm === 0) vector[0] = 1;
  else for (let at = 0; at < FAKE_DIMENSIONS; at += 1) vector[at] = (vector[at] ?? 0) / Math.sqrt(norm);
  return vector;
}

export const fakeModel: BatchModel = {
  model: FAKE_MODEL,
  dimensions: FAKE_DIMENSIONS,
  embed: async (texts) => texts.map(fakeVector),
};
