/**
 * Unit-length text vectors kept compactly: one int8 row per text (a sentence, a title), with a
 * factor per row that turns the row's dot product with a float query into the cosine. Exact
 * search: every row is compared (fast enough at the sizes measured in `bench/README.md`).
 */
export class TextVectors {
  readonly dimensions: number;
  readonly count: number;
  readonly #rows: Int8Array;
  readonly #factors: Float32Array;

  private constructor(dimensions: number, rows: Int8Array, factors: Float32Array) {
    this.dimensions = dimensions;
    this.count = factors.length;
    this.#rows = rows;
    this.#factors = factors;
  }

  /** Quantises float vectors (any length; zero vectors stay zero) to int8 rows. */
  static fromFloats(vectors: readonly Float32Array[], dimensions: number): TextVectors {
    const rows = new Int8Array(vectors.length * dimensions);
    const factors = new Float32Array(vectors.length);
    vectors.forEach((vector, row) => {
      if (vector.length !== dimensions) throw new Error(`vector ${row} has ${vector.length} dimensions, not ${dimensions}`);
      const quantised = quantise(vector);
      rows.set(quantised.row, row * dimensions);
      factors[row] = quantised.factor;
    });
    return new TextVectors(dimensions, rows, factors);
  }

  /** Rows already quantised (from a cache or a snapshot), with their factors. */
  static fromRows(dimensions: number, rows: Int8Array, factors: Float32Array): TextVectors {
    if (rows.length !== factors.length * dimensions)
      throw new Error(`${rows.length} int8 values are not ${factors.length} rows of ${dimensions} dimensions`);
    return new TextVectors(dimensions, rows, factors);
  }

  /** The quantised rows and their factors, for saving. */
  get rows(): Int8Array {
    return this.#rows;
  }

  get factors(): Float32Array {
    return this.#factors;
  }

  /** Cosine of `query` (unit length, `dimensions` long) with row `row`; 0 for a row out of range. */
  cosine(query: Float32Array, row: number): number {
    if (row < 0 || row >= this.count) return 0;
    const start = row * this.dimensions;
    let dot = 0;
    for (let at = 0; at < this.dimensions; at += 1) dot += (query[at] ?? 0) * (this.#rows[start + at] ?? 0);
    return dot * (this.#factors[row] ?? 0);
  }

  /** The `k` rows nearest to `query` within rows [first, end), best first (ties: lower row first). */
  nearest(query: Float32Array, k: number, first = 0, end = this.count): Array<{ readonly row: number; readonly cosine: number }> {
    const best: Array<{ row: number; cosine: number }> = [];
    if (k <= 0) return best;
    for (let row = Math.max(0, first); row < Math.min(end, this.count); row += 1) {
      const cosine = this.cosine(query, row);
      if (best.length === k && cosine <= (best[k - 1]?.cosine ?? Number.NEGATIVE_INFINITY)) continue;
      let at = best.length;
      while (at > 0 && (best[at - 1]?.cosine ?? 0) < cosine) at -= 1;
      best.splice(at, 0, { row, cosine });
      if (best.length > k) best.pop();
    }
    return best;
  }
}

/** A vector as int8 values and the factor that makes their dot product with a unit query its cosine. */
export function quantise(vector: Float32Array): { row: Int8Array; factor: number } {
  let max = 0;
  for (const value of vector) max = Math.max(max, Math.abs(value));
  const row = new Int8Array(vector.length);
  if (max === 0) return { row, factor: 0 };
  let norm = 0;
  for (let at = 0; at < vector.length; at += 1) {
    const value = Math.round(((vector[at] ?? 0) / max) * 127);
    row[at] = value;
    norm += value * value;
  }
  return { row, factor: norm === 0 ? 0 : 1 / Math.sqrt(norm) };
}

/** Turns text into vectors (the same model for questions and sentences), one per text, unit length. */
export interface TextEmbedder {
  /** The model and its settings, as a short id saved beside vectors so that vectors of another model are never mixed in. */
  readonly model: string;
  readonly dimensions: number;
  /** Vectors for `texts`, in order; `onProgress(done, total)` as batches finish. Rejects when the model cannot run. */
  embed(texts: readonly string[], onProgress?: (done: number, total: number) => void): Promise<Float32Array[]>;
}

/** What the engine needs to compare meaning: the corpus's vectors and a way to embed a question. */
export interface CorpusVectors {
  readonly model: string;
  /** One row per sentence id of the index. */
  readonly sentences: TextVectors;
  /** One row per article, in the corpus's article order: its title's vector. */
  readonly titles: TextVectors;
  /** Embeds one question (at question time; the sentences were embedded when indexing). */
  embedQuestion(question: string): Promise<Float32Array>;
}
