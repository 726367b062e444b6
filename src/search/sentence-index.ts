import MiniSearch from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import type { Article, Sentence } from '../corpus/types.js';
import type { Analyzer, Term } from './analyzer.js';

/** A sentence as MiniSearch stores it: fields hold analysed terms joined by spaces. */
interface SentenceDocument {
  readonly id: number;
  /** Terms of the sentence itself. */
  readonly text: string;
  /** Terms of the sentences just before and after, so "He said ..." can match on who "he" is. */
  readonly context: string;
}

export interface IndexedSentence extends Sentence {
  /** Position in `SentenceIndex.sentences`; also the MiniSearch document id. */
  readonly id: number;
}

export interface IndexHit {
  readonly id: number;
  readonly score: number;
}

const TERM_CACHE_SIZE = 50_000;
const MINISEARCH_OPTIONS = {
  fields: ['text', 'context'],
  storeFields: [],
  tokenize: (text: string): string[] => (text === '' ? [] : text.split(' ')),
  processTerm: (term: string): string => term,
};

/** A `SentenceIndex` as data: MiniSearch's own JSON and the vocabulary. */
export interface SerializedSentenceIndex {
  readonly miniSearch: string;
  readonly documentFrequency: ReadonlyArray<readonly [string, number]>;
}

const SLICE = 2_000;
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function documentFrequencies(termsOf: readonly (readonly string[])[]): SearchableMap<number> {
  const frequencies = new SearchableMap<number>();
  for (const terms of termsOf) {
    for (const term of new Set(terms)) frequencies.update(term, (count = 0) => count + 1);
  }
  return frequencies;
}

/** MiniSearch's documents: a sentence's terms, and those of its neighbours in the same article. */
function sentenceDocuments(sentences: readonly IndexedSentence[], termsOf: readonly (readonly string[])[]): SentenceDocument[] {
  const neighbourTerms = (index: number, offset: number): readonly string[] => {
    const other = sentences[index + offset];
    return other !== undefined && other.articleId === sentences[index]?.articleId ? (termsOf[index + offset] ?? []) : [];
  };
  return sentences.map((_, index) => ({
    id: index,
    text: (termsOf[index] ?? []).join(' '),
    context: [...neighbourTerms(index, -1), ...neighbourTerms(index, 1)].join(' '),
  }));
}

function numberSentences(articles: readonly Article[]): IndexedSentence[] {
  const sentences: IndexedSentence[] = [];
  for (const article of articles) for (const sentence of article.sentences) sentences.push({ ...sentence, id: sentences.length });
  return sentences;
}

/**
 * MiniSearch over every sentence of a corpus, with the vocabulary (term -> how many sentences
 * hold it) that ranking and typo tolerance need. Knows nothing about questions.
 */
export class SentenceIndex {
  readonly sentences: readonly IndexedSentence[];
  readonly #search: MiniSearch<SentenceDocument>;
  readonly #analyzer: Analyzer;
  // Terms of sentences that ranking has looked at; filled on demand and bounded in size.
  readonly #termCache = new Map<number, readonly Term[]>();
  readonly #documentFrequency: SearchableMap<number>;

  private constructor(sentences: readonly IndexedSentence[], analyzer: Analyzer, search: MiniSearch<SentenceDocument>, documentFrequency: SearchableMap<number>) {
    this.sentences = sentences;
    this.#analyzer = analyzer;
    this.#search = search;
    this.#documentFrequency = documentFrequency;
  }

  /** Analyses and indexes every sentence of `articles`, in one go. */
  static build(articles: readonly Article[], analyzer: Analyzer): SentenceIndex {
    const sentences = numberSentences(articles);
    const termsOf = sentences.map((sentence) => analyzer.analyze(sentence.text).map((term) => term.term));
    const search = new MiniSearch<SentenceDocument>(MINISEARCH_OPTIONS);
    search.addAll(sentenceDocuments(sentences, termsOf));
    return new SentenceIndex(sentences, analyzer, search, documentFrequencies(termsOf));
  }

  /**
   * The same index as `build`, made in slices that let the event loop run in between, so a
   * bot keeps answering with its old index while a large corpus is indexed.
   */
  static async buildInSlices(articles: readonly Article[], analyzer: Analyzer): Promise<SentenceIndex> {
    const sentences = numberSentences(articles);
    const termsOf: string[][] = [];
    for (const sentence of sentences) {
      termsOf.push(analyzer.analyze(sentence.text).map((term) => term.term));
      if (termsOf.length % SLICE === 0) await yieldToEventLoop();
    }
    const search = new MiniSearch<SentenceDocument>(MINISEARCH_OPTIONS);
    await search.addAllAsync(sentenceDocuments(sentences, termsOf), { chunkSize: SLICE });
    return new SentenceIndex(sentences, analyzer, search, documentFrequencies(termsOf));
  }

  /** The index as saved by `serialize`, over the same articles; throws if the data is not one. */
  static restore(articles: readonly Article[], analyzer: Analyzer, saved: SerializedSentenceIndex): SentenceIndex {
    const sentences = numberSentences(articles);
    // The synchronous loader: MiniSearch's async one waits a timer tick every 1,000 terms, which
    // made start-up from a snapshot a quarter slower. A snapshot is only restored when the
    // articles have not changed, so at start-up, not in the middle of a /reload of new ones.
    const search = MiniSearch.loadJSON<SentenceDocument>(saved.miniSearch, MINISEARCH_OPTIONS);
    if (search.documentCount !== sentences.length) {
      throw new Error(`the saved index holds ${search.documentCount} sentences, the articles ${sentences.length}`);
    }
    return new SentenceIndex(sentences, analyzer, search, SearchableMap.from(saved.documentFrequency.map(([term, count]): [string, number] => [term, count])));
  }

  /** Everything needed to `restore` this index without analysing the sentences again. */
  serialize(): SerializedSentenceIndex {
    return { miniSearch: JSON.stringify(this.#search), documentFrequency: [...this.#documentFrequency] };
  }

  get size(): number {
    return this.sentences.length;
  }

  /** The analysed terms of one sentence, with where they stand in its text. */
  termsOf(id: number): readonly Term[] {
    const cached = this.#termCache.get(id);
    if (cached !== undefined) return cached;
    const terms = this.#analyzer.analyze(this.sentences[id]?.text ?? '');
    if (this.#termCache.size >= TERM_CACHE_SIZE) this.#termCache.clear();
    this.#termCache.set(id, terms);
    return terms;
  }

  /** In how many sentences `term` occurs (0 when it is unknown). */
  documentFrequency(term: string): number {
    return this.#documentFrequency.get(term) ?? 0;
  }

  /** Inverse document frequency, BM25's form: rare terms weigh more; unknown ones most. */
  idf(term: string): number {
    const frequency = this.documentFrequency(term);
    return Math.log(1 + (this.size - frequency + 0.5) / (frequency + 0.5));
  }

  /** Known terms within `maxDistance` edits of `term`, nearest first. */
  similarTerms(term: string, maxDistance: number): Array<{ term: string; distance: number }> {
    const found = [...this.#documentFrequency.fuzzyGet(term, maxDistance)].map(([known, [, distance]]) => ({ term: known, distance }));
    return found.sort((a, b) => a.distance - b.distance || a.term.localeCompare(b.term));
  }

  /**
   * BM25 hits for a bag of weighted terms, best first. `contextBoost` weighs the
   * neighbouring sentences against the sentence itself (1).
   */
  search(terms: ReadonlyMap<string, number>, options: { contextBoost: number; articleId?: string | undefined; limit: number; bm25?: { k: number; b: number; d: number } }): IndexHit[] {
    if (terms.size === 0) return [];
    const { articleId } = options;
    const results = this.#search.search([...terms.keys()].join(' '), {
      ...(options.contextBoost > 0 ? { boost: { text: 1, context: options.contextBoost } } : { fields: ['text'] }),
      boostTerm: (term) => terms.get(term) ?? 1,
      combineWith: 'OR',
      ...(options.bm25 === undefined ? {} : { bm25: options.bm25 }),
      prefix: false,
      fuzzy: false,
      ...(articleId === undefined ? {} : { filter: (result) => this.sentences[Number(result.id)]?.articleId === articleId }),
    });
    return results.slice(0, options.limit).map((result) => ({ id: Number(result.id), score: result.score }));
  }
}
