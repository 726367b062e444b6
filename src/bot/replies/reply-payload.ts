import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed, MessageMentionOptions } from 'discord.js';
import { DISCORD_LIMITS } from '../format/discord-limits.js';
import { fitEmbed } from '../format/fit-embed.js';
import { truncateAtWord } from '../format/truncate.js';

/**
 * What every reply builder returns: usable as-is with `reply`, `followUp`, `editReply`, `update`
 * and `message.reply`. Mentions are always off, including the ping of the person replied to.
 */
export interface ReplyPayload {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  allowedMentions: MessageMentionOptions;
}

/** A fresh object each time so that no caller can change the shared default. */
export function noMentions(): MessageMentionOptions {
  return { parse: [], repliedUser: false };
}

/** A payload with every part cut to Discord's limits. */
export function payload(parts: {
  content?: string;
  embeds?: readonly APIEmbed[];
  components?: readonly APIActionRowComponent<APIComponentInMessageActionRow>[];
}): ReplyPayload {
  const result: ReplyPayload = {
    embeds: (parts.embeds ?? []).map(fitEmbed),
    components: [...(parts.components ?? [])],
    allowedMentions: noMentions(),
  };
  if (parts.content !== undefined) result.content = truncateAtWord(parts.content, DISCORD_LIMITS.messageContent);
  return result;
}

/** A plain-text reply written by us; dynamic parts must already be escaped by the caller. */
export function textPayload(text: string): ReplyPayload {
  return payload({ content: text });
}
