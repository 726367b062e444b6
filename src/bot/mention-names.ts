import { cleanContent, type TextBasedChannel } from 'discord.js';

/**
 * Marks where a mention's name starts and ends in a question: a zero-width space after its `@`
 * or `#` and one after the name. People see `@Alice`; `searchableQuestion` sees the name's
 * edges and leaves it out of the search, also when the question is read back from an old
 * answer's title.
 */
export const MENTION_NAME_EDGE = '\u200b';

/** How Discord shows a mention it cannot resolve. */
const UNKNOWN: Readonly<Record<string, string>> = { '@': '@unknown-user', '@!': '@unknown-user', '@&': '@unknown-role', '#': '#unknown' };

/**
 * A message's text as Discord shows it to people: `<@id>` as `@display name`, `<@&id>` as
 * `@Role`, `<#id>` as `#channel` (discord.js's `cleanContent`, from its caches), and what no
 * cache knows as Discord shows it too (`@unknown-user`, `@unknown-role`, `#unknown`), each name
 * between `MENTION_NAME_EDGE`s. The bot's own mention only addresses it, so it goes. A raw
 * `<@1579…>` means nothing to the person reading the echoed question, and a member's name says
 * who is addressed, not what is asked, so the engine does not search for it.
 */
export function withMentionNames(text: string, botId: string, channel: TextBasedChannel | null): string {
  const addressed = /^\d+$/.test(botId) ? text.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ') : text;
  return addressed.replace(/<(@[!&]?|#)\d+>/g, (token, kind: string) => {
    const named = channel === null ? token : cleanContent(token, channel);
    const shown = named === token ? (UNKNOWN[kind] ?? token) : named;
    return `${shown.slice(0, 1)}${MENTION_NAME_EDGE}${shown.slice(1)}${MENTION_NAME_EDGE}`;
  });
}
