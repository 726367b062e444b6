import type { ChatInputCommandInteraction } from 'discord.js';
import { resolveArticle } from '../article-choices.js';
import type { BotContext } from '../bot-context.js';
import type { ArgumentsOf } from '../command-arguments.js';
import { MAX_ACCEPTED_QUESTION_LENGTH, type askCommand } from '../commands/ask.js';
import { emptyQuestionNotice, questionTooLongNotice, unknownArticleNotice } from '../replies/notices.js';
import { checkQuestion } from '../question-text.js';
import { answerQuestionInteraction } from './answer-question.js';
import { replyPrivately } from './reply-to-interaction.js';

/** `/ask question:<text> [article] [private]` */
export async function handleAskCommand(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
  args: ArgumentsOf<typeof askCommand>,
): Promise<void> {
  const checked = checkQuestion(args.question);
  if (!checked.ok) {
    await replyPrivately(
      interaction,
      checked.reason === 'empty' ? emptyQuestionNotice() : questionTooLongNotice(checked.length, MAX_ACCEPTED_QUESTION_LENGTH),
    );
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

  await answerQuestionInteraction(
    interaction,
    { question: checked.question, article, private: args.private ?? false, followsUp: true },
    ctx,
  );
}
