import type { IndexedCorpus } from '../indexed-corpus.js';
import { type CorpusVectors, quantise, type TextEmbedder, TextVectors } from './sentence-vectors.js';
import type { VectorCache } from './vector-cache.js';

/** A corpus's vectors without the question side: what a snapshot saves and restores. */
export interface SavedVectors {
  readonly model: string;
  /** One row per sentence id of the index. */
  readonly sentences: TextVectors;
  /** One row per article, in corpus order: its title's vector. */
  readonly titles: TextVectors;
}

/** What `vectorsFor` is about to do, before it embeds anything. */
export interface VectorPlan {
  /** Distinct texts the corpus needs vectors for (sentences and titles). */
  readonly texts: number;
  /** Of those, found in the cache. */
  readonly cached: number;
  /** Of those, to embed now. */
  readonly toEmbed: number;
}

export interface VectorsForOptions {
  /** Vectors already computed; the texts found there are not embedded again, and those embedded are added to it. */
  readonly cache?: VectorCache | null;
  /** Hears the plan once, before any text is embedded. */
  readonly onPlan?: (plan: VectorPlan) => void;
  /** `done` of the `total` texts to embed now, as batches finish. */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Hears why the cache could not be read or written (the vectors are still computed; the next
   * run computes them again). Without it, such problems are ignored.
   */
  readonly onCacheProblem?: (problem: Error) => void;
}

/** Texts are embedded and saved in the cache this many at a time, so that an interrupted first run keeps what it did. */
const SAVE_EVERY = 512;

/**
 * The sentence and title vectors of an indexed corpus: from the cache where it has them, the
 * rest embedded by `embedder` (and added to the cache). Each distinct text is embedded once.
 * Rejects when the embedder does (`EmbedderFailedError`): the caller then answers by words.
 */
export async function vectorsFor(indexed: IndexedCorpus, embedder: TextEmbedder, options: VectorsForOptions = {}): Promise<CorpusVectors> {
  return corpusVectorsOf(await computeVectors(indexed, embedder, options), embedder);
}

/** `vectorsFor` without the question side, e.g. for a snapshot. */
export async function computeVectors(
  indexed: IndexedCorpus,
  embedder: TextEmbedder,
  options: VectorsForOptions = {},
): Promise<SavedVectors> {
  const { dimensions } = embedder;
  const sentenceTexts = indexed.index.sentences.map((sentence) => sentence.text);
  const titleTexts = indexed.corpus.articles.map((article) => article.title);
  const slotOf = new Map<string, number>();
  const distinct: string[] = [];
  const slots = [...sentenceTexts, ...titleTexts].map((text) => {
    let slot = slotOf.get(text);
    if (slot === undefined) {
      slot = distinct.length;
      slotOf.set(text, slot);
      distinct.push(text);
    }
    return slot;
  });

  const cache = options.cache?.model === embedder.model && options.cache.dimensions === dimensions ? options.cache : null;
  let rows: Int8Array = new Int8Array(distinct.length * dimensions);
  let factors: Float32Array = new Float32Array(distinct.length);
  let missing: readonly number[] = distinct.map((_text, slot) => slot);
  if (cache !== null) {
    try {
      ({ rows, factors, missing } = await cache.find(distinct));
    } catch (error) {
      options.onCacheProblem?.(asError(error));
    }
  }
  options.onPlan?.({ texts: distinct.length, cached: distinct.length - missing.length, toEmbed: missing.length });

  let saving: Promise<void> = Promise.resolve();
  let cacheWritable = cache !== null;
  for (let start = 0; start < missing.length; start += SAVE_EVERY) {
    const part = missing.slice(start, start + SAVE_EVERY);
    const texts = part.map((slot) => distinct[slot] ?? '');
    const vectors = await embedder.embed(texts, (done) => options.onProgress?.(start + done, missing.length));
    for (const [index, vector] of vectors.entries()) {
      const slot = part[index] ?? 0;
      const { row, factor } = quantise(vector);
      rows.set(row, slot * dimensions);
      factors[slot] = factor;
    }
    if (cache !== null && cacheWritable)
      saving = saving.then(() =>
        cache.add(texts, vectors).catch((error: unknown) => {
          // One report is enough: the following parts would fail the same way.
          cacheWritable = false;
          options.onCacheProblem?.(asError(error));
        }),
      );
  }
  await saving;

  const pick = (from: number, count: number): TextVectors => {
    const picked = new Int8Array(count * dimensions);
    const pickedFactors = new Float32Array(count);
    for (let row = 0; row < count; row += 1) {
      const slot = slots[from + row] ?? 0;
      picked.set(rows.subarray(slot * dimensions, (slot + 1) * dimensions), row * dimensions);
      pickedFactors[row] = factors[slot] ?? 0;
    }
    return TextVectors.fromRows(dimensions, picked, pickedFactors);
  };
  return { model: embedder.model, sentences: pick(0, sentenceTexts.length), titles: pick(sentenceTexts.length, titleTexts.length) };
}

/**
 * The engine's view of saved vectors: questions are embedded by `embedder`, which must be the
 * model the vectors were made with.
 */
export function corpusVectorsOf(saved: SavedVectors, embedder: TextEmbedder): CorpusVectors {
  if (saved.model !== embedder.model)
    throw new Error(`the corpus's vectors were made with ${saved.model}, but questions would be embedded with ${embedder.model}`);
  return {
    model: saved.model,
    sentences: saved.sentences,
    titles: saved.titles,
    async embedQuestion(question) {
      const [vector] = await embedder.embed([question]);
      if (vector === undefined) throw new Error('the embedder returned no vector for the question');
      return vector;
    },
  };
}

/** Whether saved vectors fit an indexed corpus (one row per sentence and per article) and a model. */
export function vectorsFit(saved: SavedVectors, indexed: IndexedCorpus, embedder: Pick<TextEmbedder, 'model' | 'dimensions'>): boolean {
  return (
    saved.model === embedder.model &&
    saved.sentences.dimensions === embedder.dimensions &&
    saved.titles.dimensions === embedder.dimensions &&
    saved.sentences.count === indexed.index.sentences.length &&
    saved.titles.count === indexed.corpus.articles.length
  );
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
