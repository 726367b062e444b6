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
  const embed = new EmbedBuilder()
    .setColor(ANSWER_COLOR)
    .setTitle(escapeTextWithin(source.title, DISCORD_LIMITS.embedTitle))
    .setDescription(highlightTerms(paragraph, answer.terms, DISCORD_LIMITS.embedDescription))
    .setFooter({
      text: [formatArticleDate(source.date), `paragraph ${source.paragraph}`, `sentence ${source.sentence}`]
        .filter((part): part is string => part !== null)
        .join(' · '),
    });
  const url = safeLinkUrl(source.url);
  if (url !== null) embed.setURL(url);
  return payload({ embeds: [embed.toJSON()] });
}
