import type { ButtonInteraction } from 'discord.js';
import { answersOnPage, shownPassages } from '../answer-pages.js';
import type { BotContext } from '../bot-context.js';
import { buildAnswerReply, buildNoAnswerReply } from '../replies/answer-reply.js';
import { answerStateOfButton } from './answer-message.js';

/** "More results" and "Previous": replace the passages in place with the page the button names. */
export async function handleMoreResultsButton(interaction: ButtonInteraction, page: number, ctx: BotContext): Promise<void> {
  const engine = ctx.engines.current;
  const state = await answerStateOfButton(interaction, ctx, engine);
  if (state === null) return;

  const next = await answersOnPage(engine, state, page);
  if (next.answers.length > 0) {
    await interaction.update(buildAnswerReply({ ...state, ...next, page }));
    ctx.answerStates.set(interaction.message.id, { ...state, shown: shownPassages(next.answers) });
    return;
  }
  // The corpus changed since the button was drawn: keep the current page, with nothing more to fetch.
  const current = Math.max(1, page - 1);
  const shown = await answersOnPage(engine, state, current);
  await interaction.update(
    shown.answers.length === 0
      ? buildNoAnswerReply(state.question, state.article, state.context)
      : buildAnswerReply({ ...state, ...shown, page: current, hasMore: false }),
  );
  ctx.answerStates.set(interaction.message.id, { ...state, shown: shownPassages(shown.answers) });
}
