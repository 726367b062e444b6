import { MessageFlags, type ChatInputCommandInteraction, type MessageContextMenuCommandInteraction } from 'discord.js';
import type { BotContext } from '../bot-context.js';
import { firstAnswerReply } from '../answer-pages.js';
import type { ArticleFilter } from '../replies/answer-reply.js';
import { rateLimitedNotice } from '../replies/notices.js';
import { replyPrivately } from './reply-to-interaction.js';

export interface QuestionRequest {
  readonly question: string;
  readonly article: ArticleFilter | null;
  /** Only the asker sees the answer. */
  readonly private: boolean;
}

/**
 * Answers a question from a command (`/ask` or "Find in articles"): rate limit, defer, answer,
 * and remember the question under the answer message's id for its buttons.
 */
export async function answerQuestionInteraction(
  interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction,
  request: QuestionRequest,
  ctx: BotContext,
): Promise<void> {
  const decision = ctx.rateLimiter.take(interaction.user.id);
  if (!decision.allowed) {
    await replyPrivately(interaction, rateLimitedNotice(decision.retryAt));
    return;
  }
  // Deferring first keeps us inside Discord's 3 seconds even when a reload is hogging the process.
  await interaction.deferReply(request.private ? { flags: MessageFlags.Ephemeral } : {});
  const { reply, state } = await firstAnswerReply(ctx.engines.current, { question: request.question, article: request.article });
  const message = await interaction.editReply(reply);
  ctx.answerStates.set(message.id, state);
}
