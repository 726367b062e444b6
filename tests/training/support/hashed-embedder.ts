import { createHash } from 'node:crypto';
import type { TextEmbedder } from '../../../src/search/vectors/sentence-vectors.js';

/**
 * A stand-in embedder for tests of the training machinery (not of quality): each word adds a
 * fixed pseudo-random direction, so texts sharing words are alike. Counts the texts it embeds.
 */
export function hashedEmbedder(dimensions = 16): TextEmbedder & { embedded: number } {
  const embedder = {
    model: `hashed-${dimensions}`,
    dimensions,
    embedded: 0,
    async embed(texts: readonly string[]): Promise<Float32Array[]> {
      embedder.embedded += texts.length;
      return texts.map((text) => {
        const vector = new Float32Array(dimensions);
        for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
          const digest = createHash('sha256').update(word).digest();
          for (let at = 0; at < dimensions; at += 1) vector[at] = (vector[at] ?? 0) + ((digest[at % digest.length] ?? 0) - 127.5) / 127.5;
        }
        return vector;
      });
    },
  };
  return embedder;
}
