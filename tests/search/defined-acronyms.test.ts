import { describe, expect, it } from 'vitest';
import { abbreviates, definedAcronyms } from '../../src/search/defined-acronyms.js';
import { articleOf } from './support/corpus.js';

const groupsOf = (text: string) => definedAcronyms([articleOf('a', text)]).map((group) => group.names);

describe('definedAcronyms', () => {
  it('makes an alias group of a long form and the short form it defines in brackets', () => {
    expect(groupsOf('The World Health Organization (WHO) named it.')).toEqual([['World Health Organization', 'WHO']]);
    expect(definedAcronyms([articleOf('a', 'The Federal Reserve (Fed) met.')])[0]?.canonical).toBe('Fed');
    expect(groupsOf('Officials at the Federal Reserve (Fed) met.')).toEqual([['Federal Reserve', 'Fed']]);
    expect(groupsOf('The Recording Industry Association of America (RIAA) sent it.')).toEqual([
      ['Recording Industry Association of America', 'RIAA'],
    ]);
  });

  it('takes a word for each capital of the short form, so the long form is not cut short', () => {
    expect(groupsOf('The Apollo Applications Program (AAP) ran on.')).toEqual([['Apollo Applications Program', 'AAP']]);
  });

  it('defines nothing from brackets that do not abbreviate what stands before them', () => {
    expect(groupsOf('Senator Joe Biden (D) spoke on Monday (local time).')).toEqual([]);
    expect(groupsOf('The Chinese Tran (Chen) dynasty.')).toEqual([]);
  });

  it('gives one group for a definition repeated across articles', () => {
    const text = 'The World Health Organization (WHO) spoke.';
    expect(definedAcronyms([articleOf('a', text), articleOf('b', text)])).toHaveLength(1);
  });

  it('gives one group per short form, with each long form it stands for, and none for a short form defined many ways', () => {
    expect(groupsOf('The American Broadcasting Company (ABC) and the Australian Broadcasting Corporation (ABC) agreed.')).toEqual([
      ['American Broadcasting Company', 'Australian Broadcasting Corporation', 'ABC'],
    ]);
    const many = ['Alpha Beta Company', 'Able Baker Club', 'Acme Bolt Corp', 'Apple Berry Cake']
      .map((long) => `The ${long} (ABC) met.`)
      .join(' ');
    expect(groupsOf(many)).toEqual([]);
  });
});

describe('abbreviates', () => {
  it('reads the short form in order from the long one, its first letter starting a word', () => {
    expect(abbreviates('TEPCO', 'Tokyo Electric Power Company')).toBe(true);
    expect(abbreviates('HIV', 'human immunodeficiency virus')).toBe(true);
    expect(abbreviates('XYZ', 'Tokyo Electric Power')).toBe(false);
    expect(abbreviates('MS', 'Americans')).toBe(false);
  });
});
