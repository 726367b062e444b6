/**
 * Sentence vectors for training and evaluation: every text a run compares (sentences, titles,
 * questions) embedded once, up front (from the vector cache where it has them); then each index
 * asked gets its `CorpusVectors` from them at once.
 */
import type { IndexedCorpus } from '../src/search/indexed-corpus.js';
import type { QuestionMeaning } from '../src/search/model/feature-context.js';
import { embedTexts } from '../src/search/vectors/corpus-vectors.js';
import { SentenceEmbedding } from '../src/search/vectors/sentence-embedding.js';
import type { CorpusVectors, TextEmbedder, TextVectors } from '../src/search/vectors/sentence-vectors.js';

/** Where the vectors of the evaluation sets' texts are kept (the bot's cache format), so that runs embed only what is new. */
export const EVAL_VECTOR_CACHE = 'eval/vector-cache';

export class VectorTable {
  readonly model: string;
  readonly #vectors: TextVectors;
  readonly #rows: ReadonlyMap<string, number>;

  private constructor(model: string, vectors: TextVectors, rows: ReadonlyMap<string, number>) {
    this.model = model;
    this.#vectors = vectors;
    this.#rows = rows;
  }

  /** Every distinct text embedded once by `embedder`. */
  static async of(
    texts: Iterable<string>,
    embedder: TextEmbedder,
    onProgress?: (done: number, total: number) => void,
  ): Promise<VectorTable> {
    const distinct = [...new Set(texts)];
    const vectors = await embedTexts(distinct, embedder, { onProgress });
    return new VectorTable(embedder.model, vectors, new Map(distinct.map((text, row) => [text, row])));
  }

  /** Every distinct text embedded once by the bot's embedder, the evaluation cache's vectors first. */
  static async cached(texts: Iterable<string>, onProgress?: (done: number, total: number) => void): Promise<VectorTable> {
    const embedding = await SentenceEmbedding.open({ cacheDir: EVAL_VECTOR_CACHE });
    try {
      if (embedding.cacheProblem !== null) throw new Error(embedding.cacheProblem);
      const distinct = [...new Set(texts)];
      const vectors = await embedTexts(distinct, embedding.embedder, { cache: embedding.cache, onProgress });
      return new VectorTable(embedding.embedder.model, vectors, new Map(distinct.map((text, row) => [text, row])));
    } finally {
      await embedding.close();
    }
  }

  #row(text: string): number {
    const row = this.#rows.get(text);
    if (row === undefined) throw new Error(`no vector for "${text.slice(0, 80)}": it was not among the texts embedded up front`);
    return row;
  }

  /** A text's vector, unit length. */
  vector(text: string): Float32Array {
    return this.#vectors.vector(this.#row(text));
  }

  /** The vectors of an indexed corpus, as the engine takes them. */
  corpusVectors(indexed: IndexedCorpus): CorpusVectors {
    return {
      model: this.model,
      sentences: this.#vectors.pick(indexed.index.sentences.map((sentence) => this.#row(sentence.text))),
      titles: this.#vectors.pick(indexed.corpus.articles.map((article) => this.#row(article.title))),
      embedQuestion: async (question) => this.vector(question),
    };
  }

  /** What the candidate finder needs to compare a question's meaning with the corpus's. */
  meaningOf(vectors: CorpusVectors, question: string): QuestionMeaning {
    return { vectors, question: this.vector(question) };
  }
}
