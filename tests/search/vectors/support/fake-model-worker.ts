/** An embedding worker serving `fakeModel`: the pool's real protocol without the real model's cost. */
import { serveEmbeddings } from '../../../../src/search/vectors/embedding-worker.js';
import { fakeModel } from './fake-model.js';

await serveEmbeddings(async () => fakeModel);
