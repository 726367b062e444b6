import { describe, expect, it } from 'vitest';
import { buttonCustomId, parseButtonCustomId, type ButtonAction } from '../../src/bot/custom-ids.js';

describe('button custom ids', () => {
  it.each<ButtonAction>([
    { kind: 'more', page: 2 },
    { kind: 'context', page: 1 },
    { kind: 'feedback', vote: 'up', page: 3 },
    { kind: 'feedback', vote: 'down', page: 1 },
    { kind: 'sources', page: 12 },
  ])('round-trips %j within 100 characters', (action) => {
    const id = buttonCustomId(action);
    expect(id.length).toBeLessThanOrEqual(100);
    expect(parseButtonCustomId(id)).toEqual(action);
  });

  it('uses the documented shapes', () => {
    expect(buttonCustomId({ kind: 'more', page: 2 })).toBe('more:2');
    expect(buttonCustomId({ kind: 'feedback', vote: 'down', page: 1 })).toBe('fb:down:1');
  });

  it.each(['', 'more', 'more:', 'more:0', 'more:-1', 'more:x', 'fb:sideways:1', 'context:1:2', 'other:1'])(
    'does not understand %j',
    (id) => {
      expect(parseButtonCustomId(id)).toBeNull();
    },
  );
});
