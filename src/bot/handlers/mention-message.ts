import type { Message } from 'discord.js';
import { firstAnswerReply } from '../answer-pages.js';
import type { BotContext } from '../bot-context.js';
import { answeredTurn } from '../conversations.js';
import { placeOfMessage, repliedAnswer } from '../follow-up-context.js';
import { MAX_ACCEPTED_QUESTION_LENGTH } from '../commands/ask.js';
import { emptyQuestionNotice, questionTooLongNotice, rateLimitedNotice } from '../replies/notices.js';
import { withMentionNames } from '../mention-names.js';
import { checkQuestion, questionFromMention } from '../question-text.js';
import { answeredOutcome, questionArrival, recordQuestion } from '../question-record.js';

/**
 * `@bot what did Zelensky say?` in a channel, a reply to one of the bot's answers that pings it,
 * or any DM: answered as a reply to the message, as a follow-up when it replies to an answer,
 * is asked in a thread the bot answered in, or comes within minutes of the person's last
 * question in the channel. Messages from bots (ourselves included) and messages that do not
 * mention the bot are ignored.
 */
export async function handleMentionMessage(message: Message, ctx: BotContext): Promise<void> {
  if (message.author.bot || message.system || message.webhookId !== null) return;
  const botId = message.client.user.id;
  // Replying to an answer with the ping on mentions the bot as much as typing @bot does (without
  // the ping, Discord does not even show the bot the text).
  const repliesToBot = message.mentions.repliedUser?.id === botId && message.mentions.users.has(botId);
  const text = questionFromMention(message.content, botId, !message.inGuild() || repliesToBot);
  if (text === null) return;
  const arrival = questionArrival(ctx, message.inGuild() ? 'mention' : 'dm', message, message.author.id);

  const checked = checkQuestion(withMentionNames(text, botId, message.channel));
  if (!checked.ok) {
    await message.reply(
      checked.reason === 'empty' ? emptyQuestionNotice() : questionTooLongNotice(checked.length, MAX_ACCEPTED_QUESTION_LENGTH),
    );
    if (checked.reason === 'too-long') recordQuestion(ctx, arrival, text, { outcome: 'too-long' });
    return;
  }
  const decision = ctx.rateLimiter.take(message.author.id);
  if (!decision.allowed) {
    // A message cannot be answered privately; the notice is short, names no one, and is given
    // once per window: the person knows when to try again, the channel is not filled with it.
    if (ctx.mentionNotices.first(message.author.id, decision.retryAt)) await message.reply(rateLimitedNotice(decision.retryAt));
    recordQuestion(ctx, arrival, checked.question, { outcome: 'rate-limited' });
    return;
  }
  try {
    const engine = ctx.engines.current;
    const place = placeOfMessage(message);
    const context = ctx.conversations.earlierTurns(place, checked.question, await repliedAnswer(message, ctx, engine));
    const { reply, state, found } = await firstAnswerReply(engine, {
      question: checked.question,
      article: null,
      ...(context.length === 0 ? {} : { context }),
    });
    const sent = await message.reply(reply);
    ctx.answerStates.set(sent.id, state);
    ctx.conversations.remember(place, answeredTurn(state), true);
    const asked = state.context === undefined ? arrival : { ...arrival, via: 'follow-up' as const };
    recordQuestion(ctx, asked, checked.question, { outcome: answeredOutcome(found), answer: sent.id, found });
  } catch (error) {
    recordQuestion(ctx, arrival, checked.question, { outcome: 'error' });
    throw error;
  }
}
