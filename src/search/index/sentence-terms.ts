import { endianness } from 'node:os';

/** `SentenceTerms` as data: the vocabulary, and every sentence's term ids packed as base64. */
export interface SerializedSentenceTerms {
  /** Every term, at the position of its id. */
  readonly vocabulary: readonly string[];
  /** Little-endian uint32 term ids of all sentences, one after the other. */
  readonly ids: string;
  /** Little-endian uint32 offsets into `ids`: sentence i's terms are ids[starts[i]] .. ids[starts[i + 1]]. */
  readonly starts: string;
}

/**
 * The analysed terms of every sentence, kept from indexing so that ranking never analyses a
 * sentence again: ids into one vocabulary, in reading order, packed in two flat typed arrays
 * (a few bytes a term, against a string array per sentence). Also the vocabulary itself (each
 * term's string held once, shared by the array and the map that finds its id; no second radix
 * tree beside MiniSearch's own), with how many sentences hold each term.
 */
export class SentenceTerms {
  readonly #vocabulary: readonly string[];
  readonly #idByTerm: ReadonlyMap<string, number>;
  readonly #documentFrequency: Uint32Array;
  readonly #ids: Uint32Array;
  readonly #starts: Uint32Array;
  readonly #distinctCounts: Uint32Array;
  /** How many different terms a sentence holds, on average: BM25's average length. */
  readonly averageDistinctCount: number;

  private constructor(vocabulary: readonly string[], ids: Uint32Array, starts: Uint32Array, idByTerm?: ReadonlyMap<string, number>) {
    this.#vocabulary = vocabulary;
    this.#idByTerm = idByTerm ?? new Map(vocabulary.map((term, id) => [term, id]));
    this.#ids = ids;
    this.#starts = starts;
    const counted = countTerms(vocabulary.length, ids, starts);
    this.#documentFrequency = counted.documentFrequency;
    this.#distinctCounts = counted.distinctCounts;
    this.averageDistinctCount = this.size === 0 ? 0 : counted.distinctCounts.reduce((sum, count) => sum + count, 0) / this.size;
  }

  /** Collects the terms of sentences given in order; `finish` packs them. */
  static builder(): { add(terms: readonly string[]): void; finish(): SentenceTerms } {
    const vocabulary: string[] = [];
    // A plain Map while collecting (a radix tree is slower per look-up); the tree is made once at the end.
    const idByTerm = new Map<string, number>();
    const ids: number[] = [];
    const starts: number[] = [0];
    return {
      add(terms) {
        for (const term of terms) {
          let id = idByTerm.get(term);
          if (id === undefined) {
            id = vocabulary.length;
            vocabulary.push(term);
            idByTerm.set(term, id);
          }
          ids.push(id);
        }
        starts.push(ids.length);
      },
      finish: () => new SentenceTerms(vocabulary, Uint32Array.from(ids), Uint32Array.from(starts), idByTerm),
    };
  }

  /** The terms as saved by `serialize`; throws when the data is not consistent. */
  static restore(saved: SerializedSentenceTerms): SentenceTerms {
    const ids = unpack(saved.ids);
    const starts = unpack(saved.starts);
    const ordered = starts.every((start, index) => index === 0 || start >= (starts[index - 1] ?? 0));
    if (starts[0] !== 0 || starts.at(-1) !== ids.length || !ordered) throw new Error('the sentence term offsets do not fit the term ids');
    if (ids.some((id) => id >= saved.vocabulary.length)) throw new Error('a sentence term id is outside the vocabulary');
    if (new Set(saved.vocabulary).size !== saved.vocabulary.length) throw new Error('a term is in the vocabulary twice');
    return new SentenceTerms(saved.vocabulary, ids, starts);
  }

  serialize(): SerializedSentenceTerms {
    return { vocabulary: this.#vocabulary, ids: pack(this.#ids), starts: pack(this.#starts) };
  }

  /** How many sentences there are. */
  get size(): number {
    return this.#starts.length - 1;
  }

  /** How many distinct terms there are. */
  get vocabularySize(): number {
    return this.#vocabulary.length;
  }

  /** The id of `term`, or undefined when no sentence holds it. */
  idOf(term: string): number | undefined {
    return this.#idByTerm.get(term);
  }

  termOf(id: number): string {
    return this.#vocabulary[id] ?? '';
  }

  /** Term ids of one sentence, in reading order (a view, not a copy). */
  idsOf(sentence: number): Uint32Array {
    return this.#ids.subarray(this.#starts[sentence] ?? 0, this.#starts[sentence + 1] ?? 0);
  }

  /** How many different terms one sentence holds: its length, as BM25 measures it here. */
  distinctCount(sentence: number): number {
    return this.#distinctCounts[sentence] ?? 0;
  }

  /** Terms of one sentence, in reading order. */
  termsOf(sentence: number): string[] {
    return Array.from(this.idsOf(sentence), (id) => this.termOf(id));
  }

  /** In how many sentences `term` occurs (0 when it is unknown). */
  documentFrequency(term: string): number {
    const id = this.idOf(term);
    return id === undefined ? 0 : (this.#documentFrequency[id] ?? 0);
  }
}

/** In how many sentences each term occurs, and how many different terms each sentence holds. */
function countTerms(
  vocabularySize: number,
  ids: Uint32Array,
  starts: Uint32Array,
): { documentFrequency: Uint32Array; distinctCounts: Uint32Array } {
  const frequency = new Uint32Array(vocabularySize);
  const distinctCounts = new Uint32Array(Math.max(0, starts.length - 1));
  // The last sentence each term was counted for, so a term said twice in one sentence counts once.
  const lastSeenIn = new Int32Array(vocabularySize).fill(-1);
  for (let sentence = 0; sentence + 1 < starts.length; sentence += 1) {
    for (let at = starts[sentence] ?? 0; at < (starts[sentence + 1] ?? 0); at += 1) {
      const id = ids[at] ?? 0;
      if (lastSeenIn[id] !== sentence) {
        lastSeenIn[id] = sentence;
        frequency[id] = (frequency[id] ?? 0) + 1;
        distinctCounts[sentence] = (distinctCounts[sentence] ?? 0) + 1;
      }
    }
  }
  return { documentFrequency: frequency, distinctCounts };
}

// Saved little-endian; on a little-endian machine (every common one) the bytes are copied as they are.
const LITTLE_ENDIAN = endianness() === 'LE';

function pack(values: Uint32Array): string {
  if (LITTLE_ENDIAN) return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
  const bytes = Buffer.alloc(values.length * 4);
  values.forEach((value, index) => {
    bytes.writeUInt32LE(value, index * 4);
  });
  return bytes.toString('base64');
}

function unpack(base64: string): Uint32Array {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length % 4 !== 0) throw new Error('packed term ids are not whole 32-bit numbers');
  const values = new Uint32Array(bytes.length / 4);
  if (LITTLE_ENDIAN) new Uint8Array(values.buffer).set(bytes);
  else for (let index = 0; index < values.length; index += 1) values[index] = bytes.readUInt32LE(index * 4);
  return values;
}
