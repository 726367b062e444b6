import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed, MessageMentionOptions } from 'discord.js';
import { withoutBidiControls } from '../format/bidi-controls.js';
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

/**
 * A payload with every part cut to Discord's limits and no bidirectional control anywhere in its
 * text (escaping already removes them from what people and files wrote; this covers the rest,
 * such as an article id in a footer).
 */
export function payload(parts: {
  content?: string;
  embeds?: readonly APIEmbed[];
  components?: readonly APIActionRowComponent<APIComponentInMessageActionRow>[];
}): ReplyPayload {
  const result: ReplyPayload = {
    embeds: (parts.embeds ?? []).map((embed) => fitEmbed(embedWithoutBidiControls(embed))),
    components: [...(parts.components ?? [])],
    allowedMentions: noMentions(),
  };
  if (parts.content !== undefined) {
    result.content = truncateAtWord(withoutBidiControls(parts.content), DISCORD_LIMITS.messageContent);
  }
  return result;
}

function embedWithoutBidiControls(embed: APIEmbed): APIEmbed {
  const clean: APIEmbed = { ...embed };
  if (clean.title !== undefined) clean.title = withoutBidiControls(clean.title);
  if (clean.description !== undefined) clean.description = withoutBidiControls(clean.description);
  if (clean.footer !== undefined) clean.footer = { ...clean.footer, text: withoutBidiControls(clean.footer.text) };
  if (clean.author !== undefined) clean.author = { ...clean.author, name: withoutBidiControls(clean.author.name) };
  if (clean.fields !== undefined) {
    clean.fields = clean.fields.map((field) => ({
      ...field,
      name: withoutBidiControls(field.name),
      value: withoutBidiControls(field.value),
    }));
  }
  return clean;
}

/** A plain-text reply written by us; dynamic parts must already be escaped by the caller. */
export function textPayload(text: string): ReplyPayload {
  return payload({ content: text });
}
