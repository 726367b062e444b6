import { parentPort } from 'node:worker_threads';
import { z } from 'zod';
import type { BatchModel } from './use-lite.js';

/**
 * The two sides of an embedding worker's messages. The pool (`embedding-pool.ts`) sends texts;
 * the worker, which loaded its model once, answers with their vectors as one Float32Array
 * (transferred, not copied), or says once why it cannot work.
 */
export const workerReply = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ready'), model: z.string(), dimensions: z.number().int().positive() }),
  z.object({ kind: z.literal('failed'), message: z.string() }),
  z.object({ kind: z.literal('vectors'), id: z.number().int(), vectors: z.instanceof(Float32Array) }),
  z.object({ kind: z.literal('error'), id: z.number().int(), message: z.string() }),
]);
export type WorkerReply = z.infer<typeof workerReply>;

export const workerRequest = z.object({ kind: z.literal('embed'), id: z.number().int(), texts: z.array(z.string()) });
export type WorkerRequest = z.infer<typeof workerRequest>;

/**
 * Runs in a worker thread: loads the model once, says `ready` (or `failed` and stops), then
 * embeds every batch it is sent. A worker script is one line calling this with its model's loader.
 */
export async function serveEmbeddings(load: () => Promise<BatchModel>): Promise<void> {
  const port = parentPort;
  if (port === null) throw new Error('serveEmbeddings runs in a worker thread started by the embedding pool');
  const send = (reply: WorkerReply, transfer: ArrayBuffer[] = []): void => port.postMessage(reply, transfer);
  let model: BatchModel;
  try {
    model = await load();
  } catch (error) {
    send({ kind: 'failed', message: messageOf(error) });
    port.close();
    return;
  }
  send({ kind: 'ready', model: model.model, dimensions: model.dimensions });
  // One batch at a time: the pool sends the next only after this one's answer.
  port.on('message', (message: unknown) => {
    const request = workerRequest.safeParse(message);
    if (!request.success) return;
    const { id, texts } = request.data;
    model.embed(texts).then(
      (vectors) => {
        const joined = new Float32Array(texts.length * model.dimensions);
        for (const [row, vector] of vectors.entries()) joined.set(vector, row * model.dimensions);
        send({ kind: 'vectors', id, vectors: joined }, [joined.buffer]);
      },
      (error: unknown) => send({ kind: 'error', id, message: messageOf(error) }),
    );
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
