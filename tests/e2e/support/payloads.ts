/**
 * Reading what the bot sent (untrusted JSON from the request log) without `any`, and the checks
 * every outgoing message must pass: no mentions allowed, Discord's limits kept.
 */
import { expect } from 'vitest';
import {
  CallbackType,
  MessageLimits,
  Route,
  type DiscordServer,
  type RecordedRequest,
} from '../../../src/playground/discord-server/index.js';

type Json = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringAt(record: Json, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
}

export interface EmbedView {
  readonly title: string | undefined;
  readonly description: string | undefined;
  readonly url: string | undefined;
  readonly footer: string | undefined;
  readonly author: string | undefined;
  readonly fields: readonly { readonly name: string; readonly value: string }[];
  /** The colour bar, as a number. */
  readonly color: number | undefined;
}

export interface ButtonView {
  readonly customId: string;
  readonly label: string | undefined;
  readonly emoji: string | undefined;
  readonly disabled: boolean;
}

/** The embeds of a message body (a callback's `data`, a webhook or channel message body, or a stored message). */
export function embedsOf(body: unknown): EmbedView[] {
  if (!isRecord(body) || !Array.isArray(body.embeds)) return [];
  return body.embeds.filter(isRecord).map((embed) => {
    const footer = isRecord(embed.footer) ? stringAt(embed.footer, 'text') : undefined;
    const author = isRecord(embed.author) ? stringAt(embed.author, 'name') : undefined;
    const fields = Array.isArray(embed.fields)
      ? embed.fields.filter(isRecord).map((field) => ({ name: stringAt(field, 'name') ?? '', value: stringAt(field, 'value') ?? '' }))
      : [];
    return {
      title: stringAt(embed, 'title'),
      description: stringAt(embed, 'description'),
      url: stringAt(embed, 'url'),
      footer,
      author,
      fields,
      color: typeof embed.color === 'number' ? embed.color : undefined,
    };
  });
}

/** The one embed of a body; fails the test when there is not exactly one. */
export function onlyEmbed(body: unknown): EmbedView {
  const embeds = embedsOf(body);
  expect(embeds, 'expected exactly one embed').toHaveLength(1);
  const [embed] = embeds;
  if (embed === undefined) throw new Error('unreachable');
  return embed;
}

/** Every button in a body's action rows, in order. */
export function buttonsOf(body: unknown): ButtonView[] {
  if (!isRecord(body) || !Array.isArray(body.components)) return [];
  return body.components.filter(isRecord).flatMap((row) =>
    (Array.isArray(row.components) ? row.components : []).filter(isRecord).map((button) => ({
      customId: stringAt(button, 'custom_id') ?? '',
      label: stringAt(button, 'label'),
      emoji: isRecord(button.emoji) ? stringAt(button.emoji, 'name') : undefined,
      disabled: button.disabled === true,
    })),
  );
}

/** The custom id of the 👍 (`up`) or 👎 (`down`) button in a message body. */
export function voteButtonId(body: unknown, vote: 'up' | 'down'): string {
  const emoji = vote === 'up' ? '👍' : '👎';
  const button = buttonsOf(body).find((candidate) => candidate.emoji === emoji);
  if (button === undefined) throw new Error(`no ${emoji} button`);
  return button.customId;
}

/**
 * A vote button's custom id as the bot makes them: `fb:<vote>:<page>:`, then for each passage
 * shown `<article key>.<paragraph>.<sentence>` (8 base64url characters, base-36 numbers), `~` between.
 */
export function voteIdPattern(vote: 'up' | 'down', page: number, passages: number): RegExp {
  const passage = '[A-Za-z0-9_-]{8}\\.[0-9a-z]+\\.[0-9a-z]+';
  return new RegExp(`^fb:${vote}:${page}:${Array.from({ length: passages }, () => passage).join('~')}$`, 'u');
}

/** The paragraph and sentence numbers a vote button's custom id names, in order. */
export function votedNumbers(customId: string): { paragraph: number; sentence: number }[] {
  return (customId.split(':')[3] ?? '').split('~').map((passage) => {
    const [, paragraph = '', sentence = ''] = passage.split('.');
    return { paragraph: Number.parseInt(paragraph, 36), sentence: Number.parseInt(sentence, 36) };
  });
}

export function contentOf(body: unknown): string {
  return isRecord(body) ? (stringAt(body, 'content') ?? '') : '';
}

export function flagsOf(body: unknown): number {
  return isRecord(body) && typeof body.flags === 'number' ? body.flags : 0;
}

export const EPHEMERAL = 64;

/** Removes the bold we add and the backslashes of escapes: the text as people read it. */
export function plainText(markdown: string): string {
  return markdown.replace(/\*\*/g, '').replace(/\\([\s\S])/g, '$1');
}

// ---- Every outgoing message ---------------------------------------------------------------

export interface OutgoingMessage {
  readonly request: RecordedRequest;
  /** The message fields: a callback's `data`, else the request body. */
  readonly body: Json;
}

/**
 * Requests that create or change a visible message: interaction callbacks of type 4 (reply) and 7
 * (update), interaction webhook posts and edits, channel message posts and edits.
 */
export function outgoingMessages(requests: readonly RecordedRequest[]): OutgoingMessage[] {
  const out: OutgoingMessage[] = [];
  for (const request of requests) {
    const body = request.body;
    if (!isRecord(body)) continue;
    if (request.route === Route.InteractionCallback) {
      // A reply or update without `data` counts too: it has no allowed_mentions, so it fails the check.
      if (body.type === CallbackType.ChannelMessageWithSource || body.type === CallbackType.UpdateMessage) {
        out.push({ request, body: isRecord(body.data) ? body.data : {} });
      }
      continue;
    }
    const creates =
      (request.route === Route.Webhook && request.method === 'POST') ||
      (request.route === Route.WebhookMessage && request.method === 'PATCH') ||
      (request.route === Route.ChannelMessages && request.method === 'POST') ||
      (request.route === Route.ChannelMessage && request.method === 'PATCH');
    if (creates) out.push({ request, body });
  }
  return out;
}

function describeRequest(request: RecordedRequest): string {
  return `#${request.seq} ${request.method} ${request.path}`;
}

/**
 * Every outgoing message disables all mentions: `allowed_mentions.parse` is `[]`, no user or role
 * is allowed by id, and a reply does not ping the person replied to. Returns how many were checked.
 */
export function expectMentionsDisabled(requests: readonly RecordedRequest[]): number {
  const messages = outgoingMessages(requests);
  for (const { request, body } of messages) {
    const where = describeRequest(request);
    const allowed = body.allowed_mentions;
    expect(isRecord(allowed), `${where} has no allowed_mentions`).toBe(true);
    if (!isRecord(allowed)) continue;
    expect(allowed.parse, `${where}: allowed_mentions.parse`).toEqual([]);
    expect(allowed.users ?? [], `${where}: allowed_mentions.users`).toEqual([]);
    expect(allowed.roles ?? [], `${where}: allowed_mentions.roles`).toEqual([]);
    if (body.message_reference !== undefined) {
      expect(allowed.replied_user, `${where}: allowed_mentions.replied_user`).toBe(false);
    }
  }
  return messages.length;
}

/** Every text of every outgoing message is within Discord's limits. Returns how many were checked. */
export function expectWithinDiscordLimits(requests: readonly RecordedRequest[]): number {
  const messages = outgoingMessages(requests);
  for (const { request, body } of messages) {
    const where = describeRequest(request);
    expect(contentOf(body).length, `${where}: content`).toBeLessThanOrEqual(MessageLimits.content);
    const embeds = embedsOf(body);
    expect(embeds.length, `${where}: embeds`).toBeLessThanOrEqual(MessageLimits.embeds);
    for (const embed of embeds) expectEmbedWithinLimits(embed, where);
  }
  return messages.length;
}

export function expectEmbedWithinLimits(embed: EmbedView, where = 'embed'): void {
  expect(embed.title?.length ?? 0, `${where}: title`).toBeLessThanOrEqual(MessageLimits.embedTitle);
  expect(embed.description?.length ?? 0, `${where}: description`).toBeLessThanOrEqual(MessageLimits.embedDescription);
  expect(embed.footer?.length ?? 0, `${where}: footer`).toBeLessThanOrEqual(MessageLimits.embedFooterText);
  expect(embed.author?.length ?? 0, `${where}: author`).toBeLessThanOrEqual(MessageLimits.embedAuthorName);
  expect(embed.fields.length, `${where}: fields`).toBeLessThanOrEqual(MessageLimits.embedFields);
  for (const field of embed.fields) {
    expect(field.name.length, `${where}: field name`).toBeLessThanOrEqual(MessageLimits.embedFieldName);
    expect(field.value.length, `${where}: field value`).toBeLessThanOrEqual(MessageLimits.embedFieldValue);
  }
  expect(embedTotal(embed), `${where}: total`).toBeLessThanOrEqual(MessageLimits.embedTotal);
}

export function embedTotal(embed: EmbedView): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.length ?? 0) +
    (embed.author?.length ?? 0) +
    embed.fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

/** Unicode's bidirectional controls, which Discord obeys: none may be in what the bot sends. */
const BIDI_CONTROL = /\p{Bidi_Control}/u;

/** No text of any outgoing message holds a bidirectional control. Returns how many were checked. */
export function expectNoBidiControls(requests: readonly RecordedRequest[]): number {
  const messages = outgoingMessages(requests);
  for (const { request, body } of messages) {
    const texts = [
      contentOf(body),
      ...embedsOf(body).flatMap((embed) => [
        embed.title ?? '',
        embed.description ?? '',
        embed.footer ?? '',
        embed.author ?? '',
        ...embed.fields.flatMap((field) => [field.name, field.value]),
      ]),
    ];
    const found = texts.find((text) => BIDI_CONTROL.test(text));
    expect(found, `${describeRequest(request)} holds a bidirectional control`).toBeUndefined();
  }
  return messages.length;
}

/** No request the bot made was refused (a 4xx/5xx that was not injected means the bot sent something Discord rejects). */
export function expectNoRejectedRequests(server: DiscordServer): void {
  const rejected = server.requests.filter((request) => request.status >= 400 && !request.fault);
  expect(
    rejected.map((request) => `${describeRequest(request)} -> ${request.status} ${JSON.stringify(request.response)}`),
    'requests the server refused',
  ).toEqual([]);
  expect(server.unknownRequests.map(describeRequest), 'requests to unknown routes').toEqual([]);
}

/**
 * A per-file guard: after each test, the messages sent during it must disable mentions, keep
 * Discord's limits and hold no bidirectional control; at the end, all of them (stragglers
 * included), and there must have been some.
 */
export class OutgoingMessageGuard {
  #checkedUpTo = 0;
  #checked = 0;

  constructor(private readonly server: () => DiscordServer | undefined) {}

  /** For `afterEach`: checks the requests that arrived since the last call. */
  checkNew(): void {
    const server = this.server();
    if (server === undefined) return;
    const fresh = server.requests.filter((request) => request.seq > this.#checkedUpTo);
    this.#checked += expectMentionsDisabled(fresh);
    expectWithinDiscordLimits(fresh);
    expectNoBidiControls(fresh);
    this.#checkedUpTo = server.requests.at(-1)?.seq ?? this.#checkedUpTo;
  }

  /** For `afterAll` (before closing the server): every request of the file; returns the count. */
  checkAll(): number {
    const server = this.server();
    if (server === undefined) return 0;
    const total = expectMentionsDisabled(server.requests);
    expectWithinDiscordLimits(server.requests);
    expectNoBidiControls(server.requests);
    expect(total, 'outgoing messages checked for disabled mentions').toBeGreaterThan(0);
    return Math.max(total, this.#checked);
  }
}
