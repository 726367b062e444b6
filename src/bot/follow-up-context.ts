import { ComponentType, MessageReferenceType, type Interaction, type Message } from 'discord.js';
import type { Engine, PassageRef } from '../search/types.js';
import { articleIdOfKey } from './article-key.js';
import { recoverAnswerState } from './answer-state.js';
import type { BotContext } from './bot-context.js';
import { type AnsweredTurn, answeredTurn, type QuestionPlace } from './conversations.js';
import { parseButtonCustomId } from './custom-ids.js';
import { answerEmbedText } from './handlers/answer-message.js';

/** Where a message was sent, and by whom, as conversations are kept. */
export function placeOfMessage(message: Message): QuestionPlace {
  return { channelId: message.channelId, userId: message.author.id, inThread: message.channel.isThread() };
}

/** Where an interaction was used, and by whom; null when Discord did not say which channel. */
export function placeOfInteraction(interaction: Interaction): QuestionPlace | null {
  if (interaction.channelId === null) return null;
  return { channelId: interaction.channelId, userId: interaction.user.id, inThread: interaction.channel?.isThread() === true };
}

/**
 * The answer of the bot's that `message` replies to, as a turn of its conversation: remembered,
 * or read back from the answer message (its question and the question it followed up from the
 * embed, the passages from its vote buttons, which carry where each stands). Null when the
 * message replies to nothing, to someone else, or to a message that is gone.
 */
export async function repliedAnswer(message: Message, ctx: BotContext, engine: Engine): Promise<AnsweredTurn | null> {
  const reference = message.reference;
  if (reference === null || reference.messageId === undefined || reference.type === MessageReferenceType.Forward) return null;
  const remembered = ctx.answerStates.get(reference.messageId);
  if (remembered?.shown !== undefined) return answeredTurn(remembered);
  const referenced = await message.fetchReference().catch(() => null);
  if (referenced === null || referenced.author.id !== message.client.user.id) return null;
  const state = remembered ?? recoverAnswerState(referenced.id, answerEmbedText(referenced), ctx.answerStates, engine);
  if (state === null) return null;
  return { ...answeredTurn(state), passages: votedPassageRefs(referenced, engine) };
}

/** The passages an answer message shows, by place, as its vote buttons name them (none when it has none). */
function votedPassageRefs(message: Message, engine: Engine): PassageRef[] {
  for (const row of message.components) {
    if (row.type !== ComponentType.ActionRow) continue;
    for (const component of row.components) {
      if (component.type !== ComponentType.Button || component.customId === null) continue;
      const action = parseButtonCustomId(component.customId);
      if (action?.kind !== 'feedback') continue;
      return action.passages.flatMap(({ article, paragraph, sentence }) => {
        const id = articleIdOfKey(engine, article);
        return id === undefined ? [] : [{ article: id, paragraph, sentence }];
      });
    }
  }
  return [];
}
