import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { decodeText } from '../corpus/decode-text.js';
import { describeProblem } from '../corpus/describe-problem.js';
import { parseArticle } from '../corpus/parse-article.js';
import { shortenAtWord } from '../corpus/shorten-at-word.js';
import { CorpusCatalog, urlKey, type KnownArticle, type SavedCatalog } from './corpus-catalog.js';
import { previewCorpusFile, renderCorpusFile, writeCorpusFile, type NewArticle } from './corpus-file.js';
import { decodeDocument } from './document-encoding.js';
import { extractArticle } from './extract-article.js';
import { fetchDocument, webAddress, type FetchedDocument, type FetchOptions } from './fetch-document.js';
import { IngestRefusal } from './ingest-refusal.js';
import { parseFeed, type FeedEntry } from './parse-feed.js';

/** An article written into the corpus. */
export interface AddedArticle {
  readonly status: 'added';
  readonly file: string;
  readonly id: string;
  readonly title: string;
  readonly date: string | null;
  readonly url: string | null;
  readonly source: string | null;
  readonly feed: string | null;
  readonly paragraphs: number;
  readonly sentences: number;
}

/** An article the corpus already has; nothing was written. */
export interface DuplicateArticle {
  readonly status: 'duplicate';
  readonly title: string | null;
  readonly url: string | null;
  readonly existing: KnownArticle;
}

/** An entry of a feed that was not added, and why. */
export interface RefusedEntry {
  readonly url: string;
  readonly reason: string;
  /** It may work next time (a time-out, a server error); it is tried again at the next poll. */
  readonly retryable: boolean;
}

/** What one reading of a feed did. */
export interface FeedRun {
  readonly status: 'feed';
  readonly feed: string;
  readonly title: string | null;
  /** Entries listed (at most `maxFeedEntries` are looked at). */
  readonly entries: number;
  readonly added: readonly AddedArticle[];
  /** Entries already in the corpus, or refused at an earlier reading. */
  readonly alreadyKnown: number;
  readonly refused: readonly RefusedEntry[];
}

export type AddResult = AddedArticle | DuplicateArticle;

/** What the caller of one addition may decide about each article before it is written. */
export interface AddOptions {
  /**
   * Called with each new article (not a duplicate) just before its file is written, with the
   * file's size; throws an `IngestRefusal` to refuse it (a limit the caller keeps, such as
   * `/add`'s articles per hour or the corpus folder's size). Default: every article is written.
   */
  readonly admit?: (article: { readonly title: string; readonly bytes: number }) => void;
}

export interface IngesterOptions {
  /** The corpus folder new articles are written into. */
  readonly corpusDir: string;
  /** Address policy and limits for every fetch. */
  readonly fetch: FetchOptions;
  /** Epoch milliseconds, for the `added` time. Default `Date.now`. */
  readonly now?: () => number;
  /** Entries of one feed looked at per reading, first listed first. Default 50. */
  readonly maxFeedEntries?: number;
}

const DEFAULT_MAX_FEED_ENTRIES = 50;
/** Longer titles (a page that puts its whole text in its title tag) are cut at a word: a headline is shorter. */
const MAX_TITLE_LENGTH = 200;
const FILE_KINDS: Readonly<Record<string, 'html' | 'text' | 'markdown'>> = {
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.txt': 'text',
  '.md': 'markdown',
};

/**
 * Turns web pages, saved files and feeds into corpus files: fetches safely, extracts the
 * article, refuses what is not one, skips what the corpus already has (same canonical address,
 * else same text), and writes one Markdown file per article. It knows nothing of Discord; the
 * CLI, `/add` and the feed poller all go through it. Additions are made one at a time, so two
 * callers cannot add the same article twice.
 */
export class Ingester {
  readonly #options: IngesterOptions;
  readonly #now: () => number;
  /**
   * Feed entries already dealt with (added, found in the corpus, or refused for good): not
   * fetched again at every poll. A feed's link often differs from the article's canonical
   * address, which is all the corpus file keeps; after a restart such an entry is fetched once
   * more and then found to be a duplicate.
   */
  readonly #handledEntries = new Set<string>();
  #writing: Promise<unknown> = Promise.resolve();
  #sharedCatalog: { readonly catalog: Promise<CorpusCatalog>; users: number } | null = null;

  constructor(options: IngesterOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  get corpusDir(): string {
    return this.#options.corpusDir;
  }

  /**
   * Adds the article at `url`. A feed's address adds the articles it lists (a `FeedRun`).
   * Throws an `IngestRefusal` saying why when nothing could be added.
   */
  async addUrl(url: string, options: AddOptions = {}): Promise<AddResult | FeedRun> {
    // Said first, whatever the corpus holds: `data:` or `javascript:` is no web page.
    webAddress(url);
    // An address already in the corpus is answered from the catalog alone, whatever the corpus's size.
    const saved = await CorpusCatalog.readSaved(this.#options.corpusDir);
    const quick = await CorpusCatalog.knownUrl(this.#options.corpusDir, saved, url);
    if (quick !== null) return { status: 'duplicate', title: null, url, existing: quick };
    return this.#withCatalog(saved, async (catalog) => {
      const known = await catalog.findUrl(url);
      if (known !== null) return { status: 'duplicate', title: null, url, existing: known };
      const document = await fetchDocument(url, this.#options.fetch);
      if (document.kind === 'feed') return this.#readFeed(document, catalog, options);
      return this.#addDocument(document, catalog, null, options);
    });
  }

  /** Reads a feed and adds the articles it lists that the corpus does not have yet. */
  async addFeed(feedUrl: string): Promise<FeedRun> {
    const document = await fetchDocument(feedUrl, this.#options.fetch);
    if (document.kind !== 'feed') {
      throw new IngestRefusal(`${feedUrl} is not an RSS or Atom feed (it is ${document.contentType}); FEEDS lists feed addresses`);
    }
    return this.#withCatalog(null, (catalog) => this.#readFeed(document, catalog));
  }

  /** Adds a saved page (.html), a plain text article (.txt) or a Markdown article (.md) from this machine. */
  async addFile(path: string): Promise<AddResult> {
    const kind = FILE_KINDS[extname(path).toLowerCase()];
    if (kind === undefined) {
      throw new IngestRefusal(`${path}: only saved web pages (.html, .htm), plain text (.txt) and Markdown (.md) files are added`);
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      throw new IngestRefusal(`${path} cannot be read (${error instanceof Error && 'code' in error ? String(error.code) : String(error)})`);
    }
    const page =
      kind === 'html'
        ? fromPage(decodeDocument(bytes, null), null)
        : fromCorpusFormat(path, kind === 'markdown' ? 'md' : 'txt', text(path, bytes), null);
    return this.#withCatalog(null, (catalog) => this.#store(page, catalog, null));
  }

  async #readFeed(document: FetchedDocument, catalog: CorpusCatalog, options: AddOptions = {}): Promise<FeedRun> {
    const feed = parseFeed(document.text, document.url);
    const entries = feed.entries.slice(0, this.#options.maxFeedEntries ?? DEFAULT_MAX_FEED_ENTRIES);
    const added: AddedArticle[] = [];
    const refused: RefusedEntry[] = [];
    let alreadyKnown = 0;
    for (const entry of entries) {
      const key = urlKey(entry.url);
      if (this.#handledEntries.has(key) || (await catalog.findUrl(entry.url)) !== null) {
        alreadyKnown += 1;
        continue;
      }
      try {
        const result = await this.#addEntry(entry, document.requestedUrl, catalog, options);
        this.#handledEntries.add(key);
        if (result.status === 'added') added.push(result);
        else alreadyKnown += 1;
      } catch (error) {
        if (!(error instanceof IngestRefusal)) throw error;
        if (!error.retryable) this.#handledEntries.add(key);
        refused.push({ url: entry.url, reason: error.message, retryable: error.retryable });
      }
    }
    return { status: 'feed', feed: document.requestedUrl, title: feed.title, entries: feed.entries.length, added, alreadyKnown, refused };
  }

  async #addEntry(entry: FeedEntry, feedUrl: string, catalog: CorpusCatalog, options: AddOptions): Promise<AddResult> {
    const document = await fetchDocument(entry.url, this.#options.fetch);
    if (document.kind === 'feed') throw new IngestRefusal(`${entry.url} is another feed, not an article`);
    return this.#addDocument(document, catalog, feedUrl, options, entry);
  }

  #addDocument(
    document: FetchedDocument,
    catalog: CorpusCatalog,
    feed: string | null,
    options: AddOptions,
    entry?: FeedEntry,
  ): Promise<AddResult> {
    const page =
      document.kind === 'html' ? fromPage(document.text, document.url) : fromCorpusFormat(document.url, 'txt', document.text, document.url);
    // The feed may know what the page does not say.
    const withFeedFacts = { ...page, title: page.title ?? entry?.title ?? null, date: page.date ?? entry?.date ?? null };
    return this.#store(withFeedFacts, catalog, feed, options);
  }

  /** Checks for a duplicate and writes, one addition at a time. */
  #store(page: PageArticle, catalog: CorpusCatalog, feed: string | null, options: AddOptions = {}): Promise<AddResult> {
    const run = this.#writing.then(async (): Promise<AddResult> => {
      if (page.title === null) {
        throw new IngestRefusal(`${page.origin} has article text but no title, in its tags or as a heading; nothing was added`);
      }
      const article: NewArticle = {
        title: shortenAtWord(page.title, MAX_TITLE_LENGTH),
        date: page.date,
        url: page.url,
        source: page.source,
        paragraphs: page.paragraphs,
        added: new Date(this.#now()).toISOString().replace(/\.\d{3}Z$/u, 'Z'),
        feed,
      };
      const existing = await catalog.findDuplicate(previewCorpusFile(article));
      if (existing !== null) return { status: 'duplicate', title: article.title, url: article.url, existing };
      options.admit?.({ title: article.title, bytes: Buffer.byteLength(renderCorpusFile(article)) });
      const written = await writeCorpusFile(this.#options.corpusDir, article, catalog.ids);
      await catalog.remember(written.file, written.article);
      return {
        status: 'added',
        file: written.file,
        id: written.article.id,
        title: written.article.title,
        date: written.article.date,
        url: written.article.url,
        source: written.article.source,
        feed,
        paragraphs: written.article.paragraphs.length,
        sentences: written.article.sentences.length,
      };
    });
    this.#writing = run.catch(() => undefined);
    return run;
  }

  async #openCatalog(saved: SavedCatalog | null): Promise<CorpusCatalog> {
    const dir = this.#options.corpusDir;
    return CorpusCatalog.open(dir, saved ?? (await CorpusCatalog.readSaved(dir)));
  }

  /**
   * Runs `use` with the corpus's catalog (`saved`: as just read, if it was), brought in step with
   * the folder when no other addition is running, shared with those that are (so that two of them
   * see each other's articles), and saved when the last of them ends.
   */
  async #withCatalog<T>(saved: SavedCatalog | null, use: (catalog: CorpusCatalog) => Promise<T>): Promise<T> {
    if (this.#sharedCatalog === null) this.#sharedCatalog = { catalog: this.#openCatalog(saved), users: 0 };
    const shared = this.#sharedCatalog;
    shared.users += 1;
    try {
      return await use(await shared.catalog);
    } finally {
      shared.users -= 1;
      if (shared.users === 0) {
        if (this.#sharedCatalog === shared) this.#sharedCatalog = null;
        await shared.catalog.then((catalog) => catalog.save()).catch(() => undefined);
      }
    }
  }
}

/** A .txt or .md file's text, or a refusal saying why it cannot be read as text. */
function text(path: string, bytes: Buffer): string {
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new IngestRefusal(`${path} ${decoded.message}`);
  return decoded.text;
}

/** An article's facts and text, wherever it came from, before it is written. */
interface PageArticle {
  /** Where it came from, for messages. */
  readonly origin: string;
  readonly title: string | null;
  readonly date: string | null;
  readonly url: string | null;
  readonly source: string | null;
  readonly paragraphs: readonly string[];
}

function fromPage(html: string, pageUrl: string | null): PageArticle {
  return { origin: pageUrl ?? 'the page', ...extractArticle(html, pageUrl) };
}

/** A .txt or .md article (a file, or a plain text page) read with the corpus loader's own rules. */
function fromCorpusFormat(origin: string, format: 'md' | 'txt', text: string, pageUrl: string | null): PageArticle {
  const { article, problems } = parseArticle(origin, basename(origin, extname(origin)), format, text);
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (article === null || errors.length > 0) throw new IngestRefusal(errors.map(describeProblem).join('; ') || `${origin} has no text`);
  return {
    origin,
    title: article.title,
    date: article.date,
    url: article.url ?? pageUrl,
    source: article.source ?? (pageUrl === null ? null : new URL(pageUrl).hostname.replace(/^www\./u, '')),
    paragraphs: article.paragraphs,
  };
}
