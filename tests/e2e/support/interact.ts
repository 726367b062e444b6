/** Small steps every e2e file takes: send something as a user, wait for the bot's answer. */
import { readFile } from 'node:fs/promises';
import { expect } from 'vitest';
import type {
  DiscordServer,
  InteractionReply,
  RecordedRequest,
  SendMessageOptions,
  SentInteraction,
  SentMessage,
  SlashCommandOptions,
} from '../../../src/playground/discord-server/index.js';
import { isRecord, onlyEmbed, type EmbedView } from './payloads.js';

export interface Answered {
  readonly sent: SentInteraction;
  readonly reply: InteractionReply;
  readonly embed: EmbedView;
}

/** Sends `/name options` and waits for the reply that shows something; expects one embed. */
export async function slash(server: DiscordServer, options: SlashCommandOptions): Promise<Answered> {
  const sent = server.sendSlashCommand(options);
  const reply = await server.waitForInteractionReply(sent.id);
  return { sent, reply, embed: onlyEmbed(reply.body) };
}

/** `/ask question:<question>` plus any other options. */
export function ask(
  server: DiscordServer,
  question: string,
  options: Omit<SlashCommandOptions, 'name' | 'options'> & { article?: string; private?: boolean } = {},
): Promise<Answered> {
  const { article, private: isPrivate, ...scene } = options;
  return slash(server, {
    ...scene,
    name: 'ask',
    options: {
      question,
      ...(article !== undefined ? { article } : {}),
      ...(isPrivate !== undefined ? { private: isPrivate } : {}),
    },
  });
}

/** A text-only reply (notices): sends the interaction, returns its reply. */
export async function textReply(server: DiscordServer, sent: SentInteraction): Promise<InteractionReply> {
  const reply = await server.waitForInteractionReply(sent.id);
  expect(reply.body.embeds ?? []).toEqual([]);
  return reply;
}

/** Sends a user message and waits for the bot's `message.reply()` to it. */
export async function messageAndReply(
  server: DiscordServer,
  options: SendMessageOptions,
): Promise<{ sent: SentMessage; reply: RecordedRequest }> {
  const sent = server.sendMessage(options);
  expect(sent.delivered, 'the bot’s session received the message').toBe(1);
  const reply = await server.waitForMessageReply(sent.id);
  return { sent, reply };
}

/** The callback that acknowledged an interaction (type and data). */
export async function callbackOf(server: DiscordServer, interactionId: string): Promise<{ type: number; flags: number }> {
  const callback = await server.waitForInteractionCallback(interactionId);
  const body = callback.body;
  if (!isRecord(body) || typeof body.type !== 'number') throw new Error('callback without a type');
  const data = isRecord(body.data) ? body.data : {};
  return { type: body.type, flags: typeof data.flags === 'number' ? data.flags : 0 };
}

/** The JSON lines of the feedback file, parsed (empty when the file does not exist yet). */
export async function feedbackLines(file: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    if (isRecord(error) && error.code === 'ENOENT') return '';
    throw error;
  });
  expect(text === '' || text.endsWith('\n'), 'every feedback line ends with a newline').toBe(true);
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const parsed: unknown = JSON.parse(line);
      if (!isRecord(parsed)) throw new Error(`feedback line is not an object: ${line}`);
      return { ...parsed };
    });
}

/** `**1.** source\n> passage` blocks of an answer embed's description. */
export interface PassageBlock {
  readonly number: number;
  readonly source: string;
  readonly passage: string;
}

export function passageBlocks(description: string | undefined): PassageBlock[] {
  if (description === undefined) return [];
  return description.split('\n\n').map((block) => {
    const match = /^\*\*(\d+)\.\*\* (.*)\n> (.*)$/s.exec(block);
    if (match === null) throw new Error(`not a passage block: ${JSON.stringify(block)}`);
    return { number: Number(match[1]), source: match[2] ?? '', passage: match[3] ?? '' };
  });
}
