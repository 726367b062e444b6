import { escapeMarkdown } from 'discord.js';
import { withoutBidiControls } from './bidi-controls.js';
import { truncateAtWord } from './truncate.js';

const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Makes mentions inert to the eye as well as to Discord: `@everyone`, `@here`, `<@id>`, `<@!id>`,
 * `<@&id>` are shown as typed but no longer render as a ping or a mention pill.
 * (`allowedMentions: { parse: [] }` already stops the ping itself; this stops the look.)
 * No word boundary is required after `@everyone`/`@here`: discord.js's
 * `MessageMentions.EveryonePattern` (`/@(everyone|here)/`) counts `@everyones` and `@here_now` too.
 */
export function neutralizeMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZERO_WIDTH_SPACE}$1`).replace(/<(@[!&]?|#)(?=\d)/g, `<$1${ZERO_WIDTH_SPACE}`);
}

/**
 * Text from a person or a file, to be shown as-is inside markdown (descriptions, titles, field
 * values), without the bidirectional controls that would reorder it (see `withoutBidiControls`).
 */
export function escapeText(text: string): string {
  // Backslashes and emphasis characters are escaped here, one backslash each, so that
  // `unescapeText` is exact: discord.js's `escapeMarkdown` takes a `*` after an escaped backslash
  // (in runs such as `**\\*****`) for one already escaped. It still escapes what depends on
  // where it stands: headings, list markers and masked links.
  return escapeMarkdown(neutralizeMentions(withoutBidiControls(text)).replace(/[\\*_~|`]/g, '\\$&'), {
    codeBlock: false,
    inlineCode: false,
    bold: false,
    italic: false,
    underline: false,
    strikethrough: false,
    spoiler: false,
    escape: false,
    heading: true,
    bulletedList: true,
    numberedList: true,
    maskedLink: true,
  });
}

/**
 * `escapeText` for text that will be cut to `max` anyway. Cutting the raw text first bounds the
 * work: discord.js's escaping is quadratic on long single lines (18,000 characters take ~150 ms).
 */
export function escapeTextWithin(text: string, max: number): string {
  return truncateAtWord(escapeText(truncateAtWord(text, max)), max);
}

/** Text for the label of a `[label](url)` link: like `escapeText`, and every bracket is escaped so none can end the label. */
export function escapeLinkLabel(text: string): string {
  return escapeMarkdown(neutralizeMentions(withoutBidiControls(text)), { heading: true, bulletedList: true, numberedList: true }).replace(
    /[[\]]/g,
    (bracket) => `\\${bracket}`,
  );
}

/**
 * Undoes `escapeText`, recovering what a person typed from what the bot displayed (used to
 * rebuild a question from an old answer's embed). Every backslash `escapeText` adds precedes
 * one character, and original backslashes were doubled, so removing one backslash before each
 * character is exact.
 */
export function unescapeText(text: string): string {
  return text
    .replace(/\\([\s\S])/g, '$1')
    .replace(/@\u200b(everyone|here)/gi, '@$1')
    .replace(/<(@[!&]?|#)\u200b(?=\d)/g, '<$1');
}

/**
 * A URL that is safe inside `[label](url)`: only http(s), with the characters that would end
 * the link percent-encoded. Null when the URL is unusable (then show no link).
 */
export function safeLinkUrl(url: string | null): string | null {
  if (url === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.href.replace(/[()<>\s]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
