import type { Engine } from '../search/types.js';
import type { AnswerState } from './bot-context.js';
import type { ExpiringLruCache } from './expiring-lru-cache.js';
import { unescapeText } from './format/escape.js';
import { articleIdFromFooter, followedUpQuestionFromFooter, questionTitle } from './replies/answer-reply.js';

/** The parts of an answer message that `buildAnswerReply` wrote and that survive a restart. */
export interface AnswerEmbedText {
  readonly title: string | null;
  readonly footer: string | null;
}

/**
 * The question and article behind an answer message: from memory while it is recent, else
 * read back from the embed (its title is the escaped question, its footer names the article
 * and, for a follow-up, the question it followed up).
 * Null when neither works, e.g. the question was too long to show in full: the buttons expired.
 */
export function recoverAnswerState(
  messageId: string,
  embed: AnswerEmbedText | undefined,
  states: ExpiringLruCache<string, AnswerState>,
  engine: Engine,
): AnswerState | null {
  const remembered = states.get(messageId);
  if (remembered !== undefined) return remembered;
  if (embed === undefined) return null;
  const state = answerStateFromEmbed(embed, engine);
  if (state !== null) states.set(messageId, state);
  return state;
}

export function answerStateFromEmbed(embed: AnswerEmbedText, engine: Engine): AnswerState | null {
  if (embed.title === null || embed.title === '') return null;
  const question = unescapeText(embed.title);
  // A shortened title ends in "…" and no longer holds the whole question.
  if (questionTitle(question) !== embed.title || embed.title.endsWith('…')) return null;

  // A follow-up's footer names the question it followed up (perhaps shortened): still the best evidence of what it leaned on.
  const followedUp = followedUpQuestionFromFooter(embed.footer);
  const context = followedUp === null ? {} : { context: [{ question: followedUp, passages: [] }] };
  const articleId = articleIdFromFooter(embed.footer);
  if (articleId === null) return { question, article: null, ...context };
  const article = engine.articles.find((candidate) => candidate.id === articleId);
  // The article may have gone in a reload; keep the filter so the answer stays honest (and empty).
  return { question, article: { id: articleId, title: article?.title ?? articleId }, ...context };
}
