import type { TextEmbedder } from '../../../../src/search/vectors/sentence-vectors.js';
import { FAKE_DIMENSIONS, FAKE_MODEL, fakeVector } from './fake-model.js';

/** The fake model in this thread, counting every text it is asked to embed. */
export class CountingEmbedder implements TextEmbedder {
  readonly model = FAKE_MODEL;
  readonly dimensions = FAKE_DIMENSIONS;
  readonly embedded: string[] = [];

  async embed(texts: readonly string[], onProgress?: (done: number, total: number) => void): Promise<Float32Array[]> {
    this.embedded.push(...texts);
    onProgress?.(texts.length, texts.length);
    return texts.map(fakeVector);
  }
}
