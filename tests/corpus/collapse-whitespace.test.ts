import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseWhitespace } from '../../src/corpus/collapse-whitespace.js';

describe('collapseWhitespace', () => {
  it('is exactly replace(/\\s+/g, " ").trim(), for any mix of whitespace', () => {
    const character = fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '\u00A0', '\u2003', '\u2028', '\uFEFF', 'a', 'B', '.', 'é');
    fc.assert(
      fc.property(fc.array(character, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(collapseWhitespace(text)).toBe(text.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 2000 },
    );
  });

  it('gives back already collapsed text unchanged', () => {
    const text = 'One sentence. Another one here.';
    expect(collapseWhitespace(text)).toBe(text);
  });
});
