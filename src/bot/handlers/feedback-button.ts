import type { ButtonInteraction } from 'discord.js';
import { topAnswerOnPage } from '../answer-pages.js';
import type { BotContext } from '../bot-context.js';
import { buttonsExpiredNotice, feedbackNotSavedNotice, feedbackThanksNotice } from '../replies/notices.js';
import { answerStateOfButton } from './answer-message.js';
import { replyPrivately } from './reply-to-interaction.js';

/** 👍 / 👎: one line in the feedback file with the question and the passage voted on. */
export async function handleFeedbackButton(
  interaction: ButtonInteraction,
  vote: 'up' | 'down',
  page: number,
  ctx: BotContext,
): Promise<void> {
  const engine = ctx.engines.current;
  const state = await answerStateOfButton(interaction, ctx, engine);
  if (state === null) return;
  const top = topAnswerOnPage(engine, state, page);
  if (top === undefined) {
    await replyPrivately(interaction, buttonsExpiredNotice());
    return;
  }
  const entry = {
    time: new Date(ctx.now()).toISOString(),
    user: interaction.user.id,
    guild: interaction.guildId,
    question: state.question,
    article: top.source.article,
    paragraph: top.source.paragraph,
    sentence: top.source.sentence,
    passage: top.passage,
    vote,
  };
  try {
    await ctx.feedback.append(entry);
  } catch (error) {
    // A full disk or a file the bot may not write: the person is told, the vote is not half-kept.
    ctx.logger.error({ err: error, user: interaction.user.id, vote }, 'could not save a vote');
    await replyPrivately(interaction, feedbackNotSavedNotice(vote));
    return;
  }
  await replyPrivately(interaction, feedbackThanksNotice(vote));
}
