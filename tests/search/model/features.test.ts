import { describe, expect, it } from 'vitest';
import { CandidateFinder } from '../../../src/search/candidate-finder.js';
import { type Candidate, type CandidateFeature, featureIndex, matchedTermsOf } from '../../../src/search/model/features.js';
import { resolveOptions } from '../../../src/search/options.js';
import { articleOf, indexed } from '../support/corpus.js';

const corpus = indexed(
  articleOf(
    'council',
    [
      'The East Gippsland council voted on a motion against nuclear weapons on Tuesday.',
      'The motion was moved by Councillor Tony Crook. He said the weapons threaten everyone.',
      'Mayor Urie broke the tie in favour of the motion.',
    ].join('\n\n'),
    'Council votes against nuclear weapons',
  ),
  articleOf('garden', 'Weapons of the garden are spades. The council garden opened on Tuesday.', 'Garden tools'),
);
const finder = new CandidateFinder(corpus, resolveOptions(), null);

function candidateFor(question: string, sentenceStart: string): Candidate {
  const found = finder.find(question);
  const candidate = found.candidates.find((entry) => corpus.index.sentences[entry.id]?.text.startsWith(sentenceStart));
  if (candidate === undefined) throw new Error(`"${sentenceStart}" is not a candidate for "${question}"`);
  return candidate;
}
const value = (candidate: Candidate, name: CandidateFeature) => candidate.features[featureIndex(name)] ?? 0;

describe('candidate features', () => {
  it('measure the share of the question a sentence holds, alone and with its neighbours', () => {
    const sentence = candidateFor('who moved the motion against nuclear weapons', 'The motion was moved');
    expect(value(sentence, 'coverage')).toBeGreaterThan(0);
    expect(value(sentence, 'coverage')).toBeLessThan(1);
    expect(value(sentence, 'contextCoverage')).toBeGreaterThan(value(sentence, 'coverage'));
    expect(value(sentence, 'neighbourGain')).toBeCloseTo(value(sentence, 'contextCoverage') - value(sentence, 'coverage'));
  });

  it('credit a sentence that leans on the one before with what that one says', () => {
    const he = candidateFor('what did crook say about the weapons', 'He said');
    expect(value(he, 'leansOnPrevious')).toBe(1);
    expect(value(he, 'previousGain')).toBeGreaterThan(0);
    expect(value(he, 'referenceGain')).toBeCloseTo(value(he, 'previousGain'));
    expect(value(he, 'reportedSpeech')).toBe(1);
  });

  it("measure how much the whole article and its title are about the question, and rank the article against the others'", () => {
    const council = candidateFor('council vote on nuclear weapons tuesday', 'The East Gippsland');
    const garden = candidateFor('council vote on nuclear weapons tuesday', 'The council garden');
    expect(value(council, 'articleCoverage')).toBeGreaterThan(value(garden, 'articleCoverage'));
    expect(value(council, 'articleRank')).toBe(1);
    expect(value(garden, 'articleRank')).toBeLessThan(1);
    expect(value(council, 'titleCoverage')).toBeGreaterThan(value(garden, 'titleCoverage'));
  });

  it('mark the lede, the start of a paragraph, and a sentence that holds the kind of answer asked for', () => {
    const lede = candidateFor('when did the council vote on the motion', 'The East Gippsland');
    expect(value(lede, 'lede')).toBe(1);
    expect(value(lede, 'paragraphStart')).toBe(1);
    expect(value(lede, 'answerTime')).toBe(1);
    const mayor = candidateFor('who broke the tie on the motion', 'Mayor Urie');
    expect(value(mayor, 'lede')).toBe(0);
    expect(value(mayor, 'answerPerson')).toBe(1);
    expect(value(mayor, 'answerTime')).toBe(0);
  });

  it('give the best candidate a relative BM25 of 1', () => {
    const [best] = finder.find('mayor urie tie').candidates;
    expect(best === undefined ? 0 : value(best, 'bm25')).toBe(1);
  });

  it('list the question terms a sentence holds, for highlighting', () => {
    const found = finder.find('who broke the tie');
    const mayor = candidateFor('who broke the tie', 'Mayor Urie');
    expect([...matchedTermsOf(corpus.index, found.question, mayor.id)].sort()).toEqual(['break', 'tie']);
  });
});
