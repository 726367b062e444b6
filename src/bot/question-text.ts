import { MAX_ACCEPTED_QUESTION_LENGTH } from './commands/ask.js';
import { truncateAtWord } from './format/truncate.js';
import { MENTION_NAME_EDGE } from './mention-names.js';
import { collapseWhitespace } from '../corpus/collapse-whitespace.js';

export type QuestionCheck =
  | { readonly ok: true; readonly question: string }
  | { readonly ok: false; readonly reason: 'empty' }
  | { readonly ok: false; readonly reason: 'too-long'; readonly length: number };

/** One line, single spaces: how the question is asked, shown and stored. */
export function normalizeQuestion(text: string): string {
  return collapseWhitespace(text);
}

/** A typed question (slash option or mention), held to the same maximum as the `question` option. */
export function checkQuestion(text: string): QuestionCheck {
  const question = normalizeQuestion(text);
  if (question === '') return { ok: false, reason: 'empty' };
  if (question.length > MAX_ACCEPTED_QUESTION_LENGTH) return { ok: false, reason: 'too-long', length: question.length };
  return { ok: true, question };
}

/** A message someone wants checked: usually longer than a question, so shortened rather than refused. */
export function questionFromMessageText(text: string): string | null {
  const question = normalizeQuestion(text);
  return question === '' ? null : truncateAtWord(question, MAX_ACCEPTED_QUESTION_LENGTH);
}

/**
 * The question in a message to the bot, or null when the message is not for the bot.
 * In a server the bot must be mentioned directly (`<@id>`); @everyone, @here and role
 * mentions do not count. In a DM every message is for the bot. The bot's mention is removed.
 */
export function questionFromMention(content: string, botId: string, inDm: boolean): string | null {
  if (!/^\d+$/.test(botId)) return null;
  const mentionsBot = new RegExp(`<@!?${botId}>`).test(content);
  if (!inDm && !mentionsBot) return null;
  return normalizeQuestion(content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' '));
}

/**
 * The words of a question as the engine should read them: Discord's mention and emoji tokens
 * (`<@id>`, `<@&id>`, `<#id>`, `@everyone`, `<:name:id>`) and the names mentions are shown as
 * (`withMentionNames`) are not words anyone asked about, and would only make the question look
 * less like any sentence. The question shown stays as typed.
 */
export function searchableQuestion(question: string): string {
  return normalizeQuestion(
    question
      .replace(/<a?:(\w+):\d+>/g, ' $1 ')
      .replace(/<(?:@[!&]?|#)\d+>/g, ' ')
      .replace(new RegExp(`[@#]${MENTION_NAME_EDGE}[^${MENTION_NAME_EDGE}]*${MENTION_NAME_EDGE}`, 'g'), ' ')
      .replace(/@(?:everyone|here)\b/g, ' '),
  );
}
