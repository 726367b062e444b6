import { splitSentences } from '../../../src/corpus/sentences.js';

/** A stretch of a source page's text that becomes one paragraph of an article. */
export interface PageParagraph {
  /** Where the stretch starts and ends in the page text (answer offsets are mapped through these). */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const EDIT = '(edit)';
const HEADER_END = 'Jump to: navigation, search';
const TOC = 'Contents (hide)';
const TEMPLATE_NOTE = '(Learn how and when to remove this template message)';
/** Sections from these on are lists of links and sources, not text. */
const FOOTER_HEADINGS = [
  'See also',
  'References',
  'Notes',
  'Notes and references',
  'Footnotes',
  'External links',
  'Further reading',
  'Bibliography',
  'Sources',
  'Citations',
  'Works cited',
];
/** Sections longer than this are cut, between sentences, into paragraphs of about CHUNK characters. */
const LONG_SECTION = 1200;
const CHUNK = 900;
/** The end of a sentence: a word of two or more small letters (not an initial like "D.") and a stop, then a capital. */
const SENTENCE_END = /\p{Ll}{2}[.!?](?:''|["')])? (?=\p{Lu})/gu;
/** A paragraph with at least one sentence in it; what has none is the cells of a table or infobox. */
const PROSE = /\p{Ll}{2}[.!?]["')\]]?(?: |$)/u;

/** NQ's text marks quotation with `` and ''; plain double quotes read better and match what people type. */
export function cleanNqText(text: string): string {
  return text.replaceAll('``', '"').replaceAll("''", '"').replace(/\s+/gu, ' ').trim();
}

/**
 * The paragraphs of a Wikipedia page as the NQ-to-SQuAD conversion flattened it (one string
 * with the page's HTML removed: navigation, contents box, "Name(edit)" headings, infobox and
 * table cells, references). Paragraph breaks are lost in that copy, so sections (between
 * headings) become paragraphs, long ones cut between sentences; the header, the contents box
 * and everything from the first footer section (See also, References, ...) on are left out, and
 * the lead starts at its first sentence naming the page's subject when only infobox cells come before it.
 */
export function flattenedPageParagraphs(page: string, title: string): PageParagraph[] {
  const headerAt = page.indexOf(HEADER_END);
  const start = headerAt >= 0 ? headerAt + HEADER_END.length : 0;
  const end = footerStart(page, start);
  const tocAt = page.indexOf(TOC, start);
  const headings = tocAt >= 0 && tocAt < end ? tocHeadings(page, tocAt) : [];
  const edits = occurrences(page, EDIT, start, end);

  const firstHeading = edits[0] === undefined ? end : headingStart(page, edits[0], headings);
  const leadEnd = tocAt >= 0 && tocAt < firstHeading ? tocAt : firstHeading;
  const stretches: Array<[number, number]> = [[leadStart(page, start, leadEnd, title), leadEnd]];
  edits.forEach((edit, index) => {
    const next = edits[index + 1];
    stretches.push([edit + EDIT.length, next === undefined ? end : headingStart(page, next, headings)]);
  });
  return stretches.flatMap(([from, to]) => chunks(page, from, to)).filter((paragraph) => PROSE.test(paragraph.text));
}

function footerStart(page: string, from: number): number {
  const marks = [...FOOTER_HEADINGS.map((heading) => `${heading}${EDIT}`), 'Retrieved from ``'];
  const found = marks.map((mark) => page.indexOf(mark, from)).filter((at) => at >= 0);
  return found.length === 0 ? page.length : Math.min(...found);
}

function occurrences(text: string, needle: string, from: number, to: number): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle, from); at >= 0 && at < to; at = text.indexOf(needle, at + needle.length)) found.push(at);
  return found;
}

/** The section names in the contents box ("1 Lyrics 2 Music video 3 Charts ..."), longest first. */
function tocHeadings(page: string, tocAt: number): string[] {
  const firstEdit = page.indexOf(EDIT, tocAt);
  if (firstEdit < 0) return [];
  const entries = ` ${page.slice(tocAt + TOC.length, firstEdit).trim()}`.split(/ \d+(?:\.\d+)* /u).slice(1);
  const first = entries[0];
  if (first === undefined) return [];
  // The box runs straight into the first heading: "... 8 References In the Hebrew Bible(edit)".
  const last = entries.length - 1;
  const lastEntry = entries[last];
  if (lastEntry?.endsWith(` ${first}`)) entries[last] = lastEntry.slice(0, -first.length - 1);
  return [...new Set(entries)].sort((a, b) => b.length - a.length);
}

/** Where the heading that ends at `edit` begins: a known section name, else just after the sentence before it. */
function headingStart(page: string, edit: number, headings: readonly string[]): number {
  const known = headings.find((name) => page.slice(edit - name.length, edit) === name);
  if (known !== undefined) return edit - known.length;
  const before = page.slice(Math.max(0, edit - 80), edit);
  const stop = Math.max(before.lastIndexOf('. '), before.lastIndexOf(".'' "), before.lastIndexOf(') '));
  return stop < 0 ? edit : edit - before.length + stop + before.slice(stop).indexOf(' ') + 1;
}

/**
 * Where the lead's text starts: after the last maintenance-template note, and at the sentence
 * that names the subject ("X is ...", "X (born ...) was ...") when the infobox comes first.
 */
function leadStart(page: string, from: number, to: number, title: string): number {
  const note = page.lastIndexOf(TEMPLATE_NOTE, to);
  const start = note >= from ? note + TEMPLATE_NOTE.length : from;
  const subject = escapeRegExp(title.replace(/ \([^)]*\)$/u, ''));
  const namesSubject = new RegExp(`(?:\`\`)?${subject}(?:'')?(?: \\([^)]*\\))?,? (?:is|was|are|were|refers|has|had)\\b`, 'iu');
  const match = namesSubject.exec(page.slice(start, to));
  if (match === null) return start;
  const at = start + match.index;
  const before = [...page.slice(start, at).matchAll(SENTENCE_END)].at(-1);
  const naming = before === undefined ? at : start + before.index + before[0].length;
  // Skip only what holds no sentence of its own (infobox cells); prose before it is lead text.
  return page.slice(start, naming).match(SENTENCE_END) === null ? naming : start;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** One stretch as paragraphs: whole when short, else cut between sentences. */
function chunks(page: string, from: number, to: number): PageParagraph[] {
  const raw = page.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const start = from + lead;
  const end = to - (raw.length - raw.trimEnd().length);
  const whole = { start, end, text: cleanNqText(page.slice(start, end)) };
  if (end - start <= LONG_SECTION) return [whole];
  const paragraphs: PageParagraph[] = [];
  let chunkStart = start;
  let cursor = start;
  for (const sentence of splitSentences(page.slice(start, end))) {
    const at = page.indexOf(sentence, cursor);
    // The splitter collapses whitespace; where the page has a run of spaces, keep the section whole.
    if (at < 0 || at > cursor + 1) return [whole];
    cursor = at + sentence.length;
    if (cursor - chunkStart >= CHUNK) {
      paragraphs.push({ start: chunkStart, end: cursor, text: cleanNqText(page.slice(chunkStart, cursor)) });
      chunkStart = cursor + 1;
    }
  }
  if (chunkStart < end) paragraphs.push({ start: chunkStart, end, text: cleanNqText(page.slice(chunkStart, end)) });
  return paragraphs;
}

const HTML_TOKEN = /^<\/?[A-Za-z][^>]*>$/u;

/** Detokenizes NQ's whitespace-tokenized text ("AJ Styles .", "( WWWF )") and drops its HTML tokens. */
export function nqTokensText(tokens: readonly string[]): string {
  const text = tokens.filter((token) => !HTML_TOKEN.test(token)).join(' ');
  return cleanNqText(
    text
      .replace(/ ([.,;:!?%)\]])/gu, '$1')
      .replace(/([([$]) /gu, '$1')
      .replace(/ ('s|n't|'re|'ve|'ll|'d)\b/gu, '$1')
      .replace(/`` (.*?) ''/gu, "``$1''"),
  );
}
