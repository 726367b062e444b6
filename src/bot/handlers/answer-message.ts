import type { Message } from 'discord.js';
import type { AnswerEmbedText } from '../answer-state.js';

/** The title and footer of the answer embed on a message, as `recoverAnswerState` reads them. */
export function answerEmbedText(message: Message): AnswerEmbedText | undefined {
  const embed = message.embeds[0];
  if (embed === undefined) return undefined;
  return { title: embed.title, footer: embed.footer?.text ?? null };
}
