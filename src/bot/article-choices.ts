import type { ArticleSummary } from '../search/types.js';
import { withoutBidiControls } from './format/bidi-controls.js';
import { DISCORD_LIMITS } from './format/discord-limits.js';
import { truncateAtWord } from './format/truncate.js';
import { collapseWhitespace } from '../corpus/collapse-whitespace.js';
import { fold } from '../search/fold.js';

/** One autocomplete choice: what the person sees, and the article id the command receives. */
export interface ArticleChoice {
  readonly name: string;
  readonly value: string;
}

/** Case-, accent- and spacing-insensitive form used for matching titles ("Zelenskyy" vs "ZELENSKYY"). */
export function foldForMatching(text: string): string {
  return collapseWhitespace(fold(text));
}

/**
 * Autocomplete for `article`: exact title or id matches first, then prefixes, then titles that
 * contain the query; within each group, newest first. An empty query lists the newest articles.
 * At most 25 choices, each name and value at most 100 characters.
 */
export function rankArticleChoices(query: string, articles: readonly ArticleSummary[]): ArticleChoice[] {
  // Ids longer than a choice value can hold could never be sent back; such articles are left out.
  const selectable = newestFirst(articles).filter((article) => article.id.length <= DISCORD_LIMITS.autocompleteChoiceValue);
  const folded = foldForMatching(query);
  const ranked =
    folded === ''
      ? selectable
      : selectable
          .map((article) => ({ article, tier: matchTier(folded, article) }))
          .filter((entry): entry is { article: ArticleSummary; tier: number } => entry.tier !== null)
          // Array.prototype.sort is stable, so newest-first order is kept within a tier.
          .sort((a, b) => a.tier - b.tier)
          .map((entry) => entry.article);
  return ranked.slice(0, DISCORD_LIMITS.autocompleteChoices).map(toChoice);
}

/**
 * The article an `article` option names: normally the id autocomplete sent, but a person may
 * also type a title and send it without picking a choice. Null when nothing matches exactly.
 */
export function resolveArticle(value: string, articles: readonly ArticleSummary[]): ArticleSummary | null {
  const byId = articles.find((article) => article.id === value);
  if (byId !== undefined) return byId;
  const folded = foldForMatching(value);
  if (folded === '') return null;
  return articles.find((article) => foldForMatching(article.id) === folded || foldForMatching(article.title) === folded) ?? null;
}

const EXACT = 0;
const PREFIX = 1;
const CONTAINS = 2;

function matchTier(folded: string, article: ArticleSummary): number | null {
  const title = foldForMatching(article.title);
  const id = foldForMatching(article.id);
  if (title === folded || id === folded) return EXACT;
  if (title.startsWith(folded) || id.startsWith(folded)) return PREFIX;
  if (title.includes(folded) || id.includes(folded)) return CONTAINS;
  return null;
}

/** Date descending, undated last; stable, so the engine's own order breaks ties. */
function newestFirst(articles: readonly ArticleSummary[]): ArticleSummary[] {
  return [...articles].sort((a, b) => {
    if (a.date === b.date) return 0;
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  });
}

/** The name shows as plain text in Discord's list: no bidirectional control may reorder it. */
function toChoice(article: ArticleSummary): ArticleChoice {
  const suffix = article.date === null ? '' : ` (${withoutBidiControls(article.date)})`;
  const title = collapseWhitespace(withoutBidiControls(article.title)) || withoutBidiControls(article.id) || article.id;
  const name = `${truncateAtWord(title, DISCORD_LIMITS.autocompleteChoiceName - suffix.length)}${suffix}`;
  return { name, value: article.id };
}
