/**
 * The one place that reaches past MiniSearch's documented API. Two shortcuts, each kept for a
 * cost measured side by side (figures in `bench/README.md`, "Why the index reaches into MiniSearch"):
 *
 * - The index is not built by `addAll`: its serialised form is laid out from our term ids and
 *   loaded with `MiniSearch.loadJS` (marked `@ignore` in MiniSearch's docs). Building, and
 *   restoring a snapshot, through `addAll` or `toJSON` / `loadJSON` took several times longer.
 * - Spelling-tolerant look-ups of a term use MiniSearch's own radix tree (its private `_index`),
 *   so the vocabulary is not held in a second tree beside it; a fuzzy `search` scores every
 *   sentence of every near term, which made one typo cost tens of milliseconds.
 *
 * Both depend on how MiniSearch works inside, so `package.json` pins its exact version and
 * `checkMiniSearchVersion` refuses to run on any other; `tests/search/index/` checks that the
 * laid-out index equals, field for field, the one `add` builds on a realistic corpus.
 */
import { createRequire } from 'node:module';
import MiniSearch, { type AsPlainObject } from 'minisearch';
import { packageVersion } from './package-version.js';
import type { SentenceTerms } from './sentence-terms.js';
import type { Stepwise } from './stepwise.js';

/** The MiniSearch version this file was written for, pinned in `package.json`. */
export const MINISEARCH_VERSION = '7.2.0';

/** Thrown at start-up when the installed MiniSearch is not the one this index was written for. */
export class MiniSearchVersionError extends Error {
  override name = 'MiniSearchVersionError';
}

/** Why MiniSearch `installed` cannot hold this index, or null when it is the version written for. */
export function miniSearchVersionProblem(installed: string): string | null {
  if (installed === MINISEARCH_VERSION) return null;
  return (
    `the sentence index was written for MiniSearch ${MINISEARCH_VERSION} exactly (it lays out MiniSearch's saved index itself), ` +
    `but MiniSearch ${installed} is installed. Run \`npm ci\` to install the versions in package-lock.json.`
  );
}

let installedChecked = false;

/** Throws a `MiniSearchVersionError` saying what to do unless the installed MiniSearch is `MINISEARCH_VERSION`. */
export function checkMiniSearchVersion(): void {
  if (installedChecked) return;
  const problem = miniSearchVersionProblem(packageVersion(createRequire(import.meta.url), 'minisearch'));
  if (problem !== null) throw new MiniSearchVersionError(problem);
  installedChecked = true;
}

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

/**
 * An empty MiniSearch for sentences given as analysed terms. Adding sentences to it one by one
 * builds the index `sentenceMiniSearchData` lays out directly; tests compare the two.
 */
export function newSentenceMiniSearch(): MiniSearch<SentenceDocument> {
  return new MiniSearch<SentenceDocument>(OPTIONS);
}

export function sentenceDocument(id: number, terms: readonly string[]): SentenceDocument {
  return { id, text: terms.join(' ') };
}

/** MiniSearch over the sentences `data` describes (see `sentenceMiniSearchData`). */
export function loadSentenceMiniSearch(data: AsPlainObject): MiniSearch<SentenceDocument> {
  return MiniSearch.loadJS<SentenceDocument>(data, OPTIONS);
}

/** `loadSentenceMiniSearch`, pausing for the event loop every 1,000 terms (MiniSearch's own async loader). */
export function loadSentenceMiniSearchInSlices(data: AsPlainObject): Promise<MiniSearch<SentenceDocument>> {
  return MiniSearch.loadJSAsync<SentenceDocument>(data, OPTIONS);
}

/**
 * MiniSearch's serialised form (its `toJSON`) of the index that adding every sentence of
 * `terms` as a `SentenceDocument` (ids 0, 1, ...) builds: per term, the sentences that hold it
 * and how often; per sentence, its number of distinct terms (MiniSearch's field length); and
 * their running average, computed in MiniSearch's own order of operations. MiniSearch's index
 * is a function of the sentences' terms, and loading it skips tokenising and inserting every
 * term of every sentence into its tree one by one. Yields now and then, for callers that
 * must let the event loop run.
 */
export function* sentenceMiniSearchData(terms: SentenceTerms): Stepwise<AsPlainObject> {
  // Filled in key order 0 .. n-1, so that V8 keeps them as fast elements.
  const documentIds: Record<number, number> = {};
  const fieldLength: Record<number, number[]> = {};
  let averageLength = 0;
  for (let id = 0; id < terms.size; id += 1) {
    const length = terms.distinctCount(id);
    documentIds[id] = id;
    fieldLength[id] = [length];
    averageLength = (averageLength * id + length) / (id + 1);
  }
  yield;
  const postings = yield* postingsOf(terms);
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

const TERMS_PER_SLICE = 20_000;

/** For each term id, the sentences holding it and how often, as MiniSearch's `{ sentence: count }`. */
function* postingsOf(terms: SentenceTerms): Stepwise<Array<Record<number, number>>> {
  // Grouped by term first in flat arrays, so that each term's object is made in one go with
  // its keys in ascending order: several times faster than filling 100,000s of objects at once.
  const starts = new Uint32Array(terms.vocabularySize + 1);
  for (let id = 0; id < terms.size; id += 1) {
    for (const termId of terms.idsOf(id)) starts[termId + 1] = (starts[termId + 1] ?? 0) + 1;
  }
  for (let termId = 0; termId < terms.vocabularySize; termId += 1) starts[termId + 1] = (starts[termId + 1] ?? 0) + (starts[termId] ?? 0);
  const next = starts.slice();
  const sentences = new Uint32Array(starts[terms.vocabularySize] ?? 0);
  for (let id = 0; id < terms.size; id += 1) {
    for (const termId of terms.idsOf(id)) {
      const at = next[termId] ?? 0;
      sentences[at] = id;
      next[termId] = at + 1;
    }
  }
  yield;
  const postings: Array<Record<number, number>> = [];
  for (let termId = 0; termId < terms.vocabularySize; termId += 1) {
    const docs: Record<number, number> = {};
    const end = starts[termId + 1] ?? 0;
    // A term's sentences come in ascending order, so a sentence that says it twice comes twice in a row.
    for (let at = starts[termId] ?? 0; at < end; ) {
      const id = sentences[at] ?? 0;
      let count = 1;
      while (at + count < end && sentences[at + count] === id) count += 1;
      docs[id] = count;
      at += count;
    }
    postings.push(docs);
    if ((termId + 1) % TERMS_PER_SLICE === 0) yield;
  }
  return postings;
}

/** A term of MiniSearch's index within some edits of a looked-up term. */
export interface NearTerm {
  readonly term: string;
  readonly distance: number;
}

interface FuzzyTree {
  fuzzyGet(key: string, maxEditDistance: number): Map<string, [unknown, number]>;
}

function isFuzzyTree(value: unknown): value is FuzzyTree {
  return typeof value === 'object' && value !== null && typeof (value as { fuzzyGet?: unknown }).fuzzyGet === 'function';
}

/** The terms of `search`'s index within `maxDistance` edits of `term` (itself included when indexed). */
export function nearTerms(search: MiniSearch<SentenceDocument>, term: string, maxDistance: number): NearTerm[] {
  const tree: unknown = Reflect.get(search, '_index');
  if (!isFuzzyTree(tree)) throw new MiniSearchVersionError(`MiniSearch ${MINISEARCH_VERSION}'s index tree is not where it was expected`);
  return [...tree.fuzzyGet(term, maxDistance)].map(([near, [, distance]]) => ({ term: near, distance }));
}
