import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder } from 'discord.js';
import type { ArticleSummary } from '../../search/types.js';
import { buttonCustomId } from '../custom-ids.js';
import { DISCORD_LIMITS } from '../format/discord-limits.js';
import { escapeTextWithin } from '../format/escape.js';
import { formatArticleDate, formatArticleTitle, MAX_LISTED_TITLE_LENGTH } from '../format/source-line.js';
import { plural } from '../format/plural.js';
import { truncateAtWord } from '../format/truncate.js';
import { ANSWER_COLOR } from './answer-reply.js';
import { payload, type ReplyPayload } from './reply-payload.js';

export const ARTICLES_PER_PAGE = 10;

export function sourcesPageCount(articleCount: number): number {
  return Math.max(1, Math.ceil(articleCount / ARTICLES_PER_PAGE));
}

/** One page of the corpus listing, with ◀ ▶ buttons when there is more than one page. */
export function buildSourcesReply(articles: readonly ArticleSummary[], requestedPage: number): ReplyPayload {
  const pages = sourcesPageCount(articles.length);
  // A button from before a reload may point past the new end; show the nearest real page.
  const page = Math.min(Math.max(1, requestedPage), pages);
  const start = (page - 1) * ARTICLES_PER_PAGE;
  const shown = articles.slice(start, start + ARTICLES_PER_PAGE);

  const embed = new EmbedBuilder().setColor(ANSWER_COLOR).setTitle('Articles I can answer from');
  if (articles.length === 0) {
    embed.setDescription('No articles are loaded. Put article files in the corpus folder, then run `/reload` (needs Manage Server).');
    return payload({ embeds: [embed.toJSON()] });
  }

  const share = Math.floor(DISCORD_LIMITS.embedDescription / ARTICLES_PER_PAGE) - 1;
  const lines = shown.map((article, index) => {
    const line = articleLine(article, start + index + 1);
    // An absurdly long url would be cut inside the link; such a title is better shown unlinked.
    return truncateAtWord(line.length > share ? articleLine({ ...article, url: null }, start + index + 1) : line, share);
  });
  const sentences = articles.reduce((sum, article) => sum + article.sentences, 0);
  embed.setDescription(lines.join('\n')).setFooter({
    text: `Page ${page} of ${pages} · ${plural(articles.length, 'article')} · ${plural(sentences, 'sentence')}`,
  });

  if (pages === 1) return payload({ embeds: [embed.toJSON()] });
  const buttons = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder()
      .setCustomId(buttonCustomId({ kind: 'sources', page: page - 1 }))
      .setEmoji({ name: '◀' })
      .setStyle(ButtonStyle.Secondary)
      .setDisabled(page === 1),
    new ButtonBuilder()
      .setCustomId(buttonCustomId({ kind: 'sources', page: page + 1 }))
      .setEmoji({ name: '▶' })
      .setStyle(ButtonStyle.Secondary)
      .setDisabled(page === pages),
  );
  return payload({ embeds: [embed.toJSON()], components: [buttons.toJSON()] });
}

function articleLine(article: ArticleSummary, number: number): string {
  const date = formatArticleDate(article.date);
  return [
    `**${number}.** ${formatArticleTitle(article.title, article.url, MAX_LISTED_TITLE_LENGTH)}`,
    date,
    plural(article.sentences, 'sentence'),
    article.source === null ? null : escapeTextWithin(article.source, 60),
    provenance(article),
  ]
    .filter((part): part is string => part !== null)
    .join(' · ');
}

/** Where the article came from and when it was added: `added Nov 30, 2026 from the feed news.example`. */
function provenance(article: ArticleSummary): string | null {
  // The day of an ISO time; anything else is shown as written (formatArticleDate escapes and shortens it safely).
  const added = article.added === null ? null : formatArticleDate(/^\d{4}-\d{2}-\d{2}/u.exec(article.added)?.[0] ?? article.added);
  const feedHost = article.feed === null ? null : hostOf(article.feed);
  if (added === null && feedHost === null) return null;
  return [added === null ? 'added' : `added ${added}`, feedHost === null ? null : `from the feed ${escapeTextWithin(feedHost, 60)}`]
    .filter((part): part is string => part !== null)
    .join(' ');
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}
