import { create, insertMultiple, search, type Orama } from '@orama/orama';
import type { BenchEngine } from './bench-engine.js';

const SCHEMA = { text: 'string' } as const;

/** Orama with default options (threshold 1: a hit needs only some of the words). */
export function createOramaEngine(): BenchEngine {
  let db: Orama<typeof SCHEMA> | null = null;
  return {
    name: 'orama',
    async build({ sentences }) {
      const built = create({ schema: SCHEMA });
      await insertMultiple(
        built,
        sentences.map((sentence, id) => ({ id: String(id), text: sentence.text })),
      );
      db = built;
    },
    async ask(question, limit) {
      if (db === null) throw new Error('ask before build');
      const results = await search(db, { term: question, limit });
      return results.hits.map((hit) => hit.document.text);
    },
  };
}
