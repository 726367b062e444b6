import { ARTICLE_KEY_LENGTH } from './article-key.js';

/** A passage shown under an answer, as a vote button carries it: its article's key, its paragraph and sentence. */
export interface PassageKey {
  /** `articleKey(article id)`. */
  readonly article: string;
  readonly paragraph: number;
  readonly sentence: number;
}

/**
 * The custom ids of our buttons. Each carries what its handler needs beyond the message it sits
 * on (pages are 1-based), and stays below Discord's 100-character limit. A vote button carries
 * the passages it votes on, so that what is recorded is what was shown, whatever the index
 * holds by the time of the click.
 */
export type ButtonAction =
  | { readonly kind: 'more'; readonly page: number }
  | { readonly kind: 'previous'; readonly page: number }
  | { readonly kind: 'context'; readonly page: number }
  | { readonly kind: 'feedback'; readonly vote: 'up' | 'down'; readonly page: number; readonly passages: readonly PassageKey[] }
  | { readonly kind: 'sources'; readonly page: number };

/** Discord's limit on a custom id. */
export const MAX_CUSTOM_ID_LENGTH = 100;

export function buttonCustomId(action: ButtonAction): string {
  switch (action.kind) {
    case 'more':
      return `more:${action.page}`;
    case 'previous':
      return `prev:${action.page}`;
    case 'context':
      return `context:${action.page}`;
    case 'feedback':
      return feedbackCustomId(action.vote, action.page, action.passages);
    case 'sources':
      return `sources:${action.page}`;
  }
}

/** The action behind a custom id, or null for one we did not make (or made by an older version). */
export function parseButtonCustomId(customId: string): ButtonAction | null {
  const parts = customId.split(':');
  const [kind, second, third, fourth] = parts;
  if (kind === 'fb') {
    const page = parsePage(third);
    const passages = parsePassageKeys(fourth);
    if (parts.length !== 4 || (second !== 'up' && second !== 'down') || page === null || passages === null) return null;
    return { kind: 'feedback', vote: second, page, passages };
  }
  const page = parsePage(second);
  if (page === null || parts.length !== 2) return null;
  if (kind === 'more') return { kind: 'more', page };
  if (kind === 'prev') return { kind: 'previous', page };
  if (kind === 'context') return { kind: 'context', page };
  if (kind === 'sources') return { kind: 'sources', page };
  return null;
}

/**
 * `fb:up:1:<key>.<paragraph>.<sentence>~…`, numbers in base 36. A page's three passages take
 * at most 83 characters (page 999,999, paragraph and sentence numbers past two billion); should
 * more be given than fit, the id carries those that do, first first.
 */
function feedbackCustomId(vote: 'up' | 'down', page: number, passages: readonly PassageKey[]): string {
  let id = `fb:${vote}:${page}:`;
  for (const [index, passage] of passages.entries()) {
    const part = `${index === 0 ? '' : PASSAGE_SEPARATOR}${passageKeyText(passage)}`;
    if (id.length + part.length > MAX_CUSTOM_ID_LENGTH) break;
    id += part;
  }
  return id;
}

const PASSAGE_SEPARATOR = '~';
const PASSAGE_KEY = new RegExp(`^([A-Za-z0-9_-]{${ARTICLE_KEY_LENGTH}})\\.([0-9a-z]{1,6})\\.([0-9a-z]{1,6})$`, 'u');
/** More than a page ever shows: a longer list is not one we made. */
const MAX_PASSAGES = 5;

function passageKeyText(key: PassageKey): string {
  return `${key.article}.${key.paragraph.toString(36)}.${key.sentence.toString(36)}`;
}

function parsePassageKeys(text: string | undefined): PassageKey[] | null {
  if (text === undefined || text === '') return null;
  const keys: PassageKey[] = [];
  const parts = text.split(PASSAGE_SEPARATOR);
  if (parts.length > MAX_PASSAGES) return null;
  for (const part of parts) {
    const match = PASSAGE_KEY.exec(part);
    const [, article, paragraph, sentence] = match ?? [];
    if (article === undefined || paragraph === undefined || sentence === undefined) return null;
    const key = { article, paragraph: Number.parseInt(paragraph, 36), sentence: Number.parseInt(sentence, 36) };
    if (key.paragraph < 1 || key.sentence < 1) return null;
    keys.push(key);
  }
  return keys;
}

function parsePage(text: string | undefined): number | null {
  if (text === undefined || !/^\d{1,6}$/.test(text)) return null;
  const page = Number(text);
  return page >= 1 ? page : null;
}
