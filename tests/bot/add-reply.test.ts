import { describe, expect, it } from 'vitest';
import { buildAddReply } from '../../src/bot/replies/add-reply.js';
import { DISCORD_LIMITS } from '../../src/bot/format/discord-limits.js';

describe('buildAddReply', () => {
  it('stays within the description limit for a page whose address is longer than a description may be', () => {
    const url = `https://example.com/${'a'.repeat(5000)}`;
    const reply = buildAddReply(
      {
        status: 'added',
        file: 'a.md',
        id: 'a',
        title: 'A title',
        date: '2025-07-03',
        url,
        source: null,
        feed: null,
        paragraphs: 1,
        sentences: 3,
      },
      null,
    );
    const description = reply.embeds?.[0]?.description ?? '';
    expect(description.length).toBeGreaterThan(0);
    expect(description.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
  });
});
