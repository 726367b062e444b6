/**
 * Messages between the ShardingManager and its shard processes. A `/reload` reaches one shard;
 * that shard asks the manager to pass the reload on to every other shard.
 */
const RELOAD_REQUEST = 'article-qa-bot:reload-other-shards';
const RELOAD_ORDER = 'article-qa-bot:reload';

/** From a shard to the manager: reload every shard but these (which have reloaded already). */
export interface ReloadRequest {
  readonly type: typeof RELOAD_REQUEST;
  readonly reloadedShards: readonly number[];
}

/** From the manager to a shard: reload the corpus. */
export interface ReloadOrder {
  readonly type: typeof RELOAD_ORDER;
}

export const reloadRequest = (reloadedShards: readonly number[]): ReloadRequest => ({ type: RELOAD_REQUEST, reloadedShards });
export const reloadOrder = (): ReloadOrder => ({ type: RELOAD_ORDER });

export function isReloadRequest(message: unknown): message is ReloadRequest {
  return (
    typeof message === 'object' &&
    message !== null &&
    'type' in message &&
    message.type === RELOAD_REQUEST &&
    'reloadedShards' in message &&
    Array.isArray(message.reloadedShards)
  );
}

export function isReloadOrder(message: unknown): message is ReloadOrder {
  return typeof message === 'object' && message !== null && 'type' in message && message.type === RELOAD_ORDER;
}
