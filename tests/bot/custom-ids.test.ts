import { describe, expect, it } from 'vitest';
import { articleKey } from '../../src/bot/article-key.js';
import { buttonCustomId, MAX_CUSTOM_ID_LENGTH, parseButtonCustomId, type ButtonAction } from '../../src/bot/custom-ids.js';

const THREE_PASSAGES = [
  { article: articleKey('2025-07-03-trump-putin-call'), paragraph: 14, sentence: 52 },
  { article: articleKey('2025-07-03-trump-putin-call'), paragraph: 15, sentence: 55 },
  { article: articleKey('a-very-long-article-id-taken-from-a-file-name-that-goes-on-and-on-and-on'), paragraph: 1, sentence: 1 },
];

describe('button custom ids', () => {
  it.each<ButtonAction>([
    { kind: 'more', page: 2 },
    { kind: 'previous', page: 1 },
    { kind: 'context', page: 1 },
    { kind: 'feedback', vote: 'up', page: 3, passages: THREE_PASSAGES },
    { kind: 'feedback', vote: 'down', page: 1, passages: THREE_PASSAGES.slice(0, 1) },
    { kind: 'sources', page: 12 },
  ])('round-trips %j within 100 characters', (action) => {
    const id = buttonCustomId(action);
    expect(id.length).toBeLessThanOrEqual(100);
    expect(parseButtonCustomId(id)).toEqual(action);
  });

  it('uses the documented shapes', () => {
    expect(buttonCustomId({ kind: 'more', page: 2 })).toBe('more:2');
    expect(buttonCustomId({ kind: 'previous', page: 1 })).toBe('prev:1');
    const key = articleKey('ferry');
    expect(key).toMatch(/^[A-Za-z0-9_-]{8}$/u);
    expect(
      buttonCustomId({
        kind: 'feedback',
        vote: 'down',
        page: 1,
        passages: [
          { article: key, paragraph: 3, sentence: 40 },
          { article: key, paragraph: 12, sentence: 36 },
        ],
      }),
    ).toBe(`fb:down:1:${key}.3.14~${key}.c.10`);
  });

  it('keeps a vote on three passages within Discord’s limit, with the largest numbers a page and an article can have', () => {
    const huge = 36 ** 6 - 1;
    const id = buttonCustomId({
      kind: 'feedback',
      vote: 'down',
      page: 999_999,
      passages: THREE_PASSAGES.map((passage) => ({ ...passage, paragraph: huge, sentence: huge })),
    });
    expect(id.length).toBeLessThanOrEqual(MAX_CUSTOM_ID_LENGTH);
    expect(MAX_CUSTOM_ID_LENGTH).toBe(100);
  });

  it.each([
    '',
    'more',
    'more:',
    'more:0',
    'more:-1',
    'more:x',
    'fb:sideways:1',
    'context:1:2',
    'other:1',
    // A vote button of the first version, which named no passage: it can only be answered as expired.
    'fb:up:1',
    'fb:up:1:',
    'fb:up:1:short.1.1',
    'fb:up:1:AAAAAAAA.0.1',
    'fb:up:1:AAAAAAAA.1.1~AAAAAAAA.1.2~AAAAAAAA.1.3~AAAAAAAA.1.4~AAAAAAAA.1.5~AAAAAAAA.1.6',
  ])('does not understand %j', (id) => {
    expect(parseButtonCustomId(id)).toBeNull();
  });
});
