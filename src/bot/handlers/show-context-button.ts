import { MessageFlags, type ButtonInteraction } from 'discord.js';
import { topAnswerOnPage } from '../answer-pages.js';
import type { BotContext } from '../bot-context.js';
import { buildContextReply } from '../replies/context-reply.js';
import { noContextNotice } from '../replies/notices.js';
import { answerStateOfButton } from './answer-message.js';
import { replyPrivately } from './reply-to-interaction.js';

/** "Show context": the paragraphs around the page's first passage, shown only to whoever asked for it. */
export async function handleShowContextButton(interaction: ButtonInteraction, page: number, ctx: BotContext): Promise<void> {
  const engine = ctx.engines.current;
  const state = await answerStateOfButton(interaction, ctx, engine);
  if (state === null) return;
  const top = await topAnswerOnPage(engine, state, page);
  const paragraph = top === undefined ? undefined : engine.paragraph(top.source.article, top.source.paragraph);
  if (top === undefined || paragraph === undefined) {
    await replyPrivately(interaction, noContextNotice());
    return;
  }
  const { article, paragraph: number } = top.source;
  const around = { previous: engine.paragraph(article, number - 1), paragraph, next: engine.paragraph(article, number + 1) };
  await interaction.reply({ ...buildContextReply(top, around), flags: MessageFlags.Ephemeral });
}
