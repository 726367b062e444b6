import { DOMParser, parseHTML } from 'linkedom';

/**
 * The part of the DOM that extraction and feed reading use. linkedom's own types name the
 * browser DOM's (`Document`, `Window`), which this project does not load (its code runs in Node
 * and must not see browser globals), so they arrive untyped; these interfaces state what we
 * rely on, and every use is checked against them.
 */
export interface DomNode {
  /** 1 for an element, 3 for text, 8 for a comment. */
  readonly nodeType: number;
  readonly textContent: string | null;
}

/** Whether `node` is an element (rather than text or a comment). */
export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === 1;
}

export interface DomElement extends DomNode {
  readonly tagName: string;
  readonly id: string;
  readonly className: string;
  readonly children: ArrayLike<DomElement>;
  readonly childNodes: ArrayLike<DomNode>;
  readonly parentElement: DomElement | null;
  readonly nextElementSibling: DomElement | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): Iterable<DomElement>;
  getElementsByTagName(name: string): Iterable<DomElement>;
  closest(selectors: string): DomElement | null;
  matches(selectors: string): boolean;
  contains(other: DomElement): boolean;
  replaceWith(...nodes: (DomNode | string)[]): void;
  remove(): void;
}

export interface DomDocument {
  readonly documentElement: DomElement | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): Iterable<DomElement>;
  getElementsByTagName(name: string): Iterable<DomElement>;
}

export interface HtmlDocument extends DomDocument {
  readonly body: DomElement | null;
  readonly title: string;
}

/** A web page's document, parsed as browsers do (linkedom). */
export function parseHtmlDocument(html: string): HtmlDocument {
  // linkedom builds no <html> or <body> for a fragment (or an empty string), as browsers do; give it them.
  const { document } = parseHTML(/<html[\s>]/iu.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`);
  return document;
}

/** An XML document (a feed). linkedom does not expand entities declared in a DTD, so a hostile feed cannot blow up. */
export function parseXmlDocument(xml: string): DomDocument {
  return new DOMParser().parseFromString(xml, 'text/xml');
}
