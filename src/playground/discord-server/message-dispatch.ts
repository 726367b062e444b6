import { ensureMember, withoutUser } from './fixtures.js';
import { Intent, type Gateway, type GatewaySession } from './gateway.js';
import { MessageFlag } from './message-store.js';
import type { ApiMessage, ApiUser } from './payloads.js';
import { isRecord } from './payloads.js';
import { resolveScene, type SceneOptions } from './scene.js';
import type { ServerState } from './server-state.js';

export interface SendMessageOptions extends SceneOptions {
  content: string;
  /** Prefix the content with `<@BOT_ID> ` (unless already there) and list the bot in `mentions`. */
  mentionsBot?: boolean;
  /** Make it a reply to this message id (message_reference + referenced_message). */
  replyTo?: string;
  /**
   * With `replyTo`: mention the author of the message replied to, as Discord's reply does with
   * its "@ ON" (its default); the mention is in `mentions`, not in the text. Default false.
   */
  mentionRepliedAuthor?: boolean;
  embeds?: unknown[];
  attachments?: unknown[];
}

export interface SentMessage {
  readonly id: string;
  readonly channelId: string;
  readonly guildId: string | null;
  readonly message: ApiMessage;
  /** Sessions that got (or queued) the event; 0 when every session lacks the needed intent. */
  readonly delivered: number;
}

/** Stores a user's message without dispatching it (e.g. history, or a context-menu target). */
export function createUserMessage(state: ServerState, input: SendMessageOptions): ApiMessage {
  const scene = resolveScene(state, input);
  const { botUser } = state.world;
  const mention = `<@${botUser.id}>`;
  const content = input.mentionsBot === true && !input.content.includes(mention) ? `${mention} ${input.content}` : input.content;
  const mentioned: ApiUser[] = [];
  for (const match of content.matchAll(/<@!?(\d{17,20})>/g)) {
    const user = match[1] !== undefined ? state.world.users.get(match[1]) : undefined;
    if (user && !mentioned.includes(user)) mentioned.push(user);
  }
  const repliedAuthor = input.replyTo === undefined ? undefined : state.messages.get(input.replyTo)?.author;
  if (input.mentionRepliedAuthor === true && repliedAuthor !== undefined && !mentioned.some((user) => user.id === repliedAuthor.id)) {
    mentioned.push(repliedAuthor);
  }
  return state.messages.create({
    channel: scene.channel,
    author: scene.user,
    ...(scene.guild ? { member: withoutUser(ensureMember(scene.guild, scene.user)) } : {}),
    content,
    mentions: mentioned,
    ...(input.embeds !== undefined ? { embeds: input.embeds } : {}),
    ...(input.attachments !== undefined ? { attachments: input.attachments } : {}),
    ...(input.replyTo !== undefined ? { message_reference: { message_id: input.replyTo } } : {}),
  });
}

/** MESSAGE_CREATE as a user would cause it; filtered by intents like Discord does. */
export function sendMessage(state: ServerState, gateway: Gateway, input: SendMessageOptions): SentMessage {
  const message = createUserMessage(state, input);
  const guildId = message.guild_id ?? null;
  if (gateway.sessionsFor(guildId).length === 0) {
    throw new Error(`No gateway session would receive a message ${guildId === null ? 'in a DM' : `in guild ${guildId}`}`);
  }
  return { id: message.id, channelId: message.channel_id, guildId, message, delivered: dispatchMessageCreate(state, gateway, message) };
}

/** Sends MESSAGE_CREATE to sessions with the right intent, hiding content where Discord would. */
export function dispatchMessageCreate(state: ServerState, gateway: Gateway, message: ApiMessage): number {
  const guildId = message.guild_id ?? null;
  const botId = state.world.botUser.id;
  return gateway.dispatch(guildId, 'MESSAGE_CREATE', message, {
    requiredIntents: guildId === null ? Intent.DirectMessages : Intent.GuildMessages,
    perSession: (data, session) => (isRecord(data) ? contentFor(message, session, botId) : data),
  });
}

/**
 * Without the privileged MessageContent intent Discord blanks content, embeds, attachments and
 * components, except in DMs, for messages that mention the bot, and for the bot's own messages.
 */
function contentFor(message: ApiMessage, session: GatewaySession, botId: string): ApiMessage {
  const visible =
    (session.intents & Intent.MessageContent) !== 0 ||
    message.guild_id === undefined ||
    message.author.id === botId ||
    message.mentions.some((u) => u.id === botId);
  return visible ? message : { ...message, content: '', embeds: [], attachments: [], components: [] };
}

/** Ephemeral messages are never dispatched; others are, like Discord echoes the bot's own posts. */
export function shouldEchoBotMessage(message: ApiMessage): boolean {
  return (message.flags & MessageFlag.Ephemeral) === 0;
}
