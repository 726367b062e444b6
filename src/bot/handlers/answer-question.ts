import { MessageFlags, type ChatInputCommandInteraction, type MessageContextMenuCommandInteraction } from 'discord.js';
import type { BotContext } from '../bot-context.js';
import { answeredTurn } from '../conversations.js';
import { placeOfInteraction } from '../follow-up-context.js';
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
  /**
   * May follow up the conversation (`/ask`: in a thread the bot answered in, or within minutes
   * of the asker's last question in the channel); false for a text that is always read on its
   * own ("Find in articles" checks another message).
   */
  readonly followsUp: boolean;
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
 * and remember the question under the answer message's id for its buttons, and as the latest
 * turn of the asker's conversation. Every outcome is a line of the question log.
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
    const place = placeOfInteraction(interaction);
    const context = place === null || !request.followsUp ? [] : ctx.conversations.earlierTurns(place, request.question, null);
    const { reply, state, found } = await firstAnswerReply(ctx.engines.current, {
      question: request.question,
      article: request.article,
      ...(context.length === 0 ? {} : { context }),
    });
    const message = await interaction.editReply(reply);
    ctx.answerStates.set(message.id, state);
    // A private answer is the asker's own turn; the others in a thread did not see it.
    if (place !== null) ctx.conversations.remember(place, answeredTurn(state), !request.private);
    const asked = state.context === undefined ? arrival : { ...arrival, via: 'follow-up' as const };
    recordQuestion(ctx, asked, request.question, { outcome: answeredOutcome(found), answer: message.id, found });
  } catch (error) {
    recordQuestion(ctx, arrival, request.question, { outcome: 'error' });
    throw error;
  }
}
