/** An embedding worker that loads, then exits on the first batch it is given (as a crash would). */
import { serveEmbeddings } from '../../../../src/search/vectors/embedding-worker.js';
import { FAKE_DIMENSIONS, FAKE_MODEL } from './fake-model.js';

await serveEmbeddings(async () => ({
  model: FAKE_MODEL,
  dimensions: FAKE_DIMENSIONS,
  embed: async () => process.exit(3),
}));
