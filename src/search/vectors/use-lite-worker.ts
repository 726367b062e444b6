/** The embedding worker the pool starts by default: USE-lite, loaded once per worker thread. */
import { serveEmbeddings } from './embedding-worker.js';
import { loadUseLite } from './use-lite.js';

await serveEmbeddings(loadUseLite);
