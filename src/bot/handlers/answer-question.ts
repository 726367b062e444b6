import { MessageFlags, type ChatInputCommandInteraction, type MessageContextMenuCommandInteraction } from 'discord.js';
import type { BotContext } from '../bot-context.js';
import { firstAnswerReply } from '../answer-pages.js';
import type { QuestionVia } from '../question-log-format.js';
import { answeredOutcome, questionArrival, recordQuestion, type QuestionArrival } from '../question-record.js';
import type { ArticleFilter } from '../replies/answer-reply.js';
import { rateLimitedNotice } from '../replies/notices.js';
import { replyPrivately } from './reply-to-interaction.js';

export interface QuestionRequest {
  readonly question: string;
  readonly article: ArticleFilter | null;
  /** Only the asker sees the answer. */
  readonly private: boolean;
  /** How it was asked, for the question log. */
  readonly via: QuestionVia;
}

/** When and where a command's question arrived, for the question log. */
export function interactionArrival(
  interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction,
  via: QuestionVia,
  ctx: BotContext,
): QuestionArrival {
  return questionArrival(ctx, via, interaction, interaction.user.id);
}

/**
 * Answers a question from a command (`/ask` or "Find in articles"): rate limit, defer, answer,
 * and remember the question under the answer message's id for its buttons. Every outcome is a
 * line of the question log.
 */
export async function answerQuestionInteraction(
  interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction,
  request: QuestionRequest,
  ctx: BotContext,
  arrival: QuestionArrival = interactionArrival(interaction, request.via, ctx),
): Promise<void> {
  const decision = ctx.rateLimiter.take(interaction.user.id);
  if (!decision.allowed) {
    await replyPrivately(interaction, rateLimitedNotice(decision.retryAt));
    recordQuestion(ctx, arrival, request.question, { outcome: 'rate-limited' });
    return;
  }
  try {
    // Deferring first keeps us inside Discord's 3 seconds even when a reload is hogging the process.
    await interaction.deferReply(request.private ? { flags: MessageFlags.Ephemeral } : {});
    const { reply, state, found } = await firstAnswerReply(ctx.engines.current, { question: request.question, article: request.article });
    const message = await interaction.editReply(reply);
    ctx.answerStates.set(message.id, state);
    recordQuestion(ctx, arrival, request.question, { outcome: answeredOutcome(found), answer: message.id, found });
  } catch (error) {
    recordQuestion(ctx, arrival, request.question, { outcome: 'error' });
    throw error;
  }
}
