import { describe, expect, it } from 'vitest';
import { americanSpelling, ordinalWord, wordOf } from '../../src/search/word-form.js';

describe('wordOf', () => {
  it('folds case and accents, so every spelling of a name is one word', () => {
    expect(wordOf('ZELENSKYY')).toBe('zelenskyy');
    expect(wordOf('Zelenskÿy')).toBe('zelenskyy');
  });

  it('drops possessives, apostrophes, the dots of abbreviations and thousands separators', () => {
    expect(wordOf("Russia's")).toBe('russia');
    expect(wordOf('didn’t')).toBe('didnt');
    expect(wordOf('U.S.')).toBe('us');
    expect(wordOf('1,200')).toBe('1200');
    expect(wordOf('3.5')).toBe('3.5');
  });

  it('writes numbers one way: number words and ordinals with digits become digits, "-ish" is dropped, % is "percent"', () => {
    expect(wordOf('two')).toBe('2');
    expect(wordOf('Twenty')).toBe('20');
    expect(wordOf('3rd')).toBe('3');
    expect(wordOf('21st')).toBe('21');
    expect(wordOf('800ish')).toBe('800');
    expect(wordOf('%')).toBe('percent');
    expect(wordOf('second')).toBe('second');
  });

  it('makes British spellings American, with their endings', () => {
    expect(wordOf('Defence')).toBe('defense');
    expect(wordOf('colours')).toBe('colors');
    expect(wordOf('centre')).toBe('center');
    expect(wordOf('organised')).toBe('organized');
    expect(wordOf('privatisation')).toBe('privatization');
    expect(wordOf('analysed')).toBe('analyzed');
    expect(wordOf('travelled')).toBe('traveled');
  });
});

describe('americanSpelling', () => {
  it('leaves words that only look British alone', () => {
    for (const word of ['promise', 'exercise', 'surprised', 'rise', 'noise', 'four', 'hour', 'your', 'tour']) {
      expect(americanSpelling(word)).toBe(word);
    }
  });
});

describe('ordinalWord', () => {
  it('reads an ordinal written with digits as its word, up to tenth', () => {
    expect(ordinalWord('2nd')).toBe('second');
    expect(ordinalWord('10th')).toBe('tenth');
    expect(ordinalWord('11th')).toBeNull();
    expect(ordinalWord('second')).toBeNull();
    expect(ordinalWord('2')).toBeNull();
  });
});
