import type { DomElement, HtmlDocument } from './dom.js';

// Elements that are never the article's text, whatever page they are on.
const NEVER_TEXT = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'svg',
  'canvas',
  'form',
  'button',
  'select',
  'textarea',
  'nav',
  'aside',
  'footer',
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

// Never removed for their names: they hold the page itself.
const CONTAINERS = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE']);

/**
 * Takes page furniture out of the document before the readability library looks for the
 * article: navigation, sidebars, footers, forms, captions, cookie and newsletter banners,
 * sharing bars, related links and comments. Readability drops much of this itself; what it
 * keeps on a short page (a cookie banner next to three paragraphs) would otherwise become
 * sentences.
 */
export function removeBoilerplate(document: HtmlDocument): void {
  for (const element of [...document.querySelectorAll(NEVER_TEXT)]) element.remove();
  for (const element of [...document.querySelectorAll('[id],[class]')]) {
    if (!CONTAINERS.has(element.tagName.toUpperCase()) && namesFurniture(element)) element.remove();
  }
}

function namesFurniture(element: DomElement): boolean {
  const names = `${element.id} ${element.className}`.toLowerCase().split(/[^a-z]+/u);
  return names.some((name) => FURNITURE_WORDS.has(name));
}

// A paragraph that only points elsewhere or asks the reader to do something.
const CALL_TO_ACTION =
  /^(?:read more|read next|more:|see also|related(?: stories| articles| news)?:|continue reading|click here|share (?:this|on)|follow us|sign up|subscribe|advertisement|sponsored|listen to this article|we use cookies|this site uses cookies|accept (?:all )?cookies)\b/iu;

// A sentence's last mark, Latin or CJK (。！？ and their half-width forms), before any closing quote or bracket.
const SENTENCE_END = /[.!?。！？｡]["'”’»)\]）」』】]?$/u;

/**
 * True for a paragraph of the extracted text that is not part of the story: a call to action
 * ("Read more: …", "Subscribe"), a paragraph that is mostly links, or a short line without a
 * sentence's ending (a byline, a label, a caption left behind).
 */
export function isBoilerplateParagraph(text: string, linkTextLength: number): boolean {
  if (CALL_TO_ACTION.test(text)) return true;
  if (linkTextLength > 0 && linkTextLength / text.length > 0.5) return true;
  return text.length < 60 && !SENTENCE_END.test(text);
}
