import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../../src/search/options.js';
import { analyzeQuestion, type AnalyzedQuestion } from '../../src/search/question.js';
import type { RelatedWord, Thesaurus } from '../../src/search/wordnet.js';
import { articleOf, indexed } from './support/corpus.js';

const corpus = indexed(
  articleOf(
    'a',
    'Reporters asked Zelensky about the talks. The Kremlin said Russia would continue. Twenty people were arrested in Panama. The Panamanian team won. The second debate was cancelled. Cobi Crispin scored.',
  ),
);

/** A thesaurus that knows a few words, standing in for WordNet. */
const thesaurus: Thesaurus = {
  isWord: (word) => ['journalists', 'journalist', 'crispen', 'panama', 'panamanian', 'people'].includes(word),
  related: (word): RelatedWord[] =>
    ({
      journalists: [{ word: 'reporter', relation: 'synonym' as const }],
      panama: [{ word: 'panamanian', relation: 'nameForm' as const }],
      people: [{ word: 'persons', relation: 'synonym' as const }],
    })[word] ?? [],
};

function analyse(question: string, options = {}): AnalyzedQuestion {
  return analyzeQuestion(question, { analyzer: corpus.analyzer, index: corpus.index, thesaurus, options: resolveOptions(options) });
}
const termsOf = (question: AnalyzedQuestion) => question.concepts.map((concept) => Object.fromEntries(concept.terms));

describe('analyzeQuestion', () => {
  it('makes one concept of each word that says what the question is about, and none of question words', () => {
    expect(termsOf(analyse('What did the reporters ask?'))).toEqual([{ report: 1 }, { ask: 1 }]);
  });

  it('makes one concept of a name and its alias group', () => {
    const [concept] = analyse('Kremlin').concepts;
    expect(concept?.terms.get('kremlin')).toBe(1);
    expect(concept?.terms.get('=russia')).toBe(1);
  });

  it('finds related words of a word the corpus lacks, at their relation weight', () => {
    expect(termsOf(analyse('journalists'))).toEqual([{ report: 0.7 }]);
    expect(analyse('journalists').concepts[0]?.known).toBe(true);
  });

  it('counts related words of a word the corpus has at relatedWordWeight of their weight, but a name form in full', () => {
    const [panama] = analyse('panama').concepts;
    expect(panama?.terms.get('panama')).toBe(1);
    expect(panama?.terms.get('panamanian')).toBe(0.9);
  });

  it('matches a word that is not a dictionary word to near spellings, weaker the further', () => {
    const [concept] = analyse('Zelenksy').concepts;
    expect(concept?.terms.get('zelenski')).toBe(0.5);
  });

  it('matches a dictionary word the corpus lacks to near spellings too, scaled down: a typo that makes another word', () => {
    const [concept] = analyse('crispen').concepts;
    expect(concept?.terms.get('crispin')).toBeCloseTo(0.6 * 0.75);
  });

  it('counts the noun that names the kind of answer for less', () => {
    const weighted = analyse('which people were arrested');
    const plain = analyse('people arrested');
    expect(weighted.concepts[0]?.weight).toBeCloseTo((plain.concepts[0]?.weight ?? 0) * 0.3);
  });

  it('reads chat words as what they stand for and drops chat filler', () => {
    expect(termsOf(analyse('how many ppl were arrested lol'))).toEqual([{ peopl: 1 }, { arrest: 1 }]);
  });

  it('reads a question in capitals as words, not acronyms', () => {
    expect(termsOf(analyse('WHAT DID THE REPORTERS ASK'))).toEqual([{ report: 1 }, { ask: 1 }]);
  });

  it("looks for an ordinal's word as well as its number: '2nd' finds the 'second' debate", () => {
    expect(termsOf(analyse('the 2nd debate'))[0]).toEqual({ second: 1 });
  });

  it('weighs a rare concept more than a common one', () => {
    const [rare, common] = analyse('Crispin debate').concepts;
    expect(rare?.weight).toBeGreaterThan(0);
    expect(common?.weight).toBeGreaterThan(0);
  });

  it('knows the kind of answer asked for, and the words of the question', () => {
    const question = analyse('Who did Zelensky meet?');
    expect(question.answerType).toBe('person');
    expect(question.words.has('zelensky')).toBe(true);
  });
});
