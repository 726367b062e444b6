import type { ButtonInteraction } from 'discord.js';
import type { BotContext } from '../bot-context.js';
import type { PassageKey } from '../custom-ids.js';
import { passagesFromDescription } from '../replies/answer-reply.js';
import { feedbackNotSavedNotice, feedbackThanksNotice, votedArticleGoneNotice } from '../replies/notices.js';
import { searchableQuestion } from '../question-text.js';
import { votedPassages } from '../voted-passages.js';
import { answerStateOfButton } from './answer-message.js';
import { replyPrivately } from './reply-to-interaction.js';

/** 👍 / 👎: one line in the feedback file with the question and every passage the person saw with these buttons. */
export async function handleFeedbackButton(
  interaction: ButtonInteraction,
  vote: 'up' | 'down',
  keys: readonly PassageKey[],
  ctx: BotContext,
): Promise<void> {
  const engine = ctx.engines.current;
  const state = await answerStateOfButton(interaction, ctx, engine);
  if (state === null) return;
  const passages = votedPassages(keys, state.shown ?? [], engine, passagesFromDescription(interaction.message.embeds[0]?.description));
  const [first] = passages ?? [];
  if (passages === null || first === undefined) {
    await replyPrivately(interaction, votedArticleGoneNotice());
    return;
  }
  const entry = {
    time: new Date(ctx.now()).toISOString(),
    user: interaction.user.id,
    guild: interaction.guildId,
    question: state.question,
    article: first.article,
    paragraph: first.paragraph,
    sentence: first.sentence,
    passage: first.passage,
    passages,
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
  ctx.questions.record({
    kind: 'vote',
    time: entry.time,
    guild: entry.guild,
    channel: interaction.channelId,
    user: entry.user,
    answer: interaction.message.id,
    vote,
    question: searchableQuestion(state.question),
    passages,
  });
  await replyPrivately(interaction, feedbackThanksNotice(vote));
}
