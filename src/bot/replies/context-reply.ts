import { EmbedBuilder } from 'discord.js';
import type { Answer } from '../../search/types.js';
import { DISCORD_LIMITS } from '../format/discord-limits.js';
import { escapeTextWithin, safeLinkUrl } from '../format/escape.js';
import { highlightTerms } from '../format/highlight.js';
import { formatArticleDate } from '../format/source-line.js';
import { ANSWER_COLOR } from './answer-reply.js';
import { payload, type ReplyPayload } from './reply-payload.js';

/** The whole paragraph around a passage, with the same words in bold. */
export function buildContextReply(answer: Answer, paragraph: string): ReplyPayload {
  const { source } = answer;
  const title = escapeTextWithin(source.title, DISCORD_LIMITS.embedTitle);
  const embed = new EmbedBuilder()
    .setColor(ANSWER_COLOR)
    // discord.js throws on an empty title or description; a blank one would show nothing.
    .setTitle(title.trim() === '' ? UNTITLED : title)
    .setFooter({
      text: [formatArticleDate(source.date), `paragraph ${source.paragraph}`, `sentence ${source.sentence}`]
        .filter((part): part is string => part !== null)
        .join(' · '),
    });
  const description = highlightTerms(paragraph, answer.terms, DISCORD_LIMITS.embedDescription);
  if (description.trim() !== '') embed.setDescription(description);
  const url = safeLinkUrl(source.url);
  // Discord refuses an embed whose url is longer than it accepts; the citation stays without the link.
  if (url !== null && url.length <= DISCORD_LIMITS.embedUrl) embed.setURL(url);
  return payload({ embeds: [embed.toJSON()] });
}

const UNTITLED = 'Untitled article';
