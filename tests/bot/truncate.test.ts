import { describe, expect, it } from 'vitest';
import { firstUnclosedMarkup, truncateAtWord } from '../../src/bot/format/truncate.js';

describe('truncateAtWord', () => {
  it('returns text that fits unchanged', () => {
    expect(truncateAtWord('short enough', 12)).toBe('short enough');
  });

  it('cuts at the last word boundary and adds an ellipsis, within the limit', () => {
    const cut = truncateAtWord('the quick brown fox jumps', 17);
    expect(cut).toBe('the quick brown…');
    expect(cut.length).toBeLessThanOrEqual(17);
  });

  it('never cuts in the middle of a word when there is a space to cut at', () => {
    const words = Array.from({ length: 500 }, (_, index) => `word${index}`);
    const text = words.join(' ');
    for (const max of [10, 33, 100, 257, 1024]) {
      const cut = truncateAtWord(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.endsWith('…')).toBe(true);
      const kept = cut.slice(0, -1).split(' ');
      expect(kept.every((word) => words.includes(word))).toBe(true);
    }
  });

  it('never leaves a bold span open', () => {
    const text = 'Putin said **Russia** will **pursue** its **goals** in the war against Ukraine';
    for (let max = 2; max < text.length; max += 1) {
      const cut = truncateAtWord(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(firstUnclosedMarkup(cut)).toBe(-1);
      expect((cut.match(/\*\*/g) ?? []).length % 2).toBe(0);
    }
  });

  it('cuts before a bold span that contains spaces rather than inside it', () => {
    expect(truncateAtWord('see **the whole long title here** now', 20)).toBe('see…');
  });

  it('cuts before a markdown link rather than inside it', () => {
    const text = 'Source: [Trump says no progress](https://example.com/a) · Jul 3, 2025';
    expect(truncateAtWord(text, 30)).toBe('Source:…');
  });

  it('does not split an escape sequence', () => {
    const cut = truncateAtWord('a\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*', 8);
    expect(cut.length).toBeLessThanOrEqual(8);
    expect(/(^|[^\\])(\\\\)*\\…$/.test(cut)).toBe(false);
  });

  it('cuts a single overlong word when it must, without splitting a surrogate pair', () => {
    const cut = truncateAtWord('😀'.repeat(10), 6);
    expect(cut.length).toBeLessThanOrEqual(6);
    expect(cut).toBe('😀😀…');
  });

  it('handles tiny limits', () => {
    expect(truncateAtWord('hello world', 1)).toBe('…');
    expect(truncateAtWord('hello world', 0)).toBe('');
  });
});

describe('firstUnclosedMarkup', () => {
  it('ignores escaped markers', () => {
    expect(firstUnclosedMarkup('\\*\\* not bold')).toBe(-1);
  });

  it('finds the start of an unclosed bold, spoiler or link', () => {
    expect(firstUnclosedMarkup('a **b')).toBe(2);
    expect(firstUnclosedMarkup('a ||b')).toBe(2);
    expect(firstUnclosedMarkup('a [b](http://x')).toBe(2);
    expect(firstUnclosedMarkup('a [b](http://x) **c**')).toBe(-1);
  });
});
