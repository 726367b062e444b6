import { beforeAll, describe, expect, it } from 'vitest';
import { IRREGULAR_FORMS } from '../../src/search/irregular-forms.js';
import { WordNet } from '../../src/search/wordnet.js';
import { writeTinyWordNet } from './support/tiny-wordnet.js';

let wordNet: WordNet;
beforeAll(() => {
  const dir = writeTinyWordNet({
    reporter: {
      part: 'n',
      words: ['reporter', 'journalist', 'newsman'],
      pointers: [
        ['@', 'communicator', 0, 0],
        ['+', 'report', 1, 1],
      ],
    },
    communicator: { part: 'n', words: ['communicator'], pointers: [['~', 'reporter', 0, 0]] },
    report: { part: 'v', words: ['report', 'describe'], pointers: [['+', 'reporter', 1, 1]] },
    panama: { part: 'n', words: ['Panama', 'Republic of Panama'], pointers: [['+', 'panamanian', 1, 1]] },
    panamanian: { part: 'a', words: ['Panamanian'], pointers: [['+', 'panama', 1, 1]] },
    say: { part: 'v', words: ['say', 'state'] },
    zebra: { part: 'n', words: ['zebra'] },
    aardvark: { part: 'n', words: ['aardvark'] },
  });
  wordNet = new WordNet(IRREGULAR_FORMS, dir);
});

describe('WordNet.isWord', () => {
  it('finds a dictionary word, the first and last of the sorted index included', () => {
    expect(wordNet.isWord('reporter')).toBe(true);
    expect(wordNet.isWord('aardvark')).toBe(true);
    expect(wordNet.isWord('zebra')).toBe(true);
  });

  it('reads an inflected form by WordNet detachment rules, and an irregular verb form by its base', () => {
    expect(wordNet.isWord('reporters')).toBe(true);
    expect(wordNet.isWord('reported')).toBe(true);
    expect(wordNet.isWord('said')).toBe(true);
  });

  it('does not take a name or a typo for a word', () => {
    expect(wordNet.isWord('zelensky')).toBe(false);
    expect(wordNet.isWord('reportre')).toBe(false);
    expect(wordNet.isWord('')).toBe(false);
    expect(wordNet.isWord('two words')).toBe(false);
  });
});

describe('WordNet.related', () => {
  it('gives the words of the same synset as synonyms', () => {
    expect(wordNet.related('reporter')).toEqual(
      expect.arrayContaining([
        { word: 'journalist', relation: 'synonym' },
        { word: 'newsman', relation: 'synonym' },
      ]),
    );
  });

  it('gives derived forms and broader words of the main sense', () => {
    const related = wordNet.related('reporter');
    expect(related).toContainEqual({ word: 'report', relation: 'derived' });
    expect(related).toContainEqual({ word: 'communicator', relation: 'broaderOrNarrower' });
  });

  it('calls a form of a name a name form, in both directions', () => {
    expect(wordNet.related('panama')).toContainEqual({ word: 'panamanian', relation: 'nameForm' });
    expect(wordNet.related('panamanian')).toContainEqual({ word: 'panama', relation: 'nameForm' });
  });

  it('never relates a word to itself or to a phrase', () => {
    const words = wordNet.related('panama').map((entry) => entry.word);
    expect(words).not.toContain('panama');
    expect(words.some((word) => word.includes('_') || word.includes(' '))).toBe(false);
  });

  it('keeps a broad category from giving every narrower word', () => {
    const narrow = new WordNet(
      IRREGULAR_FORMS,
      writeTinyWordNet({
        person: {
          part: 'n',
          words: ['person'],
          pointers: [
            ['~', 'a', 0, 0],
            ['~', 'b', 0, 0],
          ],
        },
        a: { part: 'n', words: ['adult'] },
        b: { part: 'n', words: ['child'] },
      }),
      { maxNarrower: 1 },
    );
    expect(narrow.related('person')).toEqual([]);
  });
});
