import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { workerReply, type WorkerRequest } from './embedding-worker.js';
import type { TextEmbedder } from './sentence-vectors.js';
import { USE_LITE_DIMENSIONS, USE_LITE_MODEL } from './use-lite.js';

/** The embedding workers stopped working: every call rejects with this one error from then on. */
export class EmbedderFailedError extends Error {
  override name = 'EmbedderFailedError';
}

export interface EmbeddingPoolOptions {
  /** How many worker threads may embed at once, each with its own copy of the model. Default: `defaultWorkerCount()`. */
  readonly workers?: number;
  /** Texts sent to a worker at a time. Default 16: long enough to amortise a message, short enough that a question waits little. */
  readonly batchSize?: number;
  /** A worker beyond the first is stopped after this long without work, giving its memory back. Default 30 s. */
  readonly idleMs?: number;
  /** The worker's module. Default: the USE-lite worker (`use-lite-worker.ts`). A seam for tests. */
  readonly workerScript?: URL;
  /** The model id and dimensions the worker must report. Default: USE-lite's. */
  readonly model?: string;
  readonly dimensions?: number;
}

/** min(2, cores): embedding is CPU-bound, and the bot's own thread needs a core too. */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

const DEFAULT_BATCH_SIZE = 16;
const DEFAULT_IDLE_MS = 30_000;
const DEFAULT_WORKER = new URL('./use-lite-worker.ts', import.meta.url);

interface Job {
  readonly texts: readonly string[];
  /** A call that fits in one batch (a question) goes ahead of the batches of larger calls. */
  readonly urgent: boolean;
  readonly resolve: (vectors: Float32Array[]) => void;
  readonly reject: (error: Error) => void;
}

interface PoolWorker {
  readonly thread: Worker;
  state: 'loading' | 'idle' | 'busy' | 'stopping';
  job: { readonly id: number; readonly job: Job } | null;
  idleTimer: NodeJS.Timeout | null;
}

/**
 * A `TextEmbedder` over worker threads, so that embedding never runs on the bot's main thread.
 * Workers start when there is work (or on `warmUp`), each loading the model once, and take
 * batches from one queue; a question (a call of one batch) is served before the waiting batches
 * of a corpus. A worker that cannot load the model, throws or exits makes the pool fail: every
 * waiting and later call rejects with one `EmbedderFailedError`, and the callers answer by words.
 */
export class EmbeddingPool implements TextEmbedder {
  readonly model: string;
  readonly dimensions: number;
  readonly #maxWorkers: number;
  readonly #batchSize: number;
  readonly #idleMs: number;
  readonly #script: URL;
  readonly #workers: PoolWorker[] = [];
  readonly #queue: Job[] = [];
  readonly #readyWaiters: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  #failure: EmbedderFailedError | null = null;
  #closed = false;
  #nextId = 0;

  constructor(options: EmbeddingPoolOptions = {}) {
    this.model = options.model ?? USE_LITE_MODEL;
    this.dimensions = options.dimensions ?? USE_LITE_DIMENSIONS;
    this.#maxWorkers = Math.max(1, Math.floor(options.workers ?? defaultWorkerCount()));
    this.#batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE));
    this.#idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
    this.#script = options.workerScript ?? DEFAULT_WORKER;
  }

  /** Why the pool stopped working, once it has. */
  get failure(): EmbedderFailedError | null {
    return this.#failure;
  }

  /** Whether `close()` was called: calls are refused from then on, and that is no failure. */
  get closed(): boolean {
    return this.#closed;
  }

  /** Worker threads alive now (loading or loaded). */
  get workerCount(): number {
    return this.#workers.length;
  }

  embed(texts: readonly string[], onProgress?: (done: number, total: number) => void): Promise<Float32Array[]> {
    const refused = this.#refusal();
    if (refused !== null) return Promise.reject(refused);
    if (texts.length === 0) return Promise.resolve([]);
    const batches: string[][] = [];
    for (let start = 0; start < texts.length; start += this.#batchSize) batches.push(texts.slice(start, start + this.#batchSize));
    const urgent = batches.length === 1;
    let done = 0;
    const batchPromises = batches.map(
      (batch) =>
        new Promise<Float32Array[]>((resolve, reject) => {
          this.#enqueue({
            texts: batch,
            urgent,
            resolve: (vectors) => {
              done += batch.length;
              onProgress?.(done, texts.length);
              resolve(vectors);
            },
            reject,
          });
        }),
    );
    this.#pump();
    return Promise.all(batchPromises).then((parts) => parts.flat());
  }

  /** Starts a worker if none is running; resolves once one has loaded the model, rejects when none can. */
  warmUp(): Promise<void> {
    const refused = this.#refusal();
    if (refused !== null) return Promise.reject(refused);
    if (this.#workers.some((worker) => worker.state === 'idle' || worker.state === 'busy')) return Promise.resolve();
    const ready = new Promise<void>((resolve, reject) => this.#readyWaiters.push({ resolve, reject }));
    if (!this.#workers.some((worker) => worker.state === 'loading')) this.#spawn();
    return ready;
  }

  /** Stops every worker; calls still waiting reject. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const error = new Error('the embedding pool was closed');
    for (const job of this.#queue.splice(0)) job.reject(error);
    for (const waiter of this.#readyWaiters.splice(0)) waiter.reject(error);
    await Promise.all([...this.#workers].map((worker) => this.#stop(worker, error)));
  }

  #refusal(): Error | null {
    if (this.#failure !== null) return this.#failure;
    return this.#closed ? new Error('the embedding pool was closed') : null;
  }

  #enqueue(job: Job): void {
    if (!job.urgent) {
      this.#queue.push(job);
      return;
    }
    const firstBulk = this.#queue.findIndex((queued) => !queued.urgent);
    this.#queue.splice(firstBulk === -1 ? this.#queue.length : firstBulk, 0, job);
  }

  #pump(): void {
    if (this.#failure !== null || this.#closed) return;
    for (const worker of this.#workers) {
      if (this.#queue.length === 0) break;
      if (worker.state !== 'idle') continue;
      const job = this.#queue.shift();
      if (job !== undefined) this.#assign(worker, job);
    }
    const loading = this.#workers.filter((worker) => worker.state === 'loading').length;
    while (this.#queue.length > loading && this.#workers.length < this.#maxWorkers) {
      this.#spawn();
      if (this.#queue.length <= loading + 1) break;
    }
  }

  #assign(worker: PoolWorker, job: Job): void {
    if (worker.idleTimer !== null) clearTimeout(worker.idleTimer);
    worker.idleTimer = null;
    const id = this.#nextId++;
    worker.state = 'busy';
    worker.job = { id, job };
    worker.thread.ref();
    const request: WorkerRequest = { kind: 'embed', id, texts: [...job.texts] };
    worker.thread.postMessage(request);
  }

  #spawn(): void {
    const thread = startWorker(this.#script);
    const worker: PoolWorker = { thread, state: 'loading', job: null, idleTimer: null };
    this.#workers.push(worker);
    thread.on('message', (message: unknown) => this.#onMessage(worker, message));
    thread.on('error', (error: Error) => this.#fail(worker, `the embedding worker stopped with an error: ${error.message}`));
    thread.on('exit', (code) => {
      if (worker.state !== 'stopping') this.#fail(worker, `the embedding worker exited unexpectedly (exit code ${code})`);
      this.#forget(worker);
    });
  }

  #onMessage(worker: PoolWorker, message: unknown): void {
    const parsed = workerReply.safeParse(message);
    if (!parsed.success) {
      this.#fail(worker, 'the embedding worker sent a message the pool does not understand');
      return;
    }
    const reply = parsed.data;
    switch (reply.kind) {
      case 'ready':
        if (reply.model !== this.model || reply.dimensions !== this.dimensions) {
          this.#fail(
            worker,
            `the embedding worker loaded ${reply.model} (${reply.dimensions} dimensions), not ${this.model} (${this.dimensions})`,
          );
          return;
        }
        for (const waiter of this.#readyWaiters.splice(0)) waiter.resolve();
        this.#becomeIdle(worker);
        return;
      case 'failed':
        this.#fail(worker, `the embedding worker could not load its model: ${reply.message}`);
        return;
      case 'error':
        this.#fail(worker, `the embedding worker failed on a batch of texts: ${reply.message}`);
        return;
      case 'vectors': {
        const running = worker.job;
        if (running === null || running.id !== reply.id) {
          this.#fail(worker, 'the embedding worker answered a batch it was not given');
          return;
        }
        const { texts } = running.job;
        if (reply.vectors.length !== texts.length * this.dimensions) {
          this.#fail(
            worker,
            `the embedding worker gave ${reply.vectors.length} numbers for ${texts.length} texts of ${this.dimensions} dimensions`,
          );
          return;
        }
        worker.job = null;
        const vectors = texts.map((_text, row) => reply.vectors.subarray(row * this.dimensions, (row + 1) * this.dimensions));
        this.#becomeIdle(worker);
        running.job.resolve(vectors);
        return;
      }
    }
  }

  #becomeIdle(worker: PoolWorker): void {
    worker.state = 'idle';
    this.#pump();
    if (worker.state !== 'idle') return;
    // An idle worker must not keep a finished command alive; one is kept loaded for questions.
    worker.thread.unref();
    if (this.#workers.length > 1)
      worker.idleTimer = setTimeout(() => {
        if (worker.state === 'idle' && this.#workers.length > 1) void this.#stop(worker, null);
      }, this.#idleMs).unref();
  }

  #fail(worker: PoolWorker, message: string): void {
    if (this.#failure !== null || this.#closed || worker.state === 'stopping') return;
    const failure = new EmbedderFailedError(message);
    this.#failure = failure;
    for (const job of this.#queue.splice(0)) job.reject(failure);
    for (const waiter of this.#readyWaiters.splice(0)) waiter.reject(failure);
    for (const other of [...this.#workers]) void this.#stop(other, failure);
  }

  async #stop(worker: PoolWorker, error: Error | null): Promise<void> {
    if (worker.state === 'stopping') return;
    worker.state = 'stopping';
    if (worker.idleTimer !== null) clearTimeout(worker.idleTimer);
    if (worker.job !== null && error !== null) worker.job.job.reject(error);
    worker.job = null;
    this.#forget(worker);
    await worker.thread.terminate();
  }

  #forget(worker: PoolWorker): void {
    const at = this.#workers.indexOf(worker);
    if (at !== -1) this.#workers.splice(at, 1);
  }
}

/**
 * A worker for `script`. Node 20's worker threads do not inherit tsx's loader, so a TypeScript
 * script is imported through tsx's own API from a one-line bootstrap.
 */
function startWorker(script: URL): Worker {
  if (!script.pathname.endsWith('.ts')) return new Worker(script);
  // Resolved here, not in the worker, whose bare imports would resolve from the working directory.
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ tsImport }) => tsImport(${JSON.stringify(script.href)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(bootstrap, { eval: true });
}
