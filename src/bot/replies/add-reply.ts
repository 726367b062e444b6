import { EmbedBuilder } from 'discord.js';
import type { AddResult, FeedRun } from '../../ingest/ingester.js';
import { DISCORD_LIMITS } from '../format/discord-limits.js';
import { escapeTextWithin } from '../format/escape.js';
import { plural } from '../format/plural.js';
import { formatArticleDate, formatArticleTitle, MAX_LISTED_TITLE_LENGTH } from '../format/source-line.js';
import { truncateAtWord } from '../format/truncate.js';
import { payload, type ReplyPayload } from './reply-payload.js';

const OK_COLOR = 0x57f287;
const NEUTRAL_COLOR = 0x5865f2;
const REFUSED_COLOR = 0xed4245;
const LISTED_ARTICLES = 10;

/**
 * What `/add` did: the article added (title, date, sentence count), or the article the corpus
 * already had, or, for a feed, what it added and refused. `reloadFailure` is set when the files
 * were written but the index could not be rebuilt.
 */
export function buildAddReply(result: AddResult | FeedRun, reloadFailure: string | null): ReplyPayload {
  const embed = new EmbedBuilder();
  const notes =
    reloadFailure === null
      ? []
      : [`The file was written, but the index could not be reloaded: ${escapeTextWithin(reloadFailure, 500)}. Try \`/reload\`.`];
  switch (result.status) {
    case 'added':
      embed
        .setColor(OK_COLOR)
        .setTitle('Article added')
        .setDescription(
          truncateAtWord(
            [
              formatArticleTitle(result.title, result.url, MAX_LISTED_TITLE_LENGTH),
              [
                formatArticleDate(result.date) ?? 'no date',
                result.source === null ? null : escapeTextWithin(result.source, 80),
                plural(result.sentences, 'sentence'),
              ]
                .filter((part) => part !== null)
                .join(' · '),
              ...notes,
              reloadFailure === null ? 'I answer from it now; `/sources` lists it.' : '',
            ]
              .filter((line) => line !== '')
              .join('\n'),
            // A page's address can be longer than a description may be.
            DISCORD_LIMITS.embedDescription,
          ),
        );
      break;
    case 'duplicate':
      embed
        .setColor(NEUTRAL_COLOR)
        .setTitle('Already there: nothing added')
        .setDescription(
          `${formatArticleTitle(result.existing.title, null, MAX_LISTED_TITLE_LENGTH)} is already among the articles (same ${result.existing.by === 'url' ? 'address' : 'text'}).`,
        );
      break;
    case 'feed': {
      const lines = result.added
        .slice(0, LISTED_ARTICLES)
        .map(
          (article) =>
            `• ${formatArticleTitle(article.title, article.url, MAX_LISTED_TITLE_LENGTH)} · ${formatArticleDate(article.date) ?? 'no date'} · ${plural(article.sentences, 'sentence')}`,
        );
      if (result.added.length > LISTED_ARTICLES) lines.push(`… and ${plural(result.added.length - LISTED_ARTICLES, 'more article')}`);
      const refused = result.refused.slice(0, 5).map((entry) => `✖ ${escapeTextWithin(entry.reason, 250)}`);
      embed
        .setColor(result.added.length > 0 ? OK_COLOR : NEUTRAL_COLOR)
        .setTitle(`Feed read: ${plural(result.added.length, 'article')} added`)
        .setDescription(
          truncateAtWord(
            [
              `${result.entries.toLocaleString('en')} ${result.entries === 1 ? 'entry' : 'entries'} in the feed; ${result.alreadyKnown} already known, ${result.refused.length} not added.`,
              ...lines,
              ...refused,
              ...notes,
            ].join('\n'),
            DISCORD_LIMITS.embedDescription,
          ),
        );
      break;
    }
  }
  return payload({ embeds: [embed.toJSON()] });
}

/** Nothing was added, and why (an unsafe address, not an article, too big, too slow, …). */
export function buildAddRefusedReply(reason: string): ReplyPayload {
  const embed = new EmbedBuilder()
    .setColor(REFUSED_COLOR)
    .setTitle('Not added')
    .setDescription(truncateAtWord(`${escapeTextWithin(reason, 3000)}\n\nNothing was written.`, DISCORD_LIMITS.embedDescription));
  return payload({ embeds: [embed.toJSON()] });
}
