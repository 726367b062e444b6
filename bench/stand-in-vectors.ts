import type { TextEmbedder } from '../src/search/vectors/sentence-vectors.js';

/**
 * A deterministic unit vector for a text, from a hash of it: stands in for the model's where only
 * sizes and times matter. It means nothing, so the candidates it finds are arbitrary.
 */
export function standInVector(text: string, dimensions: number): Float32Array {
  let seed = 2166136261;
  for (let at = 0; at < text.length; at += 1) seed = Math.imul(seed ^ text.charCodeAt(at), 16777619) >>> 0;
  const vector = new Float32Array(dimensions);
  let norm = 0;
  for (let at = 0; at < vector.length; at += 1) {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    const value = seed / 2 ** 32 - 0.5;
    vector[at] = value;
    norm += value * value;
  }
  return vector.map((value) => value / Math.sqrt(norm));
}

/**
 * Stand-in vectors under a real model's id and size, so that the engine takes them for that
 * model's: corpus vectors made in a second or two where the model would take hours (10,000 bench
 * articles), beside questions still embedded by the real model.
 */
export function standInEmbedder(model: string, dimensions: number): TextEmbedder {
  return {
    model,
    dimensions,
    embed: (texts) => Promise.resolve(texts.map((text) => standInVector(text, dimensions))),
  };
}
