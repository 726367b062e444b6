import MiniSearch, { type AsPlainObject } from 'minisearch';
import type { SentenceTerms } from './sentence-terms.js';

/** A sentence as MiniSearch stores it: its analysed terms joined by spaces. */
export interface SentenceDocument {
  readonly id: number;
  readonly text: string;
}

export const SENTENCE_FIELD = 'text';

// Terms arrive analysed: MiniSearch only splits them apart again.
const OPTIONS = {
  fields: [SENTENCE_FIELD],
  storeFields: [],
  tokenize: (text: string): string[] => (text === '' ? [] : text.split(' ')),
  processTerm: (term: string): string => term,
};

/** An empty MiniSearch for sentences given as analysed terms. */
export function newSentenceMiniSearch(): MiniSearch<SentenceDocument> {
  return new MiniSearch<SentenceDocument>(OPTIONS);
}

export function sentenceDocument(id: number, terms: readonly string[]): SentenceDocument {
  return { id, text: terms.join(' ') };
}

/**
 * The MiniSearch that adding every sentence of `terms` as a `SentenceDocument` (ids 0, 1, ...)
 * builds, loaded from its serialised form instead: MiniSearch's index is a function of the
 * sentences' terms, and loading skips its tokenising and tree inserts term by term.
 */
export function loadSentenceMiniSearch(terms: SentenceTerms): MiniSearch<SentenceDocument> {
  return MiniSearch.loadJS<SentenceDocument>(miniSearchDataOf(terms), OPTIONS);
}

/**
 * MiniSearch's serialised form (its `toJSON`) of that index: per term, the sentences that
 * hold it and how often; per sentence, its number of distinct terms (MiniSearch's field
 * length); and their running average, computed in MiniSearch's own order of operations.
 */
export function miniSearchDataOf(terms: SentenceTerms): AsPlainObject {
  const postings: Array<Record<number, number>> = Array.from({ length: terms.vocabularySize }, () => ({}));
  const documentIds: Record<number, number> = {};
  const fieldLength: Record<number, number[]> = {};
  let averageLength = 0;
  for (let id = 0; id < terms.size; id += 1) {
    for (const termId of terms.idsOf(id)) {
      const docs = postings[termId];
      if (docs !== undefined) docs[id] = (docs[id] ?? 0) + 1;
    }
    const length = terms.distinctCount(id);
    documentIds[id] = id;
    fieldLength[id] = [length];
    averageLength = (averageLength * id + length) / (id + 1);
  }
  return {
    documentCount: terms.size,
    nextId: terms.size,
    documentIds,
    fieldIds: { [SENTENCE_FIELD]: 0 },
    fieldLength,
    averageFieldLength: terms.size === 0 ? [] : [averageLength],
    storedFields: {},
    dirtCount: 0,
    index: postings.map((docs, termId): [string, Record<string, Record<string, number>>] => [terms.termOf(termId), { 0: docs }]),
    serializationVersion: 2,
  };
}
