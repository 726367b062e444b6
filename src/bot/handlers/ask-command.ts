import type { ChatInputCommandInteraction } from 'discord.js';
import { resolveArticle } from '../article-choices.js';
import type { BotContext } from '../bot-context.js';
import type { ArgumentsOf } from '../command-arguments.js';
import { MAX_ACCEPTED_QUESTION_LENGTH, type askCommand } from '../commands/ask.js';
import { withMentionNames } from '../mention-names.js';
import { emptyQuestionNotice, questionTooLongNotice, unknownArticleNotice } from '../replies/notices.js';
import { checkQuestion } from '../question-text.js';
import { recordQuestion } from '../question-record.js';
import { answerQuestionInteraction, interactionArrival } from './answer-question.js';
import { replyPrivately } from './reply-to-interaction.js';

/** `/ask question:<text> [article] [private]` */
export async function handleAskCommand(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
  args: ArgumentsOf<typeof askCommand>,
): Promise<void> {
  const arrival = interactionArrival(interaction, 'ask', ctx);
  const checked = checkQuestion(args.question);
  if (!checked.ok) {
    await replyPrivately(
      interaction,
      checked.reason === 'empty' ? emptyQuestionNotice() : questionTooLongNotice(checked.length, MAX_ACCEPTED_QUESTION_LENGTH),
    );
    if (checked.reason === 'too-long') recordQuestion(ctx, arrival, args.question, { outcome: 'too-long' });
    return;
  }

  let article = null;
  if (args.article !== null && args.article.trim() !== '') {
    const found = resolveArticle(args.article, ctx.engines.current.articles);
    if (found === null) {
      await replyPrivately(interaction, unknownArticleNotice(args.article));
      return;
    }
    article = { id: found.id, title: found.title };
  }

  // Held to the option's length as Discord counts it, then shown with names for mentions.
  const question = withMentionNames(checked.question, interaction.client.user.id, interaction.channel);
  await answerQuestionInteraction(
    interaction,
    { question, article, private: args.private ?? false, via: 'ask', followsUp: true },
    ctx,
    arrival,
  );
}
