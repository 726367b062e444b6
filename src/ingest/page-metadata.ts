import { z } from 'zod';
import { collapseWhitespace } from '../corpus/collapse-whitespace.js';
import { publicationDate } from './publication-date.js';
import { parseHtmlDocument, type HtmlDocument } from './dom.js';

/** What a page says about itself in its own tags, before any of its text is read. */
export interface PageMetadata {
  /** The headline: JSON-LD `headline`, else `og:title`, else `<title>`, with the site's name taken off. */
  readonly title: string | null;
  /** YYYY-MM-DD: `article:published_time`, JSON-LD `datePublished`, or another published-date tag. */
  readonly date: string | null;
  /** `og:site_name`, else the JSON-LD publisher's name, else what the `<title>` adds after the headline. */
  readonly siteName: string | null;
  /** `<link rel="canonical">`, else `og:url`, else the JSON-LD `url`, made absolute; http(s) only. */
  readonly canonicalUrl: string | null;
  /** The JSON-LD says the article is not free to read (a paywall). */
  readonly paywalled: boolean;
}

const ARTICLE_TYPES = new Set([
  'Article',
  'NewsArticle',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'BackgroundNewsArticle',
  'OpinionNewsArticle',
  'ReviewNewsArticle',
  'BlogPosting',
  'LiveBlogPosting',
  'Report',
]);

// Pages that carry the article's dates when no article node does (a WordPress @graph's WebPage).
const PAGE_TYPES = new Set(['WebPage', 'ItemPage', 'MedicalWebPage', 'CreativeWork', 'ClaimReview', 'Blog']);

const nameOrText = z.union([z.string(), z.object({ name: z.string().optional() }).loose()]);

/** The fields of a schema.org node we read; anything else in the JSON-LD is ignored. */
const jsonLdNode = z
  .object({
    '@type': z.union([z.string(), z.array(z.string())]),
    headline: z.string().optional(),
    name: z.string().optional(),
    datePublished: z.string().optional(),
    dateCreated: z.string().optional(),
    url: z.string().optional(),
    mainEntityOfPage: z.union([z.string(), z.object({ '@id': z.string().optional() }).loose()]).optional(),
    publisher: z.union([nameOrText, z.array(nameOrText)]).optional(),
    isAccessibleForFree: z.union([z.boolean(), z.string()]).optional(),
  })
  .loose();
type JsonLdNode = z.infer<typeof jsonLdNode>;

/** What the page's JSON-LD says: its article nodes and page nodes, and the dates of blocks that are not valid JSON. */
interface JsonLd {
  readonly articles: readonly JsonLdNode[];
  readonly pages: readonly JsonLdNode[];
  readonly brokenBlockDates: readonly string[];
}

const TITLE_SEPARATORS = [' - ', ' – ', ' — ', ' | ', ' · ', ' :: ', ' » '];

/** Reads the page's metadata. `pageUrl` resolves relative addresses; null for a saved file. */
export function readPageMetadata(document: HtmlDocument, pageUrl: string | null): PageMetadata {
  const ld = readJsonLd(document);
  const declaredSite = meta(document, 'og:site_name') ?? jsonLdText(ld.articles.map(publisherName));
  const { title, siteFromTitle } = chooseTitle(
    [jsonLdText(ld.articles.map((article) => article.headline ?? article.name)), meta(document, 'og:title'), text(document.title)],
    declaredSite,
    headings(document),
  );

  const published = document.querySelector('[itemprop~="datePublished"]');
  const dates = [
    meta(document, 'article:published_time'),
    meta(document, 'article:published'),
    meta(document, 'og:article:published_time'),
    ...ld.articles.map((article) => article.datePublished ?? article.dateCreated),
    ...ld.pages.map((page) => page.datePublished ?? page.dateCreated),
    ...ld.brokenBlockDates,
    meta(document, 'og:published_time'),
    meta(document, 'date'),
    meta(document, 'pubdate'),
    meta(document, 'publish-date'),
    meta(document, 'dc.date'),
    meta(document, 'dc.date.issued'),
    meta(document, 'dcterms.created'),
    published?.getAttribute('content') ?? published?.getAttribute('datetime') ?? published?.textContent ?? null,
    // hNews microformat, as news wikis and blogs write it.
    document.querySelector('.published .value-title')?.getAttribute('title') ?? null,
    document.querySelector('.published[title]')?.getAttribute('title') ?? null,
    document.querySelector('time[pubdate]')?.getAttribute('datetime') ?? null,
    document.querySelector('article time[datetime]')?.getAttribute('datetime') ?? null,
  ];
  const date = dates
    .map((value) => (value === null || value === undefined ? null : publicationDate(value)))
    .find((value) => value !== null);

  const canonicalCandidates = [
    document.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? null,
    meta(document, 'og:url'),
    ...ld.articles.map((article) => article.url ?? mainEntityId(article)),
  ];
  const canonicalUrl = canonicalCandidates.map((value) => absoluteWebAddress(value, pageUrl)).find((value) => value !== null);

  return {
    title,
    date: date ?? null,
    siteName: declaredSite ?? siteFromTitle,
    canonicalUrl: canonicalUrl ?? null,
    paywalled: ld.articles.some((article) => article.isAccessibleForFree === false || article.isAccessibleForFree === 'False'),
  };
}

// Enough for any real page's JSON-LD; bounds the work a hostile page can ask for.
const MAX_JSON_LD_DEPTH = 8;
const MAX_JSON_LD_NODES = 1_000;

/**
 * The page's schema.org nodes from every JSON-LD block, wherever they sit (arrays, `@graph`,
 * nested in another node as a `mainEntity`), outer nodes first, so that an article's own date
 * comes before a video's inside it; media nodes (a VideoObject) count as neither article nor page.
 * A block that is not valid JSON still gives its `datePublished`, found in its text.
 */
function readJsonLd(document: HtmlDocument): JsonLd {
  const articles: JsonLdNode[] = [];
  const pages: JsonLdNode[] = [];
  const brokenBlockDates: string[] = [];
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    const source = script.textContent ?? '';
    let parsed: unknown;
    try {
      parsed = JSON.parse(source);
    } catch {
      const date = /"datePublished"\s*:\s*"([^"]{1,100})"/u.exec(source)?.[1];
      if (date !== undefined) brokenBlockDates.push(date);
      continue;
    }
    // Breadth first: the outer nodes before the ones they hold.
    let level: unknown[] = [parsed];
    let seen = 0;
    for (let depth = 0; depth < MAX_JSON_LD_DEPTH && level.length > 0 && seen < MAX_JSON_LD_NODES; depth += 1) {
      const next: unknown[] = [];
      for (const value of level) {
        if (value === null || typeof value !== 'object') continue;
        seen += 1;
        const children = Array.isArray(value) ? value : Object.values(value);
        next.push(...children);
        if (Array.isArray(value)) continue;
        const node = jsonLdNode.safeParse(value);
        if (!node.success) continue;
        const types = Array.isArray(node.data['@type']) ? node.data['@type'] : [node.data['@type']];
        if (types.some((type) => ARTICLE_TYPES.has(type))) articles.push(node.data);
        else if (types.some((type) => PAGE_TYPES.has(type))) pages.push(node.data);
      }
      level = next;
    }
  }
  return { articles, pages, brokenBlockDates };
}

function publisherName(article: JsonLdNode): string | null {
  const publisher = Array.isArray(article.publisher) ? article.publisher[0] : article.publisher;
  if (publisher === undefined) return null;
  return typeof publisher === 'string' ? publisher : (publisher.name ?? null);
}

function mainEntityId(article: JsonLdNode): string | null {
  const entity = article.mainEntityOfPage;
  if (entity === undefined) return null;
  return typeof entity === 'string' ? entity : (entity['@id'] ?? null);
}

/** The content of the first `<meta>` whose property, name or itemprop (a list of words) is `key`, in any case. */
function meta(document: HtmlDocument, key: string): string | null {
  for (const element of document.querySelectorAll('meta')) {
    const names = ['property', 'name', 'itemprop'].flatMap((attribute) =>
      (element.getAttribute(attribute) ?? '').toLowerCase().split(/\s+/u),
    );
    if (names.includes(key)) {
      const value = text(element.getAttribute('content'));
      if (value !== null) return value;
    }
  }
  return null;
}

function headings(document: HtmlDocument): string[] {
  return [...document.querySelectorAll('h1')].map((heading) => text(heading.textContent)).filter((value) => value !== null);
}

/**
 * The headline among what the page's tags say (`candidates`, most trusted first: JSON-LD, then
 * `og:title`, then `<title>`), each without the site's name: the one most of them and the page's
 * `<h1>` headings agree on, the most trusted on a tie. A generic JSON-LD headline ("Wikimedia
 * list article") thus gives way to the title that `og:title` and the `<h1>` both give.
 */
function chooseTitle(
  candidates: readonly (string | null)[],
  siteName: string | null,
  pageHeadings: readonly string[],
): { title: string | null; siteFromTitle: string | null } {
  const readings = candidates.filter((candidate) => candidate !== null).map((title) => separateSiteName(title, siteName, pageHeadings));
  const same = (a: string | null, b: string | null) => a !== null && b !== null && a.toLowerCase() === b.toLowerCase();
  const votes = (title: string | null) =>
    readings.filter((reading) => same(reading.title, title)).length + pageHeadings.filter((heading) => same(heading, title)).length;
  let best: { title: string | null; siteFromTitle: string | null } | undefined;
  for (const reading of readings) if (best === undefined || votes(reading.title) > votes(best.title)) best = reading;
  return best ?? { title: pageHeadings[0] ?? null, siteFromTitle: null };
}

/**
 * Titles often carry the site's name: "Building in Barcelona damaged by explosion - Wikinews,
 * the free news source". The headline is the part a heading of the page repeats, or the part
 * before the declared site name; what follows the separator then names the site.
 */
function separateSiteName(
  title: string,
  siteName: string | null,
  pageHeadings: readonly string[],
): { title: string; siteFromTitle: string | null } {
  for (const separator of TITLE_SEPARATORS) {
    const cut = title.lastIndexOf(separator);
    if (cut <= 0) continue;
    const head = title.slice(0, cut).trim();
    const tail = title.slice(cut + separator.length).trim();
    if (siteName !== null && tail.toLowerCase() === siteName.toLowerCase()) return { title: head, siteFromTitle: tail };
    if (pageHeadings.some((heading) => heading === head)) return { title: head, siteFromTitle: tail };
  }
  return { title, siteFromTitle: null };
}

/** The first of a JSON-LD node's texts that is not empty, read as HTML: publishers write `&#8217;` and `<em>` into JSON-LD. */
function jsonLdText(values: readonly (string | null | undefined)[]): string | null {
  for (const value of values) {
    const cleaned = text(value !== null && value !== undefined && /[&<]/u.test(value) ? htmlText(value) : value);
    if (cleaned !== null) return cleaned;
  }
  return null;
}

/** The text of a value written as HTML: entities decoded, tags (`<em>`) reduced to their words. */
function htmlText(value: string): string {
  return parseHtmlDocument(`<!doctype html><html><head></head><body>${value}</body></html>`).body?.textContent ?? value;
}

function text(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const cleaned = collapseWhitespace(value);
  return cleaned === '' ? null : cleaned;
}

/** `value` as an absolute http(s) address (relative ones resolved against the page), else null. */
export function absoluteWebAddress(value: string | null | undefined, base: string | null): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  try {
    const url = base === null ? new URL(value.trim()) : new URL(value.trim(), base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}
