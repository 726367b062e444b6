import { createHash } from 'node:crypto';
import type { Engine } from '../search/types.js';

/**
 * A short stand-in for an article id inside a button's custom id, where three ids of file-name
 * length would not fit in Discord's 100 characters: 8 characters of the id's SHA-256
 * (48 bits: two of 10,000 articles share one with a chance of about one in five million).
 */
export function articleKey(articleId: string): string {
  return createHash('sha256').update(articleId).digest('base64url').slice(0, ARTICLE_KEY_LENGTH);
}

export const ARTICLE_KEY_LENGTH = 8;

const idsByKey = new WeakMap<Engine, ReadonlyMap<string, string>>();

/** The id of the article of `engine` whose key this is, or undefined when it has none (e.g. it left in a reload). */
export function articleIdOfKey(engine: Engine, key: string): string | undefined {
  let ids = idsByKey.get(engine);
  if (ids === undefined) {
    ids = new Map(engine.articles.map((article) => [articleKey(article.id), article.id]));
    idsByKey.set(engine, ids);
  }
  return ids.get(key);
}
