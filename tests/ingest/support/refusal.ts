import { IngestRefusal } from '../../../src/ingest/ingest-refusal.js';

/** The `IngestRefusal` that `promise` rejects with; fails the test if it resolves or rejects otherwise. */
export async function refusal(promise: Promise<unknown>): Promise<IngestRefusal> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof IngestRefusal)) throw new Error(`expected an IngestRefusal, got ${String(error)}`);
  return error;
}
