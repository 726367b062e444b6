import { collapseWhitespace } from '../corpus/collapse-whitespace.js';
import { endsSentence, type ArticleBlock } from './article-blocks.js';
import type { DomDocument, DomElement } from './dom.js';

// Elements that never hold the article's text: taken out before Readability looks at the page.
const NEVER_TEXT = 'script, style, noscript, template, iframe, svg, canvas, object, embed, button, select, textarea, input';

// Elements that are page furniture by what they are: navigation, asides, footers, forms, captions, dialogs, hidden parts.
const FURNITURE_ELEMENTS = [
  'nav',
  'aside',
  'footer',
  'form',
  'figcaption',
  'dialog',
  '[role="navigation"]',
  '[role="complementary"]',
  '[role="contentinfo"]',
  '[role="dialog"]',
  '[role="alertdialog"]',
  '[aria-modal="true"]',
  '[hidden]',
  '[aria-hidden="true"]',
].join(',');

// Words in an id or class that mark page furniture: banners, sharing, comments, related links,
// captions, wiki navigation boxes. Matched as whole words of the name ("share-bar" matches
// "share"; "shareholder" does not).
const FURNITURE_WORDS = new Set([
  'ad',
  'ads',
  'advert',
  'advertisement',
  'banner',
  'breadcrumb',
  'breadcrumbs',
  'caption',
  'catlinks',
  'comment',
  'comments',
  'consent',
  'cookie',
  'cookies',
  'gdpr',
  'infobox',
  'menu',
  'metadata',
  'navbox',
  'navigation',
  'newsletter',
  'noprint',
  'paywall',
  'promo',
  'related',
  'share',
  'sharing',
  'sidebar',
  'social',
  'sponsored',
  'subscribe',
  'subscription',
  'toolbar',
]);

// Headings of the sections that follow an article and are not part of it.
const FURNITURE_HEADING =
  /^(?:sources?|references|notes|see also|external links|further reading|related(?: news| stories| articles| coverage| links| content)?|more (?:on|from|about) .{1,60}|read (?:more|next)|comments?|\d+ comments|share this(?: story| article)?|tags)[:.]?$/iu;

/**
 * An element that is furniture by its kind or its name and yet holds at least this share of the
 * article's own text (text outside links) is the article's wrapper, named for its layout
 * ("content-with-sidebar", "ad_body", a paywall box holding the rest of the story): kept.
 */
const WRAPPER_SHARE = 0.5;

/** Takes out what never holds text (scripts, styles, embedded frames, form controls), before Readability reads the page. */
export function removeNonText(document: DomDocument): void {
  for (const element of [...document.querySelectorAll(NEVER_TEXT)]) element.remove();
}

/**
 * Takes page furniture out of the article that Readability found: navigation, asides, footers,
 * forms, captions, cookie and newsletter banners, sharing bars, related links and comments that
 * it left in (it keeps much on a short page, where a cookie banner next to three paragraphs would
 * otherwise become sentences). Whether an element is furniture is judged where it stands, inside
 * the article, and by how much of the article it holds: an element named for furniture that
 * holds most of the article's text is its wrapper, and stays.
 */
export function removeFurniture(article: DomElement): void {
  const total = ownTextLength(article);
  const furniture = [...article.querySelectorAll('*')].filter((element) => element.matches(FURNITURE_ELEMENTS) || namesFurniture(element));
  for (const element of furniture) {
    // Gone with an outer piece of furniture already.
    if (!article.contains(element)) continue;
    if (total > 0 && ownTextLength(element) >= WRAPPER_SHARE * total) continue;
    element.remove();
  }
  // A section that only points elsewhere, as wikis and news sites end their articles: its heading
  // says so ("Sources", "See also", "Related stories"); it runs to the next heading of its rank.
  for (const heading of [...article.querySelectorAll('h2, h3, h4, h5, h6')]) {
    if (!article.contains(heading) || !FURNITURE_HEADING.test(collapseWhitespace(heading.textContent ?? ''))) continue;
    const rank = Number(heading.tagName.slice(1));
    for (let next = heading.nextElementSibling; next !== null && !isHeadingUpTo(next, rank); next = heading.nextElementSibling)
      next.remove();
    heading.remove();
  }
  // A list item that is a link to elsewhere, judged whole: a headline and its time on a front
  // page, a source in a list of sources. Items of a list that says things stay, links and all.
  for (const item of [...article.querySelectorAll('li')]) {
    if (!article.contains(item)) continue;
    const text = collapseWhitespace(item.textContent ?? '');
    if (text !== '' && isMostlyLinks(text, text.length - ownTextLength(item))) item.remove();
  }
}

function isHeadingUpTo(element: DomElement, rank: number): boolean {
  const match = /^h([1-6])$/iu.exec(element.tagName);
  return match !== null && Number(match[1]) <= rank;
}

function namesFurniture(element: DomElement): boolean {
  const names = `${element.id} ${element.className}`.toLowerCase().split(/[^a-z]+/u);
  return names.some((name) => FURNITURE_WORDS.has(name));
}

/** The length of an element's text outside links: what it says itself, not what it points to. */
function ownTextLength(element: DomElement): number {
  let links = 0;
  for (const link of element.querySelectorAll('a')) links += collapseWhitespace(link.textContent ?? '').length;
  return Math.max(0, collapseWhitespace(element.textContent ?? '').length - links);
}

// A paragraph that only points elsewhere or asks the reader to do something.
const CALL_TO_ACTION =
  /^(?:read more|read next|more:|see also|related(?: stories| articles| news)?:|continue reading|click here|share (?:this|on)|follow us|sign up|subscribe|advertisement|sponsored|listen to this article|we use cookies|this site uses cookies|accept (?:all )?cookies)\b/iu;

/**
 * True for a block of the extracted text that is not part of the story wherever it stands: a
 * call to action ("Read more: …", "Subscribe") or a block that is mostly links.
 */
export function isBoilerplateBlock(block: ArticleBlock): boolean {
  return CALL_TO_ACTION.test(block.text) || isMostlyLinks(block.text, block.linkText);
}

/**
 * The blocks from the story's first to its last block of sentences, and what stands between
 * them. Before the story, a heading or a short line without a sentence's ending is the title, a
 * byline, a dateline or a label; after it, "Comments", "Share this", tags. Between, a heading is
 * a sub-heading and a short line is part of the story (results, a recipe's steps, the answers of
 * an interview), kept; lists and tables are the story wherever they stand.
 */
export function withoutLooseEnds(blocks: readonly ArticleBlock[]): ArticleBlock[] {
  const loose = blocks.map(isLooseLine);
  const first = loose.indexOf(false);
  const last = loose.lastIndexOf(false);
  return blocks.filter((_, index) => !loose[index] || (index > first && index < last));
}

function isLooseLine(block: ArticleBlock): boolean {
  if (block.kind === 'heading') return true;
  return block.kind === 'text' && block.text.length < 60 && !endsSentence(block.text);
}

/**
 * More than half links, and what is said beside them is not a sentence of its own ("— The
 * Washington Post, January 29, 2008"): a pointer elsewhere. A linked headline followed by a
 * sentence about it is text.
 */
function isMostlyLinks(text: string, linkText: number): boolean {
  if (linkText === 0 || linkText / text.length <= 0.5) return false;
  return text.length - linkText < 40 || !endsSentence(text);
}
