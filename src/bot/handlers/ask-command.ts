import type { ChatInputCommandInteraction } from 'discord.js';
import { resolveArticle } from '../article-choices.js';
import type { BotContext } from '../bot-context.js';
import { MAX_QUESTION_LENGTH } from '../commands/ask.js';
import { emptyQuestionNotice, questionTooLongNotice, unknownArticleNotice } from '../replies/notices.js';
import { checkQuestion } from '../question-text.js';
import { answerQuestionInteraction } from './answer-question.js';
import { replyPrivately } from './reply-to-interaction.js';

/** `/ask question:<text> [article] [private]` */
export async function handleAskCommand(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const checked = checkQuestion(interaction.options.getString('question', true));
  if (!checked.ok) {
    await replyPrivately(
      interaction,
      checked.reason === 'empty' ? emptyQuestionNotice() : questionTooLongNotice(checked.length, MAX_QUESTION_LENGTH),
    );
    return;
  }

  const articleOption = interaction.options.getString('article');
  let article = null;
  if (articleOption !== null && articleOption.trim() !== '') {
    const found = resolveArticle(articleOption, ctx.engines.current.articles);
    if (found === null) {
      await replyPrivately(interaction, unknownArticleNotice(articleOption));
      return;
    }
    article = { id: found.id, title: found.title };
  }

  await answerQuestionInteraction(
    interaction,
    { question: checked.question, article, private: interaction.options.getBoolean('private') ?? false },
    ctx,
  );
}
