import type { Analyzer } from './analyzer.js';
import { answerNounOf, answerTypeOf, type AnswerType } from './answer-type.js';
import { fold } from './fold.js';
import type { SentenceIndex } from './sentence-index.js';
import { tokenize } from './tokenize.js';

/**
 * One thing a question asks about: a word, with its alias group and, when the word is not in
 * the corpus, the known words it is probably a typo of.
 */
export interface Concept {
  /** Index terms that stand for this concept, each with its weight (1 for exact). */
  readonly terms: ReadonlyMap<string, number>;
  /** How much finding this concept says: the inverse document frequency of its rarest term. */
  readonly weight: number;
  /** Found in the corpus at all (possibly through a typo correction). */
  readonly known: boolean;
}

export interface AnalyzedQuestion {
  readonly concepts: readonly Concept[];
  readonly answerType: AnswerType;
  /** Folded words of the question, to tell a name it asks about from a name that answers it. */
  readonly words: ReadonlySet<string>;
}

// Typo tolerance: how many edits a word of a given (stemmed) length may be away from a known one.
const maxEditsFor = (length: number): number => (length >= 8 ? 2 : length >= 4 ? 1 : 0);
const FUZZY_WEIGHT_PER_EDIT = 0.25;
const ANSWER_NOUN_WEIGHT = 0.3;

const scaleWeights = (terms: ReadonlyMap<string, number>, factor: number) => new Map([...terms].map(([term, weight]) => [term, weight * factor]));

export function analyzeQuestion(question: string, analyzer: Analyzer, index: SentenceIndex): AnalyzedQuestion {
  const terms = analyzer.analyzeQuestion(question);
  // Terms whose spans overlap (a name and its alias group term) form one concept.
  const groups: Array<{ end: number; terms: Set<string> }> = [];
  for (const term of terms) {
    const last = groups.at(-1);
    if (last !== undefined && term.start < last.end) {
      last.terms.add(term.term);
      last.end = Math.max(last.end, term.end);
    } else {
      groups.push({ end: term.end, terms: new Set([term.term]) });
    }
  }

  const answerNoun = answerNounOf(question);
  const answerNounTerms = new Set(answerNoun === null ? [] : analyzer.analyze(answerNoun).map((term) => term.term));
  const seen = new Set<string>();
  const concepts: Concept[] = [];
  for (const group of groups) {
    const key = [...group.terms].sort().join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    const concept = conceptOf(group.terms, index);
    const namesAnswerKind = [...group.terms].every((term) => answerNounTerms.has(term));
    concepts.push(namesAnswerKind ? { ...concept, terms: scaleWeights(concept.terms, ANSWER_NOUN_WEIGHT), weight: concept.weight * ANSWER_NOUN_WEIGHT } : concept);
  }
  const words = new Set(tokenize(question).map((token) => fold(token.surface).replace(/['’]s$|[.'’]/gu, '')));
  return { concepts, answerType: answerTypeOf(question), words };
}

function conceptOf(questionTerms: ReadonlySet<string>, index: SentenceIndex): Concept {
  const terms = new Map<string, number>();
  for (const term of questionTerms) {
    if (index.documentFrequency(term) > 0) {
      terms.set(term, 1);
      continue;
    }
    if (term.startsWith('=') || /^\p{N}/u.test(term)) continue;
    const maxEdits = maxEditsFor(term.length);
    if (maxEdits === 0) continue;
    for (const similar of index.similarTerms(term, maxEdits)) {
      const weight = 1 - FUZZY_WEIGHT_PER_EDIT * similar.distance;
      if ((terms.get(similar.term) ?? 0) < weight) terms.set(similar.term, weight);
    }
  }
  const known = terms.size > 0;
  const weight = known ? Math.max(...[...terms.keys()].map((term) => index.idf(term))) : index.idf('');
  return { terms, weight, known };
}
