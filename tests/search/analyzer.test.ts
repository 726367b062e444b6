import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/search/analyzer.js';
import { builtInAliasGroups } from '../../src/search/built-in-aliases.js';

const analyzer = new Analyzer(builtInAliasGroups());
const terms = (text: string) => analyzer.analyze(text).map((term) => term.term);
const questionTerms = (text: string) => analyzer.analyzeQuestion(text).map((term) => term.term);

describe('Analyzer', () => {
  it('folds case and diacritics so spellings with and without accents meet', () => {
    expect(terms('Zelenskÿy ZELENSKYY zelenskyy')).toEqual(terms('zelenskyy zelenskyy zelenskyy'));
    expect(terms('Île-de-France')).toEqual(terms('ile de france'));
  });

  it('drops possessives and stems plurals and verb endings', () => {
    expect(terms("Russia's attacks")).toEqual(terms('Russia attack'));
    expect(terms('decisions negotiating')).toEqual(terms('decision negotiate'));
  });

  it('maps irregular verb forms to their base form before stemming', () => {
    expect(terms('said told spoken held')).toEqual(terms('say tell speak hold'));
  });

  it('removes stop words and question framing words from questions', () => {
    expect(questionTerms('What did the article say about the ceasefire, please?')).toEqual(terms('say ceasefire'));
  });

  it('keeps decimals and joins thousands', () => {
    expect(terms('3.5 percent of 1,200')).toEqual(['3.5', 'percent', '1200']);
  });

  it('adds one shared term for every name of an alias group, including phrases', () => {
    const pentagon = terms('the Pentagon').filter((term) => term.startsWith('='));
    expect(pentagon).toHaveLength(1);
    expect(terms('the U.S. Defense Department')).toContain(pentagon[0]);
    expect(terms('the Department of Defense')).toContain(pentagon[0]);
    expect(terms('Kiev')).toEqual(expect.arrayContaining(terms('Kyiv').filter((term) => term.startsWith('='))));
  });

  it('reads "U.S." and "US" as the country but the pronoun "us" as a stop word', () => {
    const country = terms('United States').find((term) => term.startsWith('='));
    expect(terms('U.S. officials')).toContain(country);
    expect(terms('US officials')).toContain(country);
    expect(terms('he told us')).not.toContain(country);
  });

  it('does not read words that merely stem like a short name as that name ("used" is not "US")', () => {
    const country = terms('United States').find((term) => term.startsWith('='));
    for (const text of ['numerals were used', 'the uses of oxygen', 'Europe used it']) expect(terms(text)).not.toContain(country);
    // Longer names still match their other forms.
    expect(terms('Americans said')).toContain(country);
  });

  it('gives the span of the text each term came from', () => {
    const text = 'The U.S. Defense Department paused shipments.';
    const spans = analyzer.analyze(text).map((term) => text.slice(term.start, term.end));
    expect(spans).toEqual(expect.arrayContaining(['U.S.', 'Defense', 'Department', 'Defense Department', 'paused', 'shipments']));
  });

  it('never throws and yields nothing for text without words', () => {
    for (const text of ['', '   ', '!!!', '\u0000\u0007', '🙂🙂', '<@123> @everyone']) expect(() => analyzer.analyze(text)).not.toThrow();
    expect(terms('?! …')).toEqual([]);
  });
});
