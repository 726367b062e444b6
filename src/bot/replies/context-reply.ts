import { EmbedBuilder } from 'discord.js';
import type { Answer } from '../../search/types.js';
import { DISCORD_LIMITS } from '../format/discord-limits.js';
import { escapeTextWithin, safeLinkUrl } from '../format/escape.js';
import { highlightTerms } from '../format/highlight.js';
import { formatArticleDate } from '../format/source-line.js';
import { truncateAtWord } from '../format/truncate.js';
import { ANSWER_COLOR } from './answer-reply.js';
import { payload, type ReplyPayload } from './reply-payload.js';

/** The paragraph a passage stands in, and the ones on either side of it (undefined at the article's ends). */
export interface ParagraphsAround {
  readonly previous: string | undefined;
  readonly paragraph: string;
  readonly next: string | undefined;
}

/** How much of a neighbouring paragraph is shown: enough to read what leads in and what follows. */
const NEIGHBOUR_LENGTH = 600;
const ELLIPSIS = '…';
const MARK = '__';
const BLOCK_SEPARATOR = '\n\n';

/**
 * "Show context": the paragraph around a passage with the paragraphs before and after it, each
 * under its number, the quoted passage underlined in its paragraph and the matched words in bold.
 * A passage that is its whole paragraph is thus never just shown again. The neighbours get up to
 * `NEIGHBOUR_LENGTH` each; the passage's own paragraph gets the rest of the description.
 */
export function buildContextReply(answer: Answer, around: ParagraphsAround): ReplyPayload {
  const { source } = answer;
  const title = escapeTextWithin(source.title, DISCORD_LIMITS.embedTitle);
  const previous =
    around.previous === undefined ? null : `-# ¶ ${source.paragraph - 1}\n${tail(around.previous, answer.terms, NEIGHBOUR_LENGTH)}`;
  const next =
    around.next === undefined ? null : `-# ¶ ${source.paragraph + 1}\n${highlightTerms(around.next, answer.terms, NEIGHBOUR_LENGTH)}`;
  const heading = `-# ¶ ${source.paragraph}\n`;
  const neighbours = [previous, next].filter((block): block is string => block !== null);
  const room =
    DISCORD_LIMITS.embedDescription - heading.length - neighbours.reduce((sum, block) => sum + block.length + BLOCK_SEPARATOR.length, 0);
  const current = markedParagraph(answer, around.paragraph, Math.max(1, room));
  const blocks = [previous, `${heading}${current.text}`, next].filter((block): block is string => block !== null);
  const embed = new EmbedBuilder()
    .setColor(ANSWER_COLOR)
    // discord.js throws on an empty title; a blank one would show nothing.
    .setTitle(title.trim() === '' ? UNTITLED : title)
    .setDescription(truncateAtWord(blocks.join(BLOCK_SEPARATOR), DISCORD_LIMITS.embedDescription))
    .setFooter({
      text: [
        formatArticleDate(source.date),
        `paragraph ${source.paragraph}`,
        `sentence ${source.sentence}`,
        current.marked ? 'the quoted passage is underlined' : null,
      ]
        .filter((part): part is string => part !== null)
        .join(' · '),
    });
  const url = safeLinkUrl(source.url);
  // Discord refuses an embed whose url is longer than it accepts; the citation stays without the link.
  if (url !== null && url.length <= DISCORD_LIMITS.embedUrl) embed.setURL(url);
  return payload({ embeds: [embed.toJSON()] });
}

/**
 * The paragraph in at most `room` characters, with the passage underlined (or its one matched
 * sentence, when only that is found), else as it is. The passage gets at least half the room,
 * and what stands before and after it the rest.
 */
function markedParagraph(answer: Answer, paragraph: string, room: number): { text: string; marked: boolean } {
  const quoted = [answer.passage, answer.text].find((candidate) => candidate.trim() !== '' && paragraph.includes(candidate));
  if (quoted === undefined) return { text: highlightTerms(paragraph, answer.terms, room), marked: false };
  const at = paragraph.indexOf(quoted);
  const before = paragraph.slice(0, at).trimEnd();
  const after = paragraph.slice(at + quoted.length).trimStart();
  // The two marks and the spaces that join the parts.
  const usable = Math.max(2, room - 2 * MARK.length - 2);
  const sides = before.length + after.length;
  const passage = highlightTerms(quoted, answer.terms, Math.max(Math.ceil(usable / 2), usable - sides));
  const sideRoom = usable - passage.length;
  const half = Math.max(1, Math.floor(sideRoom / 2));
  const shownBefore = (max: number) => (before === '' ? '' : tail(before, answer.terms, Math.max(1, max)));
  const shownAfter = (max: number) => (after === '' ? '' : highlightTerms(after, answer.terms, Math.max(1, max)));
  // The shorter side is shown whole (within half the room); the other side gets what it leaves.
  let beforeText: string;
  let afterText: string;
  if (before.length <= after.length) {
    beforeText = shownBefore(half);
    afterText = shownAfter(sideRoom - beforeText.length);
  } else {
    afterText = shownAfter(half);
    beforeText = shownBefore(sideRoom - afterText.length);
  }
  const text = [beforeText === '' ? '' : `${beforeText} `, `${MARK}${passage}${MARK}`, afterText === '' ? '' : ` ${afterText}`].join('');
  return { text, marked: true };
}

/** The end of `text`, at most about `max` long, starting at a word with "…" when cut; escaped, matched words in bold. */
function tail(text: string, terms: readonly string[], max: number): string {
  if (text.length <= max) return highlightTerms(text, terms, max);
  let start = text.length - max + ELLIPSIS.length;
  // Not inside a surrogate pair: its second half alone is no character.
  const unit = text.charCodeAt(start);
  if (unit >= 0xdc00 && unit <= 0xdfff) start += 1;
  const space = text.slice(start).search(/\s/);
  const rest = space === -1 ? text.slice(start) : text.slice(start + space).trimStart();
  return rest === '' ? ELLIPSIS : `${ELLIPSIS}${highlightTerms(rest, terms, max)}`;
}

const UNTITLED = 'Untitled article';
