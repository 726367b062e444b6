import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative as relativePath } from 'node:path';
import { listCorpusFiles, type CorpusFile } from '../corpus/corpus-files.js';
import { decodeText } from '../corpus/decode-text.js';
import { FILES_READ_AT_ONCE, mapConcurrently } from '../corpus/map-concurrently.js';
import { parseArticle } from '../corpus/parse-article.js';
import { readCorpusFile } from '../corpus/read-corpus-file.js';
import type { Article } from '../corpus/types.js';

/** An article already in the corpus that a new one repeats, and how that was seen. */
export interface KnownArticle {
  readonly file: string;
  readonly title: string;
  /** `url`: the same canonical address; `content`: the same text under another address. */
  readonly by: 'url' | 'content';
}

/**
 * The catalog's file in the corpus folder. Its name starts with a dot, so the corpus loader
 * and the index fingerprint never read it; deleting it costs one rebuild, nothing else.
 */
export const CATALOG_FILE = '.catalog.json';
const CATALOG_VERSION = 1;

// Tracking parameters say who linked to a page, not which page it is.
const TRACKING_PARAMETER = /^(?:utm_\w+|fbclid|gclid|dclid|mc_cid|mc_eid|ocid|cmpid|smid|ref|ref_src)$/iu;

/** What the catalog knows of one article file, and the size and time of the file it read that from. */
interface CatalogEntry {
  readonly size: number;
  readonly mtimeMs: number;
  /** Null for a file that does not load (it still takes its id). */
  readonly title: string | null;
  /** `urlKey` of its canonical address. */
  readonly url: string | null;
  /** `contentFingerprint` of its paragraphs. */
  readonly text: string | null;
}

/** The catalog as saved: each article file's entry, and the modification time of each folder that holds one. */
export interface SavedCatalog {
  readonly folders: ReadonlyMap<string, number>;
  readonly files: ReadonlyMap<string, CatalogEntry>;
}

/**
 * What the corpus already holds, so that the same article is never added twice: by canonical
 * address first, then by a fingerprint of its text (the same story under another address).
 *
 * Kept in `.catalog.json` in the corpus folder, one entry per article file (its title, canonical
 * address and text fingerprint, with the file's size and modification time) and the time of each
 * folder, so that an addition reads one small file and lists the folder instead of parsing every
 * article. Each opening brings it in step with the folder: a file that is new is read, a file
 * that is gone is dropped, and in a folder whose time changed (a file saved by an editor that
 * replaces it, a copy dropped in) every file whose size or time changed is read again. A file
 * rewritten in place leaves its folder's time alone; it is checked whenever it would make a new
 * article a duplicate, so no article is ever refused for what a file used to say. A catalog that
 * is missing or damaged is rebuilt. It is written in place, which leaves the folder's time as it
 * was, when an article is added (never by an addition that writes nothing into a folder without
 * one), or when it was there and is out of step.
 */
export class CorpusCatalog {
  readonly #dir: string;
  readonly #entries: Map<string, CatalogEntry>;
  readonly #byUrl = new Map<string, string>();
  readonly #byContent = new Map<string, string>();
  readonly #ids: Set<string>;
  /** The catalog file was there when opened: keeping it up to date writes nothing new into the folder. */
  readonly #fileExisted: boolean;
  #changed: boolean;
  #added = false;

  private constructor(dir: string, entries: Map<string, CatalogEntry>, ids: Set<string>, fileExisted: boolean, changed: boolean) {
    this.#dir = dir;
    this.#entries = entries;
    this.#ids = ids;
    this.#fileExisted = fileExisted;
    this.#changed = changed;
    for (const [relative, entry] of entries) this.#index(relative, entry);
  }

  /** The catalog saved in `dir`, or null when there is none or it cannot be used (damaged, another version). */
  static async readSaved(dir: string): Promise<SavedCatalog | null> {
    let text: string;
    try {
      text = await readFile(join(dir, CATALOG_FILE), 'utf8');
    } catch {
      return null;
    }
    try {
      return savedCatalogOf(JSON.parse(text));
    } catch {
      return null;
    }
  }

  /**
   * The article at this address, if the saved catalog lists it and its file is still as the
   * catalog read it: found from the catalog and one `stat`, without listing or reading the
   * corpus. Null when it cannot tell (no catalog, another address, a changed file): then `open`.
   */
  static async knownUrl(dir: string, saved: SavedCatalog | null, url: string): Promise<KnownArticle | null> {
    const key = urlKey(url);
    for (const [relative, entry] of saved?.files ?? []) {
      if (entry.url !== key || entry.title === null) continue;
      const file = join(dir, relative);
      return (await unchanged(file, entry)) ? { file, title: entry.title, by: 'url' } : null;
    }
    return null;
  }

  /** The catalog of `dir` (`saved`: as just read by `readSaved`), brought in step with the folder. */
  static async open(dir: string, saved: SavedCatalog | null): Promise<CorpusCatalog> {
    const listing = await listCorpusFiles(dir);
    const folders = [...new Set(['', ...listing.articles.map((file) => folderOf(file.relative))])];
    const times = await folderTimes(dir, folders);
    const movedFolders = new Set(folders.filter((folder) => saved?.folders.get(folder) !== times.get(folder)));
    let changed = saved === null || movedFolders.size > 0 || saved.files.size !== listing.articles.length;
    const entries = await mapConcurrently(listing.articles, FILES_READ_AT_ONCE, async (file) => {
      const known = saved?.files.get(file.relative);
      // In a folder whose time stands still, no file was added, removed or replaced.
      if (known !== undefined && !movedFolders.has(folderOf(file.relative))) return known;
      const info = await stat(file.path).catch(() => null);
      if (info === null) return undefined;
      if (known !== undefined && known.size === info.size && known.mtimeMs === info.mtimeMs) return known;
      changed = true;
      return readEntry(file, info);
    });
    const map = new Map<string, CatalogEntry>();
    listing.articles.forEach((file, index) => {
      const entry = entries[index];
      if (entry !== undefined) map.set(file.relative, entry);
    });
    const ids = new Set(listing.articles.map((file) => basename(file.relative, extname(file.relative))));
    return new CorpusCatalog(dir, map, ids, saved !== null, changed);
  }

  /** Every article id in use: a new file must not take one (the loader refuses a second file with the same id). */
  get ids(): ReadonlySet<string> {
    return this.#ids;
  }

  /** The article in the corpus at this address, if any. */
  async findUrl(url: string): Promise<KnownArticle | null> {
    return this.#known(this.#byUrl.get(urlKey(url)), 'url');
  }

  /** The article in the corpus that `article` repeats, by address or by text, if any. */
  async findDuplicate(article: Pick<Article, 'url' | 'paragraphs'>): Promise<KnownArticle | null> {
    if (article.url !== null) {
      const sameUrl = await this.findUrl(article.url);
      if (sameUrl !== null) return sameUrl;
    }
    return this.#known(this.#byContent.get(contentFingerprint(article.paragraphs)), 'content');
  }

  /** Records an article just written into the folder, so that the rest of a feed is checked against it too. */
  async remember(file: string, article: Article): Promise<void> {
    const info = await stat(file);
    const relative = relativePath(this.#dir, file);
    const entry: CatalogEntry = {
      size: info.size,
      mtimeMs: info.mtimeMs,
      title: article.title,
      url: article.url === null ? null : urlKey(article.url),
      text: contentFingerprint(article.paragraphs),
    };
    this.#entries.set(relative, entry);
    this.#ids.add(article.id);
    this.#index(relative, entry);
    this.#added = true;
  }

  /**
   * Writes the catalog when an article was added, or when it was there and is out of step with
   * the folder. A catalog that cannot be written (a read-only folder) costs time at the next
   * addition, nothing else: it is not an error.
   */
  async save(): Promise<void> {
    if (!this.#added && !(this.#fileExisted && this.#changed)) return;
    const file = join(this.#dir, CATALOG_FILE);
    try {
      // Created first if need be: creating a file changes its folder's time, which is read after.
      await writeFile(file, '', { flag: 'a' });
      const folders = [...new Set(['', ...[...this.#entries.keys()].map(folderOf)])];
      const times = await folderTimes(this.#dir, folders);
      const files = [...this.#entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const contents = {
        version: CATALOG_VERSION,
        folders: Object.fromEntries(folders.filter((folder) => times.has(folder)).map((folder) => [folder, times.get(folder)])),
        files: Object.fromEntries(
          files.map(([relative, entry]) => [relative, [entry.size, entry.mtimeMs, entry.title, entry.url, entry.text]]),
        ),
      };
      // In place, not by a rename, so that the folder's time stays what was just read. A write
      // cut short leaves a catalog that does not parse: rebuilt next time.
      await writeFile(file, `${JSON.stringify(contents)}\n`);
      this.#added = false;
      this.#changed = false;
    } catch {
      // Rebuilt from the folder next time.
    }
  }

  #index(relative: string, entry: CatalogEntry): void {
    if (entry.url !== null) this.#byUrl.set(entry.url, relative);
    if (entry.text !== null) this.#byContent.set(entry.text, relative);
  }

  /** The known article at `relative`, if its file is still as the catalog read it; else it is read again first. */
  async #known(relative: string | undefined, by: KnownArticle['by']): Promise<KnownArticle | null> {
    const entry = relative === undefined ? undefined : this.#entries.get(relative);
    if (relative === undefined || entry === undefined || entry.title === null) return null;
    const file = join(this.#dir, relative);
    if (await unchanged(file, entry)) return { file, title: entry.title, by };
    // Rewritten in place since: what it says now decides.
    this.#forget(relative, entry);
    const info = await stat(file).catch(() => null);
    const format = extname(relative).toLowerCase() === '.md' ? 'md' : 'txt';
    if (info === null) return null;
    const fresh = await readEntry({ path: file, relative, format }, info);
    this.#entries.set(relative, fresh);
    this.#index(relative, fresh);
    this.#changed = true;
    const same = by === 'url' ? entry.url !== null && fresh.url === entry.url : entry.text !== null && fresh.text === entry.text;
    return same && fresh.title !== null ? { file, title: fresh.title, by } : null;
  }

  #forget(relative: string, entry: CatalogEntry): void {
    if (entry.url !== null && this.#byUrl.get(entry.url) === relative) this.#byUrl.delete(entry.url);
    if (entry.text !== null && this.#byContent.get(entry.text) === relative) this.#byContent.delete(entry.text);
  }
}

function folderOf(relative: string): string {
  const folder = dirname(relative);
  return folder === '.' ? '' : folder;
}

async function folderTimes(dir: string, folders: readonly string[]): Promise<Map<string, number>> {
  const times = new Map<string, number>();
  await Promise.all(
    folders.map(async (folder) => {
      const info = await stat(folder === '' ? dir : join(dir, folder)).catch(() => null);
      if (info !== null) times.set(folder, info.mtimeMs);
    }),
  );
  return times;
}

async function unchanged(file: string, entry: CatalogEntry): Promise<boolean> {
  const info = await stat(file).catch(() => null);
  if (info === null) return false;
  return info.isFile() && info.size === entry.size && info.mtimeMs === entry.mtimeMs;
}

/**
 * The saved catalog from its JSON, checked field by field (it is read at every addition, and
 * holds an entry per article: a schema library costs more here than the rest of the reading).
 */
function savedCatalogOf(json: unknown): SavedCatalog | null {
  if (typeof json !== 'object' || json === null || !('version' in json) || json.version !== CATALOG_VERSION) return null;
  if (!('folders' in json) || !('files' in json)) return null;
  const { folders, files } = json;
  if (typeof folders !== 'object' || folders === null || typeof files !== 'object' || files === null) return null;
  const folderMap = new Map<string, number>();
  for (const [folder, time] of Object.entries(folders)) {
    if (typeof time !== 'number') return null;
    folderMap.set(folder, time);
  }
  const fileMap = new Map<string, CatalogEntry>();
  const textOrNull = (value: unknown): value is string | null => value === null || typeof value === 'string';
  for (const [relative, row] of Object.entries(files)) {
    if (!Array.isArray(row) || row.length !== 5) return null;
    const [size, mtimeMs, title, url, text]: unknown[] = row;
    if (typeof size !== 'number' || typeof mtimeMs !== 'number' || !textOrNull(title) || !textOrNull(url) || !textOrNull(text)) return null;
    fileMap.set(relative, { size, mtimeMs, title, url, text });
  }
  return { folders: folderMap, files: fileMap };
}

/** What an article file says, read with the corpus loader's own rules; a file that does not load keeps only its size and time. */
async function readEntry(file: CorpusFile, info: Stats): Promise<CatalogEntry> {
  const unreadable: CatalogEntry = { size: info.size, mtimeMs: info.mtimeMs, title: null, url: null, text: null };
  const read = await readCorpusFile(file.path);
  if (!read.ok) return unreadable;
  const decoded = decodeText(read.bytes);
  if (!decoded.ok) return unreadable;
  const { article } = parseArticle(file.path, basename(file.relative, extname(file.relative)), file.format, decoded.text);
  if (article === null) return unreadable;
  return {
    ...unreadable,
    title: article.title,
    url: article.url === null ? null : urlKey(article.url),
    text: contentFingerprint(article.paragraphs),
  };
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
