import type { MessageContextMenuCommandInteraction } from 'discord.js';
import type { BotContext } from '../bot-context.js';
import { withMentionNames } from '../mention-names.js';
import { emptyMessageNotice } from '../replies/notices.js';
import { questionFromMessageText } from '../question-text.js';
import { answerQuestionInteraction } from './answer-question.js';
import { replyPrivately } from './reply-to-interaction.js';

/** Apps > "Find in articles": the target message's text is the question. */
export async function handleFindInArticlesCommand(interaction: MessageContextMenuCommandInteraction, ctx: BotContext): Promise<void> {
  const target = interaction.targetMessage;
  const question = questionFromMessageText(withMentionNames(target.content, interaction.client.user.id, target.channel));
  if (question === null) {
    await replyPrivately(interaction, emptyMessageNotice());
    return;
  }
  await answerQuestionInteraction(interaction, { question, article: null, private: false, via: 'find-in-articles', followsUp: false }, ctx);
}
