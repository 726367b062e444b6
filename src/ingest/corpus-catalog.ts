import { createHash } from 'node:crypto';
import { loadCorpus } from '../corpus/load-corpus.js';
import type { Article } from '../corpus/types.js';

/** An article already in the corpus that a new one repeats, and how that was seen. */
export interface KnownArticle {
  readonly file: string;
  readonly title: string;
  /** `url`: the same canonical address; `content`: the same text under another address. */
  readonly by: 'url' | 'content';
}

// Tracking parameters say who linked to a page, not which page it is.
const TRACKING_PARAMETER = /^(?:utm_\w+|fbclid|gclid|dclid|mc_cid|mc_eid|ocid|cmpid|smid|ref|ref_src)$/iu;

/**
 * What the corpus already holds, so that the same article is never added twice: by canonical
 * address first, then by a fingerprint of its text (the same story under another address). Read
 * from the corpus folder with the corpus loader, so it sees every file the bot answers from.
 */
export class CorpusCatalog {
  readonly #byUrl = new Map<string, Article>();
  readonly #byContent = new Map<string, Article>();
  readonly #ids = new Set<string>();

  private constructor(articles: readonly Article[]) {
    for (const article of articles) this.remember(article);
  }

  static async read(dir: string): Promise<CorpusCatalog> {
    return new CorpusCatalog((await loadCorpus(dir)).articles);
  }

  /** Every article id in use: a new file must not take one (the loader refuses a second file with the same id). */
  get ids(): ReadonlySet<string> {
    return this.#ids;
  }

  /** The article in the corpus at this address, if any. */
  findUrl(url: string): KnownArticle | null {
    const known = this.#byUrl.get(urlKey(url));
    return known === undefined ? null : { file: known.file, title: known.title, by: 'url' };
  }

  /** The article in the corpus that `article` repeats, by address or by text, if any. */
  findDuplicate(article: Pick<Article, 'url' | 'paragraphs'>): KnownArticle | null {
    if (article.url !== null) {
      const sameUrl = this.findUrl(article.url);
      if (sameUrl !== null) return sameUrl;
    }
    const sameText = this.#byContent.get(contentFingerprint(article.paragraphs));
    return sameText === undefined ? null : { file: sameText.file, title: sameText.title, by: 'content' };
  }

  /** Records an article just written, so that the rest of a feed is checked against it too. */
  remember(article: Article): void {
    this.#ids.add(article.id);
    if (article.url !== null) this.#byUrl.set(urlKey(article.url), article);
    this.#byContent.set(contentFingerprint(article.paragraphs), article);
  }
}

/**
 * One key for every spelling of an article's address: scheme, `www.`, fragment, tracking
 * parameters and a trailing slash do not make another article.
 */
export function urlKey(address: string): string {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return address.trim();
  }
  const parameters = [...url.searchParams].filter(([name]) => !TRACKING_PARAMETER.test(name));
  const query = new URLSearchParams(parameters).toString();
  const path = url.pathname.replace(/\/+$/u, '') || '/';
  return `${url.hostname.replace(/^www\./u, '')}${url.port === '' ? '' : `:${url.port}`}${path}${query === '' ? '' : `?${query}`}`;
}

/** A digest of an article's text that ignores case, spacing and Unicode spelling differences. */
export function contentFingerprint(paragraphs: readonly string[]): string {
  const hash = createHash('sha256');
  for (const paragraph of paragraphs) hash.update(paragraph.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim()).update('\n');
  return hash.digest('hex');
}
