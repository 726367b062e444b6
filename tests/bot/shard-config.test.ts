import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { isReloadOrder, isReloadRequest, reloadOrder, reloadRequest } from '../../src/bot/shard-messages.js';

describe('SHARD_COUNT', () => {
  it('is off when unset, a number, or auto', () => {
    expect(loadConfig({}).shardCount).toBeNull();
    expect(loadConfig({ SHARD_COUNT: '4' }).shardCount).toBe(4);
    expect(loadConfig({ SHARD_COUNT: 'auto' }).shardCount).toBe('auto');
    expect(loadConfig({ SHARD_COUNT: ' AUTO ' }).shardCount).toBe('auto');
  });

  it('names the variable and what it expects when invalid', () => {
    expect(() => loadConfig({ SHARD_COUNT: 'two' })).toThrow(ConfigError);
    expect(() => loadConfig({ SHARD_COUNT: '0' })).toThrow(/SHARD_COUNT must be a whole number from 1 to 10000 or auto \(got "0"\)/u);
  });

  it('is not a request to shard again inside a shard process started by the manager', () => {
    const shard = loadConfig({ SHARD_COUNT: '2', SHARDING_MANAGER: 'true', SHARDS: '1' });
    expect(shard.shardCount).toBeNull();
    expect(shard.shardProcess).toBe(true);
    expect(loadConfig({ SHARD_COUNT: '2' }).shardProcess).toBe(false);
  });
});

describe('shard messages', () => {
  it('tells a reload request from a reload order and from anything else', () => {
    expect(isReloadRequest(reloadRequest([1]))).toBe(true);
    expect(isReloadOrder(reloadOrder())).toBe(true);
    expect(isReloadRequest(reloadOrder())).toBe(false);
    for (const other of [null, 'reload', 42, {}, { type: 'x' }, { type: 'article-qa-bot:reload-other-shards' }]) {
      expect(isReloadRequest(other)).toBe(false);
    }
    expect(isReloadOrder({ type: 'article-qa-bot:reload-other-shards', reloadedShards: [] })).toBe(false);
  });
});
