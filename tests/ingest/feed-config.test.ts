import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((problem) => problem.message);
    throw error;
  }
  return [];
}

describe('feed and fetch configuration', () => {
  it('reads FEEDS separated by commas, spaces or new lines, once each', () => {
    expect(loadConfig({ FEEDS: 'https://a.example/rss\nhttps://b.example/atom  https://a.example/rss' }).feeds).toEqual([
      'https://a.example/rss',
      'https://b.example/atom',
    ]);
  });

  it('names the variable and the bad value when a feed is not an http(s) address', () => {
    expect(problems({ FEEDS: 'https://a.example/rss, ftp://b.example/feed' })).toEqual([
      'FEEDS must list RSS or Atom feed addresses starting with http:// or https://, separated by commas or spaces (got "ftp://b.example/feed")',
    ]);
  });

  it('checks FEED_INTERVAL_MINUTES and FETCH_ALLOW_LOOPBACK', () => {
    expect(problems({ FEED_INTERVAL_MINUTES: '0', FETCH_ALLOW_LOOPBACK: 'maybe' })).toEqual([
      'FEED_INTERVAL_MINUTES must be a whole number from 1 to 10080 (got "0")',
      'FETCH_ALLOW_LOOPBACK must be true or false (got "maybe")',
    ]);
    expect(loadConfig({ FETCH_ALLOW_LOOPBACK: 'false' }).fetchAllowLoopback).toBe(false);
  });
});
