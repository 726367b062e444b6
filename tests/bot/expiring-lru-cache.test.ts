import { describe, expect, it } from 'vitest';
import { ExpiringLruCache } from '../../src/bot/expiring-lru-cache.js';

describe('ExpiringLruCache', () => {
  it('returns what was stored until it expires', () => {
    let now = 0;
    const cache = new ExpiringLruCache<string, number>({ maxEntries: 10, ttlMs: 15 * 60_000, now: () => now });
    cache.set('message', 1);
    now += 15 * 60_000 - 1;
    expect(cache.get('message')).toBe(1);
    now += 1;
    expect(cache.get('message')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('drops the least recently used entry beyond its size', () => {
    const cache = new ExpiringLruCache<string, number>({ maxEntries: 2, ttlMs: 60_000 });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect(cache.get('a')).toBe(1);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('restarts the time to live when an entry is written again', () => {
    let now = 0;
    const cache = new ExpiringLruCache<string, number>({ maxEntries: 10, ttlMs: 1_000, now: () => now });
    cache.set('a', 1);
    now = 900;
    cache.set('a', 2);
    now = 1_500;
    expect(cache.get('a')).toBe(2);
  });

  it('can delete entries', () => {
    const cache = new ExpiringLruCache<string, number>({ maxEntries: 10, ttlMs: 1_000 });
    cache.set('a', 1);
    expect(cache.delete('a')).toBe(true);
    expect(cache.get('a')).toBeUndefined();
  });
});
