import { AMBIGUOUS_ABBREVIATIONS, NUMBERING_ABBREVIATIONS, PREFIX_ABBREVIATIONS, SENTENCE_STARTERS } from '../src/corpus/abbreviations.js';

/*
 * Repeated copies of the source sentences are varied so that the big corpora are not the
 * same few thousand sentences over and over: each copy renames a third of its words, so the
 * vocabulary keeps growing with the corpus, as it does in real news, and no two sentences
 * are identical. Only whole words of 5+ ASCII letters change, and never one the sentence
 * splitter looks up, so a varied sentence splits exactly where its original did.
 */

const WORD = /(?<![\p{L}\p{N}])[A-Za-z]{5,}(?![\p{L}\p{N}])/gu;
const SPLITTER_WORDS: ReadonlySet<string> = new Set([
  ...SENTENCE_STARTERS,
  ...PREFIX_ABBREVIATIONS,
  ...AMBIGUOUS_ABBREVIATIONS,
  ...NUMBERING_ABBREVIATIONS,
]);
/** One word in this many is renamed in each copy. */
export const RENAME_ONE_IN = 3;

/** Copy 0 is the source text; copy c >= 1 renames the words that copy picks. */
export function varySentence(text: string, copy: number): string {
  if (copy === 0) return text;
  const shift = 1 + ((copy - 1) % 25);
  return text.replace(WORD, (word) => {
    if (SPLITTER_WORDS.has(word) || fnv1a(`${copy}:${word.toLowerCase()}`) % RENAME_ONE_IN !== 0) return word;
    return caesar(word, shift);
  });
}

/** Shifts each letter `shift` places along the alphabet, keeping its case. */
function caesar(word: string, shift: number): string {
  let shifted = '';
  for (const character of word) {
    const code = character.charCodeAt(0);
    const base = code >= 97 ? 97 : 65;
    shifted += String.fromCharCode(base + ((code - base + shift) % 26));
  }
  return shifted;
}

/** 32-bit FNV-1a: a fixed, dependency-free hash, so every run picks the same words. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
