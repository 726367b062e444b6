/** An embedding worker whose model cannot load (as when its files are missing). */
import { serveEmbeddings } from '../../../../src/search/vectors/embedding-worker.js';

await serveEmbeddings(async () => {
  throw new Error('model.json is missing');
});
