import { z } from 'zod';
import { collapseWhitespace } from '../corpus/collapse-whitespace.js';
import { parseXmlDocument, type DomElement } from './dom.js';
import { IngestRefusal } from './ingest-refusal.js';
import { publicationDate } from './publication-date.js';

/** One article a feed lists. */
export interface FeedEntry {
  /** The article's address, absolute http(s). */
  readonly url: string;
  readonly title: string | null;
  /** YYYY-MM-DD, when the feed says. */
  readonly date: string | null;
}

export interface ParsedFeed {
  readonly format: 'rss' | 'atom' | 'rdf';
  readonly title: string | null;
  readonly entries: readonly FeedEntry[];
}

const webAddress = z.url({ protocol: /^https?$/u, normalize: true });
const entry = z.object({ url: webAddress, title: z.string().nullable(), date: z.string().nullable() });

/**
 * Reads an RSS 2.0, RSS 1.0 (RDF) or Atom feed: the articles it lists, each with its address
 * (relative ones resolved against the feed's), title and date. Entries without a usable http(s)
 * address are skipped; a document that is not a feed is refused.
 */
export function parseFeed(xml: string, feedUrl: string): ParsedFeed {
  const document = parseXmlDocument(xml);
  const root = document.documentElement;
  const rootName = localName(root?.tagName ?? '');
  if (root === null || (rootName !== 'rss' && rootName !== 'feed' && rootName !== 'rdf')) {
    throw new IngestRefusal(`${feedUrl} is not an RSS or Atom feed (its root element is <${root?.tagName ?? 'nothing'}>)`);
  }
  const format = rootName === 'feed' ? 'atom' : rootName;
  const items = [...root.getElementsByTagName(format === 'atom' ? 'entry' : 'item')];
  const entries: FeedEntry[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const parsed = entry.safeParse({
      url: resolved(format === 'atom' ? atomLink(item) : rssLink(item), feedUrl),
      title: childText(item, 'title'),
      date: firstDate(item, format === 'atom' ? ['published', 'updated'] : ['pubDate', 'dc:date', 'date']),
    });
    if (!parsed.success || seen.has(parsed.data.url)) continue;
    seen.add(parsed.data.url);
    entries.push(parsed.data);
  }
  const channel = format === 'rss' ? (child(root, 'channel') ?? root) : format === 'rdf' ? (child(root, 'channel') ?? root) : root;
  return { format, title: childText(channel, 'title'), entries };
}

function localName(tagName: string): string {
  return (tagName.split(':').pop() ?? '').toLowerCase();
}

function child(element: DomElement, name: string): DomElement | null {
  for (const candidate of Array.from(element.children)) if (candidate.tagName.toLowerCase() === name.toLowerCase()) return candidate;
  return null;
}

function childText(element: DomElement, name: string): string | null {
  const text = collapseWhitespace(child(element, name)?.textContent ?? '');
  return text === '' ? null : text;
}

/** RSS: `<link>`, else a `<guid>` that is a permalink. */
function rssLink(item: DomElement): string | null {
  const link = childText(item, 'link');
  if (link !== null) return link;
  const guid = child(item, 'guid');
  if (guid === null || guid.getAttribute('isPermaLink') === 'false') return null;
  return collapseWhitespace(guid.textContent ?? '') || null;
}

/** Atom: the `alternate` link (a link without `rel` is one). */
function atomLink(item: DomElement): string | null {
  for (const link of Array.from(item.children)) {
    if (link.tagName.toLowerCase() !== 'link') continue;
    const rel = link.getAttribute('rel') ?? 'alternate';
    if (rel === 'alternate') return link.getAttribute('href');
  }
  return null;
}

function resolved(link: string | null, base: string): string | null {
  if (link === null) return null;
  try {
    return new URL(link.trim(), base).href;
  } catch {
    return null;
  }
}

function firstDate(item: DomElement, names: readonly string[]): string | null {
  for (const name of names) {
    const value = childText(item, name);
    const date = value === null ? null : publicationDate(value);
    if (date !== null) return date;
  }
  return null;
}
