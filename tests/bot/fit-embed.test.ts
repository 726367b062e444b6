import { describe, expect, it } from 'vitest';
import { embedLength, fitEmbed } from '../../src/bot/format/fit-embed.js';
import { firstUnclosedMarkup } from '../../src/bot/format/truncate.js';

const words = (count: number): string => Array.from({ length: count }, (_, index) => `w${index}`).join(' ');

describe('fitEmbed', () => {
  it('leaves an embed within limits unchanged', () => {
    const embed = { title: 't', description: 'd', fields: [{ name: 'n', value: 'v' }], footer: { text: 'f' } };
    expect(fitEmbed(embed)).toEqual(embed);
  });

  it('cuts every part to its own limit and keeps at most 25 fields', () => {
    const fitted = fitEmbed({
      title: words(200),
      description: words(2000),
      author: { name: words(200) },
      footer: { text: words(1000) },
      fields: Array.from({ length: 40 }, () => ({ name: words(100), value: words(500) })),
    });
    expect(fitted.title?.length).toBeLessThanOrEqual(256);
    expect(fitted.description?.length).toBeLessThanOrEqual(4096);
    expect(fitted.author?.name.length).toBeLessThanOrEqual(256);
    expect(fitted.footer?.text.length).toBeLessThanOrEqual(2048);
    expect(fitted.fields?.length).toBeLessThanOrEqual(25);
    for (const field of fitted.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(256);
      expect(field.value.length).toBeLessThanOrEqual(1024);
    }
    expect(embedLength(fitted)).toBeLessThanOrEqual(6000);
  });

  it('shortens the description first to respect the 6,000 total', () => {
    const fitted = fitEmbed({ title: words(40), description: words(2000), footer: { text: words(500) } });
    expect(embedLength(fitted)).toBeLessThanOrEqual(6000);
    expect(fitted.footer?.text.length).toBeGreaterThan(2000);
  });

  it('never leaves bold open when cutting', () => {
    const description = Array.from({ length: 2000 }, (_, index) => (index % 2 === 0 ? '**bold**' : 'plain')).join(' ');
    const fitted = fitEmbed({ description });
    expect(firstUnclosedMarkup(fitted.description ?? '')).toBe(-1);
    expect(fitted.description?.endsWith('…')).toBe(true);
  });
});
