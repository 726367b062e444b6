import { Readability } from '@mozilla/readability';
import { collapseWhitespace } from '../corpus/collapse-whitespace.js';
import { articleBlocks, type ArticleBlock } from './article-blocks.js';
import { isBoilerplateBlock, removeFurniture, removeNonText, withoutLooseEnds } from './boilerplate.js';
import { parseHtmlDocument } from './dom.js';
import { IngestRefusal } from './ingest-refusal.js';
import { readPageMetadata } from './page-metadata.js';
import { datelineDate } from './publication-date.js';

/** An article read out of a web page: its own metadata and its text, paragraph by paragraph. */
export interface ExtractedArticle {
  /** Null when the page gives none (a feed that lists it may). */
  readonly title: string | null;
  /** YYYY-MM-DD, or null when the page does not say. */
  readonly date: string | null;
  /** The canonical address, else the address the page was fetched from; null for a saved page that names none. */
  readonly url: string | null;
  /** The publisher: the site's own name, else its host name. */
  readonly source: string | null;
  readonly paragraphs: readonly string[];
}

/** Less story text than this (after furniture and boilerplate are left out) and the page is not taken for an article. */
export const MIN_ARTICLE_CHARACTERS = 250;

/**
 * Extracts the article from a web page: Mozilla's Readability (the library behind Firefox's
 * Reader View) over linkedom finds it, then the furniture left inside it is taken out and its
 * text read block by block (`removeFurniture`, `articleBlocks`); the metadata comes from the
 * page's own tags. Throws an `IngestRefusal` when the page holds no article: too little story
 * text, or a sign-in form or paywall in its place. Paragraphs may hold a line break (`\n`) where
 * the page breaks a line inside one.
 *
 * @param pageUrl the address the page was read from, for relative links; null for a saved file.
 */
export function extractArticle(html: string, pageUrl: string | null): ExtractedArticle {
  const where = pageUrl ?? 'the page';
  const document = parseHtmlDocument(html);
  const metadata = readPageMetadata(document, pageUrl);
  const asksToSignIn = document.querySelector('input[type="password"]') !== null;
  removeNonText(document);

  // Classes kept: furniture inside the article is told by its names.
  const readable = new Readability(document, { charThreshold: MIN_ARTICLE_CHARACTERS, keepClasses: true }).parse();
  const { paragraphs, dateline } = storyParagraphs(readable?.content ?? '');
  const length = paragraphs.reduce((sum, paragraph) => sum + paragraph.length, 0);
  if (length < MIN_ARTICLE_CHARACTERS) {
    const found = length === 0 ? 'no article text' : `only ${length} characters of article text`;
    if (asksToSignIn || metadata.paywalled) {
      throw new IngestRefusal(
        `${where} is not an article we can read: it asks to sign in or subscribe (${found}); save the article's text to a .txt or .md file and add that instead`,
      );
    }
    throw new IngestRefusal(
      `${where} does not look like an article: ${found} (at least ${MIN_ARTICLE_CHARACTERS} are needed); a front page, a list of links or an empty page is not added`,
    );
  }

  return {
    title: metadata.title ?? (collapseWhitespace(readable?.title ?? '') || null),
    date: metadata.date ?? dateline,
    url: metadata.canonicalUrl ?? pageUrl,
    source: metadata.siteName ?? siteHost(metadata.canonicalUrl ?? pageUrl),
    paragraphs,
  };
}

/**
 * The story's paragraphs from Readability's article HTML: furniture, boilerplate and the loose
 * ends around the story left out. A first paragraph that is only a date ("Tuesday, July 12,
 * 2005", as news wikis open their articles) is the dateline: returned apart, not as a sentence.
 */
function storyParagraphs(articleHtml: string): { paragraphs: string[]; dateline: string | null } {
  const { body } = parseHtmlDocument(articleHtml);
  if (body === null) return { paragraphs: [], dateline: null };
  removeFurniture(body);
  const blocks: ArticleBlock[] = [];
  let dateline: string | null = null;
  for (const block of articleBlocks(body)) {
    const date: string | null = blocks.length === 0 && dateline === null ? datelineDate(block.text) : null;
    if (date !== null) {
      dateline = date;
      continue;
    }
    if (!isBoilerplateBlock(block)) blocks.push(block);
  }
  return { paragraphs: withoutLooseEnds(blocks).map((block) => block.text), dateline };
}

function siteHost(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).hostname.replace(/^www\./u, '') || null;
  } catch {
    return null;
  }
}
