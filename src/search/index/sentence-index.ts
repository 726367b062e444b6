import type { AsPlainObject } from 'minisearch';
import type MiniSearch from 'minisearch';
import type { Article, Sentence } from '../../corpus/types.js';
import type { Analyzer } from '../analyzer.js';
import type { Bm25Params } from '../options.js';
import {
  checkMiniSearchVersion,
  loadSentenceMiniSearch,
  loadSentenceMiniSearchInSlices,
  nearTerms,
  SENTENCE_FIELD,
  sentenceMiniSearchData,
  type SentenceDocument,
} from './minisearch-internals.js';
import { SentenceTerms, type SerializedSentenceTerms } from './sentence-terms.js';
import { runAtOnce, runInSlices, type Stepwise } from './stepwise.js';

export interface IndexHit {
  readonly id: number;
  /** BM25 of the sentence with its neighbours' share added: what hits are ordered by. */
  readonly score: number;
  /** BM25 of the sentence alone. */
  readonly own: number;
}

/** What to look for: every question term with its weight, and the few that look sentences up. */
export interface IndexQuery {
  /** Every term that scores a sentence, with its weight (1 for a word of the question). */
  readonly terms: ReadonlyMap<string, number>;
  /** The terms MiniSearch looks sentences up by (the others only score what these find). */
  readonly retrieveBy: ReadonlySet<string>;
}

export interface IndexSearchOptions {
  /** Weight of the neighbouring sentences' scores, against 1 for the sentence's own. */
  readonly contextBoost: number;
  /** BM25's parameters, for MiniSearch's search and the rescoring alike. */
  readonly bm25: Bm25Params;
  /** How many of MiniSearch's hits, with their neighbours, are scored again with every term. */
  readonly rescoredHits: number;
  readonly articleId?: string | undefined;
  /** How many hits to return, best first. */
  readonly limit: number;
  /** Sentences found by other means (by meaning): scored and returned beside the `limit` best, whatever their score. */
  readonly also?: readonly number[];
}

/** A `SentenceIndex` as data: the analysed terms of every sentence, from which MiniSearch's index follows. */
export interface SerializedSentenceIndex {
  readonly terms: SerializedSentenceTerms;
}

const SLICE = 2_000;

/** Every sentence of the corpus in order; a sentence's position is its id, in MiniSearch too. */
function allSentences(articles: readonly Article[]): Sentence[] {
  return articles.flatMap((article) => article.sentences);
}

/**
 * MiniSearch over every sentence of a corpus, with each sentence's analysed terms kept beside
 * it. MiniSearch finds the sentences that hold a question's rarer terms; those and their
 * neighbours are then scored with every question term, the neighbours counting
 * `contextBoost` (so "He said ..." can match on who "he" is) without indexing any sentence
 * twice. Knows nothing about questions.
 */
export class SentenceIndex {
  readonly sentences: readonly Sentence[];
  readonly #search: MiniSearch<SentenceDocument>;
  readonly #terms: SentenceTerms;
  /** Which article each sentence is from, as a number: neighbours are compared often. */
  readonly #articleOf: Uint32Array;
  /** The id of each article's first sentence, by that number, and the sentence count at the end. */
  readonly #articleStarts: Uint32Array;
  /** Every article's distinct term ids, sorted, one article after the other; `#articleTermStarts` says where each begins. */
  readonly #articleTermIds: Uint32Array;
  readonly #articleTermStarts: Uint32Array;

  private constructor(sentences: readonly Sentence[], search: MiniSearch<SentenceDocument>, terms: SentenceTerms) {
    if (terms.size !== sentences.length) throw new Error(`the saved index holds ${terms.size} sentences, the articles ${sentences.length}`);
    this.sentences = sentences;
    this.#search = search;
    this.#terms = terms;
    this.#articleOf = new Uint32Array(sentences.length);
    sentences.forEach((sentence, id) => {
      const previous = sentences[id - 1];
      this.#articleOf[id] = (this.#articleOf[id - 1] ?? 0) + (previous !== undefined && previous.articleId !== sentence.articleId ? 1 : 0);
    });
    const articles = sentences.length === 0 ? 0 : (this.#articleOf[sentences.length - 1] ?? 0) + 1;
    this.#articleStarts = new Uint32Array(articles + 1);
    for (let id = sentences.length - 1; id >= 0; id -= 1) this.#articleStarts[this.#articleOf[id] ?? 0] = id;
    this.#articleStarts[articles] = sentences.length;
    ({ ids: this.#articleTermIds, starts: this.#articleTermStarts } = articleTerms(terms, this.#articleStarts));
  }

  /** Analyses and indexes every sentence of `articles`, in one go. */
  static build(articles: readonly Article[], analyzer: Analyzer): SentenceIndex {
    checkMiniSearchVersion();
    const { sentences, terms, miniSearchData } = runAtOnce(SentenceIndex.#analysing(articles, analyzer));
    return new SentenceIndex(sentences, loadSentenceMiniSearch(miniSearchData), terms);
  }

  /**
   * The same index as `build`, made in slices that let the event loop run in between, so a
   * bot keeps answering with its old index while a large corpus is indexed.
   */
  static async buildInSlices(articles: readonly Article[], analyzer: Analyzer): Promise<SentenceIndex> {
    checkMiniSearchVersion();
    const { sentences, terms, miniSearchData } = await runInSlices(SentenceIndex.#analysing(articles, analyzer));
    return new SentenceIndex(sentences, await loadSentenceMiniSearchInSlices(miniSearchData), terms);
  }

  /**
   * Analyses every sentence, then lays out MiniSearch's index of them, pausing (yielding) after
   * every slice of the work. MiniSearch then loads that index: the same index as adding the
   * sentences one by one (a test pins that), in about half the time.
   */
  static *#analysing(
    articles: readonly Article[],
    analyzer: Analyzer,
  ): Stepwise<{ sentences: Sentence[]; terms: SentenceTerms; miniSearchData: AsPlainObject }> {
    const sentences = allSentences(articles);
    const builder = SentenceTerms.builder();
    for (const [id, sentence] of sentences.entries()) {
      builder.add(analyzer.analyze(sentence.text).map((term) => term.term));
      if ((id + 1) % SLICE === 0) yield;
    }
    const terms = builder.finish();
    yield;
    return { sentences, terms, miniSearchData: yield* sentenceMiniSearchData(terms) };
  }

  /** The index as saved by `serialize`, over the same articles; throws if the data is not one. */
  static restore(articles: readonly Article[], saved: SerializedSentenceIndex): SentenceIndex {
    checkMiniSearchVersion();
    const terms = SentenceTerms.restore(saved.terms);
    return new SentenceIndex(allSentences(articles), loadSentenceMiniSearch(runAtOnce(sentenceMiniSearchData(terms))), terms);
  }

  /** Everything needed to `restore` this index without analysing the sentences again. */
  serialize(): SerializedSentenceIndex {
    return { terms: this.#terms.serialize() };
  }

  get size(): number {
    return this.sentences.length;
  }

  /** The analysed terms of one sentence, in reading order. */
  termsOf(id: number): string[] {
    return this.#terms.termsOf(id);
  }

  /** In how many sentences `term` occurs (0 when it is unknown). */
  documentFrequency(term: string): number {
    return this.#terms.documentFrequency(term);
  }

  /** Inverse document frequency, BM25's form: rare terms weigh more; unknown ones most. */
  idf(term: string): number {
    return idfOf(this.documentFrequency(term), this.size);
  }

  /** Known terms within `maxDistance` edits of `term`, nearest first. */
  similarTerms(term: string, maxDistance: number): Array<{ term: string; distance: number }> {
    return nearTerms(this.#search, term, maxDistance).sort((a, b) => a.distance - b.distance || (a.term < b.term ? -1 : 1));
  }

  /**
   * BM25 hits for a bag of weighted terms, best first. MiniSearch looks up the sentences that
   * hold `retrieveBy` terms; its best hits and their neighbours are then scored with all
   * `terms`, each sentence's neighbours adding `contextBoost` of their own score.
   */
  search(query: IndexQuery, options: IndexSearchOptions): IndexHit[] {
    if (options.limit <= 0) return [];
    const scoreOf = this.#scorerFor(query.terms, options.bm25);
    const hitOf = (id: number): IndexHit => {
      const context = this.neighboursOf(id).reduce((sum, neighbour) => sum + scoreOf(neighbour), 0);
      const own = scoreOf(id);
      return { id, score: own + options.contextBoost * context, own };
    };
    const hits = this.#wordHits(query, options, hitOf);
    const held = new Set(hits.map((hit) => hit.id));
    for (const id of options.also ?? []) if (!held.has(id) && id >= 0 && id < this.size) hits.push(hitOf(id));
    return hits.sort((a, b) => b.score - a.score || a.id - b.id);
  }

  /** The `limit` best hits of the sentences that hold the question's words. */
  #wordHits(query: IndexQuery, options: IndexSearchOptions, hitOf: (id: number) => IndexHit): IndexHit[] {
    const retrieveBy = [...query.retrieveBy].filter((term) => query.terms.has(term));
    if (retrieveBy.length === 0) return [];
    const { articleId } = options;
    const found = this.#search.search(retrieveBy.join(' '), {
      fields: [SENTENCE_FIELD],
      boostTerm: (term) => query.terms.get(term) ?? 1,
      bm25: options.bm25,
      combineWith: 'OR',
      prefix: false,
      fuzzy: false,
      ...(articleId === undefined ? {} : { filter: (result) => this.sentences[Number(result.id)]?.articleId === articleId }),
    });

    const candidates = new Set<number>();
    for (const hit of found.slice(0, options.rescoredHits)) {
      const id = Number(hit.id);
      candidates.add(id);
      for (const neighbour of this.neighboursOf(id)) candidates.add(neighbour);
    }
    const hits: IndexHit[] = [];
    for (const id of candidates) {
      const hit = hitOf(id);
      if (hit.score > 0) hits.push(hit);
    }
    return hits.sort((a, b) => b.score - a.score || a.id - b.id).slice(0, options.limit);
  }

  /** The sentences of the article that sentence `id` is from: ids `first` up to, not including, `end`. */
  articleSentences(id: number): { readonly first: number; readonly end: number } {
    const article = this.#articleOf[id] ?? 0;
    return { first: this.#articleStarts[article] ?? 0, end: this.#articleStarts[article + 1] ?? 0 };
  }

  /** The term ids of one sentence, in reading order (a view, not a copy). */
  termIdsOf(id: number): Uint32Array {
    return this.#terms.idsOf(id);
  }

  /** The index term with this id. */
  termOf(id: number): string {
    return this.#terms.termOf(id);
  }

  /** The id of an index term, or undefined when no sentence holds it. */
  termIdOf(term: string): number | undefined {
    return this.#terms.idOf(term);
  }

  /** The distinct term ids of the whole article sentence `id` is from, in ascending order (a view). */
  articleTermIdsOf(id: number): Uint32Array {
    const article = this.#articleOf[id] ?? 0;
    return this.#articleTermIds.subarray(this.#articleTermStarts[article] ?? 0, this.#articleTermStarts[article + 1] ?? 0);
  }

  /** The sentences just before and after `id` in the same article (none, one or two). */
  neighboursOf(id: number): number[] {
    return [id - 1, id + 1].filter((other) => this.#sameArticle(id, other));
  }

  #sameArticle(id: number, other: number): boolean {
    return other >= 0 && other < this.#articleOf.length && this.#articleOf[other] === this.#articleOf[id];
  }

  /**
   * BM25 of one sentence for weighted terms, remembered per sentence: MiniSearch's formula with
   * the parameters MiniSearch's search was given, so that rescoring extends its scores. Written
   * here because MiniSearch can only score a term by walking its whole posting list, which for
   * the common terms rescoring exists for is what makes plain MiniSearch slow.
   */
  #scorerFor(terms: ReadonlyMap<string, number>, bm25: Bm25Params): (id: number) => number {
    const weightById = new Map<number, number>();
    for (const [term, weight] of terms) {
      const termId = this.#terms.idOf(term);
      if (termId !== undefined) weightById.set(termId, weight * idfOf(this.documentFrequency(term), this.size));
    }
    const scores = new Map<number, number>();
    return (id) => {
      const remembered = scores.get(id);
      if (remembered !== undefined) return remembered;
      const ids = this.#terms.idsOf(id);
      const lengthNorm = 1 - bm25.b + (bm25.b * this.#terms.distinctCount(id)) / (this.#terms.averageDistinctCount || 1);
      let score = 0;
      for (let at = 0; at < ids.length; at += 1) {
        const termId = ids[at] ?? 0;
        const weight = weightById.get(termId);
        // A term said twice counts once here, with its count, at its first place.
        if (weight === undefined || ids.indexOf(termId) < at) continue;
        let count = 1;
        for (let later = at + 1; later < ids.length; later += 1) if (ids[later] === termId) count += 1;
        score += weight * (bm25.d + (count * (bm25.k + 1)) / (count + bm25.k * lengthNorm));
      }
      scores.set(id, score);
      return score;
    };
  }
}

/** Each article's distinct term ids, sorted, packed one article after another. */
function articleTerms(terms: SentenceTerms, articleStarts: Uint32Array): { ids: Uint32Array; starts: Uint32Array } {
  const starts = new Uint32Array(articleStarts.length);
  const chunks: Uint32Array[] = [];
  let total = 0;
  for (let article = 0; article + 1 < articleStarts.length; article += 1) {
    const distinct = new Set<number>();
    for (let sentence = articleStarts[article] ?? 0; sentence < (articleStarts[article + 1] ?? 0); sentence += 1) {
      for (const id of terms.idsOf(sentence)) distinct.add(id);
    }
    const sorted = Uint32Array.from(distinct).sort();
    chunks.push(sorted);
    total += sorted.length;
    starts[article + 1] = total;
  }
  const ids = new Uint32Array(total);
  chunks.forEach((chunk, article) => {
    ids.set(chunk, starts[article] ?? 0);
  });
  return { ids, starts };
}

/** Whether a sorted array of ids holds `id`. */
export function sortedHas(sorted: Uint32Array, id: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = sorted[middle] ?? 0;
    if (value === id) return true;
    if (value < id) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

function idfOf(frequency: number, total: number): number {
  return Math.log(1 + (total - frequency + 0.5) / (frequency + 0.5));
}
