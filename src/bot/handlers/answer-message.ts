import type { ButtonInteraction, Message } from 'discord.js';
import type { Engine } from '../../search/types.js';
import { recoverAnswerState, type AnswerEmbedText } from '../answer-state.js';
import type { AnswerState, BotContext } from '../bot-context.js';
import { buttonsExpiredNotice } from '../replies/notices.js';
import { replyPrivately } from './reply-to-interaction.js';

/** The title and footer of the answer embed on a message, as `recoverAnswerState` reads them. */
export function answerEmbedText(message: Message): AnswerEmbedText | undefined {
  const embed = message.embeds[0];
  if (embed === undefined) return undefined;
  return { title: embed.title, footer: embed.footer?.text ?? null };
}

/**
 * The answer a button sits under: remembered, or read back from its message. Null once the
 * asker has been told, privately, that the buttons expired.
 */
export async function answerStateOfButton(interaction: ButtonInteraction, ctx: BotContext, engine: Engine): Promise<AnswerState | null> {
  const state = recoverAnswerState(interaction.message.id, answerEmbedText(interaction.message), ctx.answerStates, engine);
  if (state === null) await replyPrivately(interaction, buttonsExpiredNotice());
  return state;
}
