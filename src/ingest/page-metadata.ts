import { z } from 'zod';
import { collapseWhitespace } from '../corpus/collapse-whitespace.js';
import { publicationDate } from './publication-date.js';
import type { HtmlDocument } from './dom.js';

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

const nameOrText = z.union([z.string(), z.object({ name: z.string().optional() }).loose()]);

/** The fields of a schema.org article we read; anything else in the JSON-LD is ignored. */
const jsonLdArticle = z
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
type JsonLdArticle = z.infer<typeof jsonLdArticle>;

const TITLE_SEPARATORS = [' - ', ' – ', ' — ', ' | ', ' · ', ' :: ', ' » '];

/** Reads the page's metadata. `pageUrl` resolves relative addresses; null for a saved file. */
export function readPageMetadata(document: HtmlDocument, pageUrl: string | null): PageMetadata {
  const ld = jsonLdArticles(document);
  const ogTitle = meta(document, 'og:title');
  const headline = firstText(ld.map((article) => article.headline ?? article.name)) ?? ogTitle ?? text(document.title);
  const declaredSite = meta(document, 'og:site_name') ?? firstText(ld.map(publisherName));
  const { title, siteFromTitle } = separateSiteName(headline, declaredSite, headings(document));

  const dates = [
    meta(document, 'article:published_time'),
    ...ld.map((article) => article.datePublished ?? article.dateCreated),
    meta(document, 'og:published_time'),
    meta(document, 'date'),
    meta(document, 'pubdate'),
    meta(document, 'publish-date'),
    meta(document, 'dc.date'),
    meta(document, 'dc.date.issued'),
    meta(document, 'dcterms.created'),
    document.querySelector('[itemprop="datePublished"]')?.getAttribute('content') ?? null,
    document.querySelector('[itemprop="datePublished"]')?.getAttribute('datetime') ?? null,
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
    ...ld.map((article) => article.url ?? mainEntityId(article)),
  ];
  const canonicalUrl = canonicalCandidates.map((value) => absoluteWebAddress(value, pageUrl)).find((value) => value !== null);

  return {
    title,
    date: date ?? null,
    siteName: declaredSite ?? siteFromTitle,
    canonicalUrl: canonicalUrl ?? null,
    paywalled: ld.some((article) => article.isAccessibleForFree === false || article.isAccessibleForFree === 'False'),
  };
}

/** The page's schema.org articles, from every JSON-LD block (arrays and `@graph` included); blocks that do not parse are skipped. */
function jsonLdArticles(document: HtmlDocument): JsonLdArticle[] {
  const found: JsonLdArticle[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 4 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    const parsed = jsonLdArticle.safeParse(value);
    if (parsed.success) {
      const types = Array.isArray(parsed.data['@type']) ? parsed.data['@type'] : [parsed.data['@type']];
      if (types.some((type) => ARTICLE_TYPES.has(type))) found.push(parsed.data);
    }
    if ('@graph' in value) visit(value['@graph'], depth + 1);
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''), 0);
    } catch {
      // A broken JSON-LD block says nothing we can use; the other tags still do.
    }
  }
  return found;
}

function publisherName(article: JsonLdArticle): string | null {
  const publisher = Array.isArray(article.publisher) ? article.publisher[0] : article.publisher;
  if (publisher === undefined) return null;
  return typeof publisher === 'string' ? publisher : (publisher.name ?? null);
}

function mainEntityId(article: JsonLdArticle): string | null {
  const entity = article.mainEntityOfPage;
  if (entity === undefined) return null;
  return typeof entity === 'string' ? entity : (entity['@id'] ?? null);
}

function meta(document: HtmlDocument, key: string): string | null {
  for (const element of document.querySelectorAll('meta')) {
    const name = (element.getAttribute('property') ?? element.getAttribute('name') ?? element.getAttribute('itemprop') ?? '').toLowerCase();
    if (name === key) {
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
 * Titles often carry the site's name: "Building in Barcelona damaged by explosion - Wikinews,
 * the free news source". The headline is the part a heading of the page repeats, or the part
 * before the declared site name; what follows the separator then names the site.
 */
function separateSiteName(
  title: string | null,
  siteName: string | null,
  pageHeadings: readonly string[],
): { title: string | null; siteFromTitle: string | null } {
  if (title === null) return { title: pageHeadings[0] ?? null, siteFromTitle: null };
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

function firstText(values: readonly (string | null | undefined)[]): string | null {
  for (const value of values) {
    const cleaned = text(value);
    if (cleaned !== null) return cleaned;
  }
  return null;
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
