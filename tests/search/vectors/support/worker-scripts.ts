import { FAKE_DIMENSIONS, FAKE_MODEL } from './fake-model.js';

/** Worker scripts for `EmbeddingPool`'s `workerScript` seam. */
export const workerScripts = {
  fake: new URL('./fake-model-worker.ts', import.meta.url),
  unloadable: new URL('./unloadable-model-worker.ts', import.meta.url),
  throwing: new URL('./throwing-worker.ts', import.meta.url),
  exiting: new URL('./exiting-worker.ts', import.meta.url),
} as const;

/** Pool options for the fake model's workers. */
export function fakePoolOptions(script: URL = workerScripts.fake) {
  return { workerScript: script, model: FAKE_MODEL, dimensions: FAKE_DIMENSIONS } as const;
}
