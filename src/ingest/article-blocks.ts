import { collapseWhitespace } from '../corpus/collapse-whitespace.js';
import { isElement, type DomElement } from './dom.js';

/**
 * What a piece of the article's text is: running text, a list item, a table row, or a heading.
 * Boilerplate is judged differently for each: a short line without a full stop is a byline in
 * running text but a fine list item.
 */
export type BlockKind = 'text' | 'item' | 'row' | 'heading';

/** One paragraph of the article as it reads: its text and how much of it is link text. */
export interface ArticleBlock {
  readonly kind: BlockKind;
  /** Whitespace collapsed; a line break kept inside where the text runs on across a `<br>` ("\n"). */
  readonly text: string;
  /** Characters of `text` inside links. */
  readonly linkText: number;
}

// Elements that start and end a block of text; everything else is inline and runs on.
const BLOCK_ELEMENTS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);
const TEXT_NODE = 3;
const MIN_LISTED_LINES = 3;
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const ITEMS = new Set(['li', 'dt', 'dd']);
// Nothing of these is article text.
const SKIPPED = new Set(['img', 'picture', 'video', 'audio', 'source', 'track', 'map', 'area', 'script', 'style', 'noscript', 'template']);
// Inside a table cell, any of these with text makes the cell a container of blocks: a layout table.
const CELL_BLOCKS = 'p, div, ul, ol, dl, table, h1, h2, h3, h4, h5, h6, blockquote, section, article';
// "- ", "• ", "1. ", "2) ", "(3) ": a line that starts an item of a list.
const ITEM_START = /^(?:[-–—•·*▪►✓]\s|\(?\d{1,3}[.)]\s)/u;
// A sentence's last mark, Latin or CJK (。！？ and the half-width ｡), before any closing quote or bracket.
const SENTENCE_END = /[.!?。！？｡]["'”’»)\]）」』】]?$/u;

/** Whether `text` ends as a sentence does, in a Latin or a CJK script. */
export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text);
}

/**
 * The article's text as the reader sees it, block by block: each paragraph, list item, table row
 * and heading on its own. Text that sits loose between blocks is a paragraph of its own. A data
 * table gives one block per row, its cells separated by " | "; a table used for layout is read
 * as the blocks in its cells. `<br>` is a paragraph break where it separates items (a numbered
 * line, a line after a sentence's end, a line starting with a capital or a digit: tour dates,
 * results) and a line break inside the paragraph where the text runs on across it.
 */
export function articleBlocks(article: DomElement): ArticleBlock[] {
  const writer = new BlockWriter();
  walk(article, writer, 'text', false);
  writer.flush();
  return writer.blocks;
}

function walk(element: DomElement, writer: BlockWriter, kind: BlockKind, inLink: boolean): void {
  for (const node of Array.from(element.childNodes)) {
    if (!isElement(node)) {
      // Text, not a comment.
      if (node.nodeType === TEXT_NODE) writer.write(node.textContent ?? '', inLink);
      continue;
    }
    const tag = node.tagName.toLowerCase();
    if (SKIPPED.has(tag)) continue;
    if (tag === 'br') {
      writer.lineBreak();
      continue;
    }
    if (!BLOCK_ELEMENTS.has(tag)) {
      walk(node, writer, kind, inLink || tag === 'a');
      continue;
    }
    writer.flush(kind);
    if (tag === 'table' && isDataTable(node)) writeRows(node, writer);
    else walk(node, writer, HEADINGS.has(tag) ? 'heading' : ITEMS.has(tag) ? 'item' : kind, inLink);
    writer.flush(HEADINGS.has(tag) ? 'heading' : ITEMS.has(tag) ? 'item' : kind);
  }
}

/**
 * A table of data rather than of layout: no table inside it, no cell holding paragraphs or
 * other blocks, and more than one column (or a header, caption or summary that says it is one).
 */
function isDataTable(table: DomElement): boolean {
  if (table.getAttribute('role') === 'presentation' || table.getAttribute('datatable') === '0') return false;
  if (table.querySelector('table') !== null) return false;
  for (const block of table.querySelectorAll(CELL_BLOCKS)) if (collapseWhitespace(block.textContent ?? '') !== '') return false;
  if (table.querySelector('caption, thead, th, tfoot, colgroup') !== null || table.hasAttribute('summary')) return true;
  return rowsOf(table).some((row) => cellsOf(row).length > 1);
}

function writeRows(table: DomElement, writer: BlockWriter): void {
  const caption = table.querySelector('caption');
  if (caption !== null) {
    walk(caption, writer, 'heading', false);
    writer.flush('heading');
  }
  for (const row of rowsOf(table)) {
    const cells = cellsOf(row)
      .map((cell) => collapseWhitespace(cell.textContent ?? ''))
      .filter((text) => text !== '');
    if (cells.length === 0) continue;
    let linkText = 0;
    for (const link of row.querySelectorAll('a')) linkText += collapseWhitespace(link.textContent ?? '').length;
    writer.addBlock({ kind: 'row', text: cells.join(' | '), linkText });
  }
}

function rowsOf(table: DomElement): DomElement[] {
  return [...table.querySelectorAll('tr')];
}

function cellsOf(row: DomElement): DomElement[] {
  return Array.from(row.children).filter((cell) => /^t[dh]$/iu.test(cell.tagName));
}

/** Gathers inline text into lines and lines into blocks. */
class BlockWriter {
  readonly blocks: ArticleBlock[] = [];
  /** Lines of the block being written, each with its link text. */
  #lines: { text: string; linkText: number }[] = [];
  #line = '';
  #lineLinks = 0;

  write(text: string, inLink: boolean): void {
    this.#line += text;
    if (inLink) this.#lineLinks += collapseWhitespace(text).length;
  }

  lineBreak(): void {
    this.#lines.push({ text: collapseWhitespace(this.#line), linkText: this.#lineLinks });
    this.#line = '';
    this.#lineLinks = 0;
  }

  addBlock(block: ArticleBlock): void {
    this.flush();
    this.blocks.push(block);
  }

  /** Ends the block being written: its lines become one or more blocks of `kind`. */
  flush(kind: BlockKind = 'text'): void {
    this.lineBreak();
    const lines = this.#lines;
    this.#lines = [];
    // Three lines or more split by <br> are a list written without list markup (tour dates, a
    // numbered list): its lines are items, which need not end like sentences.
    const listed = kind === 'text' && lines.filter((line) => line.text !== '').length >= MIN_LISTED_LINES ? 'item' : kind;
    let text = '';
    let linkText = 0;
    const end = () => {
      if (text !== '') this.blocks.push({ kind: text.includes('\n') ? kind : listed, text, linkText });
      text = '';
      linkText = 0;
    };
    for (const line of lines) {
      // An empty line: two <br> in a row, a paragraph break.
      if (line.text === '') {
        end();
        continue;
      }
      if (text !== '' && !runsOn(text, line.text)) end();
      text = text === '' ? line.text : `${text}\n${line.text}`;
      linkText += line.linkText;
    }
    end();
  }
}

/** Whether the text before a `<br>` runs on into the line after it, rather than the line starting an item of its own. */
function runsOn(before: string, after: string): boolean {
  // A sentence, or a clause that announces what follows ("Leading scorers:"), ends at the break.
  if (endsSentence(before) || /[:;]$/u.test(before) || ITEM_START.test(after)) return false;
  // A line that starts in lower case carries on the sentence; a capital or a digit starts an item.
  return /^\p{Ll}/u.test(after);
}
