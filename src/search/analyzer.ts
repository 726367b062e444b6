import { stemmer } from 'stemmer';
import type { AliasGroup } from '../corpus/alias-file.js';
import { CHAT_WORDS } from './chat-words.js';
import { fold } from './fold.js';
import { wordOf } from './word-form.js';
import { IRREGULAR_FORMS } from './irregular-forms.js';
import { QUESTION_FRAME_WORDS, STOP_WORDS } from './stop-words.js';
import { tokenize } from './tokenize.js';

/** One index term and the stretch of text it came from. */
export interface Term {
  readonly term: string;
  readonly start: number;
  readonly end: number;
}

interface WordForm {
  /** Folded word with possessive and apostrophes removed: what stop words are checked on. */
  readonly word: string;
  /** The word's index term: lemma of an irregular form, then Porter stem. */
  readonly term: string;
  readonly stop: boolean;
  readonly start: number;
  readonly end: number;
}

interface AliasPhrase {
  /** The name's words: a word of text matches one when it is the same word, or has the same stem (see `matchesName`). */
  readonly words: ReadonlyArray<{ readonly word: string; readonly term: string }>;
  readonly group: string;
}

const SINGLE_TERM_CACHE_SIZE = 50_000;

// Porter stems short words onto unrelated ones ("used" and "uses" stem to "us"), so a name
// word this short matches only itself, never another word's stem.
const MIN_STEMMED_NAME_LENGTH = 4;

function matchesName(form: WordForm | undefined, name: { readonly word: string; readonly term: string }): boolean {
  if (form === undefined) return false;
  return form.word === name.word || (name.word.length >= MIN_STEMMED_NAME_LENGTH && form.term === name.term);
}

/**
 * Turns text into index terms: Unicode words, folded for case and accents, possessives
 * dropped, irregular verbs lemmatised, Porter-stemmed, stop words removed, and alias group
 * terms added. Sentences and questions go through the same analysis so that they meet.
 */
export class Analyzer {
  readonly #phrasesByFirstTerm = new Map<string, AliasPhrase[]>();
  readonly #singleTerms = new Map<string, string | null>();

  constructor(aliasGroups: readonly AliasGroup[] = []) {
    for (const group of aliasGroups) {
      const term = groupTerm(group.canonical);
      for (const name of group.names) {
        const forms = wordForms(name, false);
        const [first] = forms;
        // A one-word name that is also a stop word ("us") would fire on every pronoun.
        if (first === undefined || (forms.length === 1 && first.stop)) continue;
        const phrases = this.#phrasesByFirstTerm.get(first.term) ?? [];
        phrases.push({ words: forms.map(({ word, term: stem }) => ({ word, term: stem })), group: term });
        this.#phrasesByFirstTerm.set(first.term, phrases);
      }
    }
  }

  /** Index terms of a sentence (or any document text), in order. */
  analyze(text: string): Term[] {
    return this.#analyze(text, false);
  }

  /**
   * The one index term of a single word or phrase, or null when it analyses to none or to
   * several. Remembered: questions look up the same thesaurus words again and again.
   */
  singleTerm(text: string): string | null {
    const known = this.#singleTerms.get(text);
    if (known !== undefined) return known;
    const [term, ...more] = this.analyze(text);
    const single = term !== undefined && more.length === 0 ? term.term : null;
    if (this.#singleTerms.size >= SINGLE_TERM_CACHE_SIZE) this.#singleTerms.clear();
    this.#singleTerms.set(text, single);
    return single;
  }

  /** Terms of a question: like `analyze`, also dropping words that only frame the question. */
  analyzeQuestion(text: string): Term[] {
    return this.#analyze(text, true);
  }

  #analyze(text: string, question: boolean): Term[] {
    // A question in capitals ("WHAT DID TRUMP SAY") has no acronyms to tell apart; articles are not written so.
    const forms = question ? wordForms(text, isShouting(text)).map(expandChatWord) : wordForms(text, false);
    const terms: Term[] = [];
    forms.forEach((form, index) => {
      const keep = !form.stop && !(question && QUESTION_FRAME_WORDS.has(form.word));
      if (keep) terms.push({ term: form.term, start: form.start, end: form.end });
      for (const group of this.#groupsStartingAt(forms, index)) terms.push(group);
    });
    return terms;
  }

  #groupsStartingAt(forms: readonly WordForm[], index: number): Term[] {
    const first = forms[index];
    if (first === undefined) return [];
    const phrases = this.#phrasesByFirstTerm.get(first.term);
    if (phrases === undefined) return [];
    const found = new Map<string, Term>();
    for (const phrase of phrases) {
      if (phrase.words.length === 1 && first.stop) continue;
      const last = forms[index + phrase.words.length - 1];
      if (last === undefined || found.has(phrase.group)) continue;
      const matches = phrase.words.every((name, offset) => matchesName(forms[index + offset], name));
      if (matches) found.set(phrase.group, { term: phrase.group, start: first.start, end: last.end });
    }
    return [...found.values()];
  }
}

/** The term that stands for a whole alias group; no analysed word can look like it. */
function groupTerm(canonical: string): string {
  return `=${fold(canonical).replace(/[^\p{L}\p{N}]+/gu, '_')}`;
}

// A corpus has far fewer distinct words than words: folding and stemming each distinct one once
// is most of what indexing costs. Bounded, so that hostile input cannot grow it without end.
const FORM_CACHE_SIZE = 200_000;
const formCache = new Map<string, { readonly word: string; readonly term: string }>();

function formOf(surface: string): { readonly word: string; readonly term: string } {
  const cached = formCache.get(surface);
  if (cached !== undefined) return cached;
  const word = wordOf(surface);
  const form = { word, term: termOf(word) };
  if (formCache.size >= FORM_CACHE_SIZE) formCache.clear();
  formCache.set(surface, form);
  return form;
}

const SHOUTING_CAPITALS = 0.7;

function wordForms(text: string, shouting: boolean): WordForm[] {
  return tokenize(text).map((token) => {
    const { word, term } = formOf(token.surface);
    const stop = (shouting || !token.acronym) && STOP_WORDS.has(word);
    return { word, term, stop, start: token.start, end: token.end };
  });
}

/** A chat word of a question as the word it stands for ("ppl" as "people"), or as a stop word when it says nothing ("lol"). */
function expandChatWord(form: WordForm): WordForm {
  const expansion = CHAT_WORDS.get(form.word);
  if (expansion === undefined) return form;
  if (expansion === '') return { ...form, stop: true };
  const { word, term } = formOf(expansion);
  return { ...form, word, term, stop: STOP_WORDS.has(word) };
}

/** Mostly capital letters, over more than a couple of words. */
function isShouting(text: string): boolean {
  let capitals = 0;
  let small = 0;
  for (const character of text) {
    if (character !== character.toLowerCase()) capitals += 1;
    else if (character !== character.toUpperCase()) small += 1;
  }
  return capitals + small >= 12 && capitals / (capitals + small) >= SHOUTING_CAPITALS;
}

function termOf(word: string): string {
  if (/^\p{N}/u.test(word)) return word;
  return stemmer(IRREGULAR_FORMS.get(word) ?? word);
}
