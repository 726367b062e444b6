import type { Analyzer } from './analyzer.js';
import { answerNounOf, answerTypeOf, type AnswerType } from './answer-type.js';
import type { SentenceIndex } from './index/sentence-index.js';
import { tokenize } from './tokenize.js';
import type { ResolvedOptions, TypoTolerance } from './options.js';
import type { Thesaurus } from './wordnet.js';
import { ordinalWord, wordOf } from './word-form.js';

/**
 * One thing a question asks about: a word, with its alias group and, when the word is not in
 * the corpus, the known words it is probably a typo of.
 */
export interface Concept {
  /** Index terms that stand for this concept, each with its weight (1 for exact). */
  readonly terms: ReadonlyMap<string, number>;
  /**
   * The terms among `terms` that are the question's own word in another form: its own terms
   * (alias and ordinal terms included), name forms and, for a word no article has, its near
   * spellings. Not words only related in meaning (synonyms, broader or narrower, derived words).
   * What a passage shown bolds.
   */
  readonly variants: ReadonlySet<string>;
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

/** How many edits a word of a given (stemmed) length may be away from a known one. */
const maxEditsFor = (length: number, typos: TypoTolerance): number =>
  length >= typos.twoEditsFrom ? 2 : length >= typos.oneEditFrom ? 1 : 0;

const scaleWeights = (terms: ReadonlyMap<string, number>, factor: number) =>
  new Map([...terms].map(([term, weight]) => [term, weight * factor]));

/** What question analysis needs besides the question: how to analyse text, the index, a thesaurus and the options. */
export interface QuestionContext {
  readonly analyzer: Analyzer;
  readonly index: SentenceIndex;
  readonly thesaurus: Thesaurus | null;
  readonly options: Pick<
    ResolvedOptions,
    'relationWeights' | 'relatedWordWeight' | 'typoTolerance' | 'realWordTypoWeight' | 'answerNounWeight'
  >;
}

export function analyzeQuestion(question: string, context: QuestionContext): AnalyzedQuestion {
  const { analyzer } = context;
  const terms = analyzer.analyzeQuestion(question);
  // Terms whose spans overlap (a name and its alias group term) form one concept.
  const groups: Array<{ end: number; terms: Set<string>; words: Set<string> }> = [];
  for (const term of terms) {
    const surface = question.slice(term.start, term.end);
    const word = wordOf(surface);
    const ordinal = ordinalWord(surface);
    const ordinalTerm = ordinal === null ? null : analyzer.singleTerm(ordinal);
    const last = groups.at(-1);
    if (last !== undefined && term.start < last.end) {
      last.terms.add(term.term);
      last.words.add(word);
      if (ordinalTerm !== null) last.terms.add(ordinalTerm);
      last.end = Math.max(last.end, term.end);
    } else {
      groups.push({ end: term.end, terms: new Set(ordinalTerm === null ? [term.term] : [term.term, ordinalTerm]), words: new Set([word]) });
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
    const concept = conceptOf(group, context);
    const namesAnswerKind = [...group.terms].every((term) => answerNounTerms.has(term));
    concepts.push(
      namesAnswerKind
        ? {
            ...concept,
            terms: scaleWeights(concept.terms, context.options.answerNounWeight),
            weight: concept.weight * context.options.answerNounWeight,
          }
        : concept,
    );
  }
  const words = new Set(tokenize(question).map((token) => wordOf(token.surface)));
  return { concepts, answerType: answerTypeOf(question), words };
}

/**
 * The index terms for one group of question terms. A dictionary word also brings in related
 * words from the thesaurus, weighted by their relation: in full when the corpus lacks the word itself
 * ("journalists" finds "reporters"), times `relatedWordWeight` when the corpus has it.
 * A word that is neither in the corpus nor in the dictionary is a typo or a name, and is
 * matched to near spellings instead ("Zelenksy" finds "Zelensky").
 */
function conceptOf(
  group: { terms: ReadonlySet<string>; words: ReadonlySet<string> },
  { analyzer, index, thesaurus, options }: QuestionContext,
): Concept {
  const terms = new Map<string, number>();
  const variants = new Set<string>();
  const add = (term: string, weight: number, variant: boolean) => {
    if (index.documentFrequency(term) === 0) return;
    if ((terms.get(term) ?? 0) < weight) terms.set(term, weight);
    if (variant) variants.add(term);
  };
  for (const term of group.terms) add(term, 1, true);
  const inCorpus = terms.size > 0;
  const ownWeight = withWeight(terms, variants, index).weight;

  for (const word of group.words) {
    if (/^\p{N}/u.test(word)) continue;
    const dictionaryWord = thesaurus?.isWord(word) === true;
    if (dictionaryWord) {
      for (const related of thesaurus?.related(word) ?? []) {
        // A form of a name counts whether or not the corpus has the word itself ("Panama" / "Panamanian").
        const factor = inCorpus && related.relation !== 'nameForm' ? options.relatedWordWeight : 1;
        const term = factor === 0 ? null : analyzer.singleTerm(related.word);
        if (term !== null) add(term, options.relationWeights[related.relation] * factor, related.relation === 'nameForm');
      }
    }
    if (!inCorpus) {
      // A word no article has may be a typo or a misspelt name, even when it is a dictionary word.
      const [term] = analyzer.analyze(word);
      const maxEdits = maxEditsFor(term?.term.length ?? 0, options.typoTolerance);
      if (term === undefined || maxEdits === 0) continue;
      const factor = dictionaryWord ? options.realWordTypoWeight : 1;
      for (const similar of index.similarTerms(term.term, maxEdits)) {
        add(similar.term, factor * (1 - options.typoTolerance.weightPerEdit * similar.distance), true);
      }
    }
  }
  // Related words widen what matches, not how much the question's own word weighs.
  return inCorpus ? { terms, variants, weight: ownWeight, known: true } : withWeight(terms, variants, index);
}

function withWeight(terms: ReadonlyMap<string, number>, variants: ReadonlySet<string>, index: SentenceIndex): Concept {
  const known = terms.size > 0;
  const weight = known ? Math.max(...[...terms.keys()].map((term) => index.idf(term))) : index.idf('');
  return { terms, variants, weight, known };
}
