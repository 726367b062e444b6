import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder } from 'discord.js';
import type { Answer, PreviousTurn } from '../../search/types.js';
import { articleKey } from '../article-key.js';
import { buttonCustomId } from '../custom-ids.js';
import { unescapeText } from '../format/escape.js';
import { DISCORD_LIMITS } from '../format/discord-limits.js';
import { escapeTextWithin, neutralizeMentions } from '../format/escape.js';
import { highlightTerms } from '../format/highlight.js';
import { formatSourceLine } from '../format/source-line.js';
import { truncateAtWord } from '../format/truncate.js';
import { payload, type ReplyPayload } from './reply-payload.js';
import { collapseWhitespace } from '../../corpus/collapse-whitespace.js';

/** How many passages one page of an answer shows. */
export const PASSAGES_PER_PAGE = 3;

export const ANSWER_COLOR = 0x5865f2;
/** Amber: passages shown for what they are worth, neither the answer's blue nor the grey of "nothing". */
export const LOW_CONFIDENCE_COLOR = 0xf0b232;
export const NO_ANSWER_COLOR = 0x99aab5;

/**
 * How sure the engine is that a page's passages answer the question: `high`, they do; `low`,
 * they are the closest the articles have, which may not answer it. (`none` has no passages to page.)
 */
export type PassagesConfidence = 'high' | 'low';

/** What a low-confidence answer says before its passages, so that nobody takes them for an answer. */
export const NOT_SURE_LINE = "I'm not sure the articles answer this — the closest passages:";

/** The article an answer was limited to, by id (what the engine needs) and title (what people read). */
export interface ArticleFilter {
  readonly id: string;
  readonly title: string;
}

export interface AnswerPage {
  readonly question: string;
  readonly article: ArticleFilter | null;
  /** 1-based. */
  readonly page: number;
  /** The passages of this page, best first. */
  readonly answers: readonly Answer[];
  readonly hasMore: boolean;
  readonly confidence: PassagesConfidence;
  /** The earlier turns the question follows up, oldest first: the footer names the last one. */
  readonly context?: readonly PreviousTurn[] | undefined;
}

/** The footer names the article filter so that an answer can be rebuilt from the message alone. */
const FOOTER_ARTICLE_PREFIX = ' · article: ';
/** The footer names the question an answer follows up, so that people see why it was read so. */
const FOOTER_FOLLOW_UP_PREFIX = ' · following up on: ';
/** How much of the earlier question the footer shows. */
const FOLLOWED_UP_QUESTION_LENGTH = 60;

/** The embed and buttons for one page of passages. */
export function buildAnswerReply(page: AnswerPage): ReplyPayload {
  const first = (page.page - 1) * PASSAGES_PER_PAGE + 1;
  const last = first + page.answers.length - 1;
  const sure = page.confidence === 'high';
  const numbers = page.answers.length === 1 ? `${first}` : `${first}–${last}`;
  const intro = sure ? '' : `${NOT_SURE_LINE}${BLOCK_SEPARATOR}`;
  const embed = withQuestionTitle(new EmbedBuilder(), page.question)
    .setColor(sure ? ANSWER_COLOR : LOW_CONFIDENCE_COLOR)
    .setDescription(`${intro}${passagesDescription(page.answers, first, DISCORD_LIMITS.embedDescription - intro.length)}`)
    .setFooter({
      text: footerText(
        `${sure ? 'Passage' : 'Closest passage'}${page.answers.length === 1 ? '' : 's'} ${numbers}`,
        page.article,
        page.context,
      ),
    });

  // The votes carry the passages shown, so that a vote records them and not a later search's.
  const passages = page.answers.map(({ source }) => ({
    article: articleKey(source.article),
    paragraph: source.paragraph,
    sentence: source.sentence,
  }));
  const buttons = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder()
      // On the first page it is there but disabled, as Discord's own pagers show it; its id must still be unique.
      .setCustomId(buttonCustomId({ kind: 'previous', page: Math.max(1, page.page - 1) }))
      .setLabel('Previous')
      .setStyle(ButtonStyle.Secondary)
      .setDisabled(page.page <= 1),
    new ButtonBuilder()
      .setCustomId(buttonCustomId({ kind: 'more', page: page.page + 1 }))
      .setLabel('More results')
      .setStyle(ButtonStyle.Primary)
      .setDisabled(!page.hasMore),
    new ButtonBuilder()
      .setCustomId(buttonCustomId({ kind: 'context', page: page.page }))
      .setLabel('Show context')
      .setStyle(ButtonStyle.Secondary)
      .setDisabled(page.answers.length === 0),
    new ButtonBuilder()
      .setCustomId(buttonCustomId({ kind: 'feedback', vote: 'up', page: page.page, passages }))
      .setEmoji({ name: '👍' })
      .setStyle(ButtonStyle.Secondary),
    new ButtonBuilder()
      .setCustomId(buttonCustomId({ kind: 'feedback', vote: 'down', page: page.page, passages }))
      .setEmoji({ name: '👎' })
      .setStyle(ButtonStyle.Secondary),
  );
  return payload({ embeds: [embed.toJSON()], components: [buttons.toJSON()] });
}

/** Said plainly when nothing in the corpus is relevant, pointing at `/sources`. */
export function buildNoAnswerReply(question: string, article: ArticleFilter | null, context?: readonly PreviousTurn[]): ReplyPayload {
  const where = article === null ? 'the articles' : `the article **${escapeTextWithin(article.title, 200)}**`;
  const embed = withQuestionTitle(new EmbedBuilder(), question)
    .setColor(NO_ANSWER_COLOR)
    .setDescription(
      `I found nothing in ${where} that answers this.\n` +
        'Try other words (names, places, what happened), or use `/sources` to see which articles I know.',
    )
    .setFooter({ text: footerText('No passages', article, context) });
  return payload({ embeds: [embed.toJSON()] });
}

/** The question as the embed's title: escaped, so that it shows exactly what was typed and nothing more. */
export function questionTitle(question: string): string {
  return escapeTextWithin(question, DISCORD_LIMITS.embedTitle);
}

/**
 * Sets the question as the title, unless it is blank: discord.js throws on an empty title, and
 * a blank one would show nothing. (Handlers never pass a blank question; without a title, the
 * buttons rely on the answer being remembered.)
 */
function withQuestionTitle(embed: EmbedBuilder, question: string): EmbedBuilder {
  const title = questionTitle(question);
  return title.trim() === '' ? embed : embed.setTitle(title);
}

function footerText(summary: string, article: ArticleFilter | null, context: readonly PreviousTurn[] | undefined): string {
  const followedUp = context?.at(-1)?.question;
  // The earlier question, shortened and inert (a footer shows text as typed), never holds the separator of the footer's parts.
  const shown = neutralizeMentions(collapseWhitespace(followedUp ?? '')).replaceAll('·', '-');
  const followUp = followedUp === undefined ? '' : `${FOOTER_FOLLOW_UP_PREFIX}${truncateAtWord(shown, FOLLOWED_UP_QUESTION_LENGTH)}`;
  const text = `${summary}${followUp}${article === null ? '' : `${FOOTER_ARTICLE_PREFIX}${article.id}`}`;
  return truncateAtWord(text, DISCORD_LIMITS.embedFooterText);
}

/** The article id a footer written by `buildAnswerReply` names, or null. */
export function articleIdFromFooter(footer: string | null | undefined): string | null {
  if (footer === null || footer === undefined) return null;
  const index = footer.indexOf(FOOTER_ARTICLE_PREFIX);
  return index === -1 ? null : footer.slice(index + FOOTER_ARTICLE_PREFIX.length);
}

/** The earlier question a footer written by `buildAnswerReply` says the answer follows up (possibly shortened, "…" left off), or null. */
export function followedUpQuestionFromFooter(footer: string | null | undefined): string | null {
  if (footer === null || footer === undefined) return null;
  const start = footer.indexOf(FOOTER_FOLLOW_UP_PREFIX);
  if (start === -1) return null;
  const end = footer.indexOf(FOOTER_ARTICLE_PREFIX, start);
  const question = footer.slice(start + FOOTER_FOLLOW_UP_PREFIX.length, end === -1 ? undefined : end).replace(/…$/u, '');
  return question === '' ? null : question;
}

/**
 * The passages of a description written by `buildAnswerReply`, in order, as plain text: what
 * the person read (one line each, possibly shortened with "…"), without the bold and the escaping.
 */
export function passagesFromDescription(description: string | null | undefined): string[] {
  if (description === null || description === undefined) return [];
  return description
    .split('\n')
    .filter((line) => line.startsWith(QUOTE_PREFIX))
    .map((line) => unescapeText(line.slice(QUOTE_PREFIX.length).replaceAll('**', '')));
}

const QUOTE_PREFIX = '> ';
const BLOCK_SEPARATOR = '\n\n';
/** Past this, a citation's link is dropped so that an absurd url cannot crowd out the passage. */
const MAX_SOURCE_LINE = 400;

function passagesDescription(answers: readonly Answer[], firstNumber: number, budget: number): string {
  if (answers.length === 0) return 'No more passages.';
  // Each passage gets an equal share, so the last one is never cut away entirely.
  const share = Math.floor((budget - BLOCK_SEPARATOR.length * (answers.length - 1)) / answers.length);
  return answers.map((answer, index) => passageBlock(answer, firstNumber + index, share)).join(BLOCK_SEPARATOR);
}

function passageBlock(answer: Answer, number: number, budget: number): string {
  let source = formatSourceLine(answer.source);
  if (source.length > MAX_SOURCE_LINE) source = formatSourceLine({ ...answer.source, url: null });
  const header = `**${number}.** ${source}`;
  const quotePrefix = `\n${QUOTE_PREFIX}`;
  const passage = highlightTerms(oneLine(answer.passage), answer.terms, Math.max(1, budget - header.length - quotePrefix.length));
  return `${header}${quotePrefix}${passage}`;
}

/** A blockquote ends at a newline; passages are shown as one quoted line. */
function oneLine(text: string): string {
  return collapseWhitespace(text);
}
