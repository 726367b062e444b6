/** Counting what the bot sent for one interaction: the answer must arrive exactly once. */
import { expect } from 'vitest';
import {
  CallbackType,
  type DiscordServer,
  type InteractionReply,
  type SentInteraction,
} from '../../../src/playground/discord-server/index.js';
import { isRecord, onlyEmbed, plainText } from '../../e2e/support/payloads.js';

export const QUESTION = 'Who makes decisions in Russia?';
export const ONLY_PUTIN = 'only Putin makes decisions in Russia';

export interface InteractionTally {
  /** Callbacks the server accepted (not injected faults, not refusals). */
  readonly callbacks: number;
  /** Callbacks answered with an injected fault or refused. */
  readonly failedCallbacks: number;
  readonly edits: number;
  readonly followups: number;
  readonly deletes: number;
}

/** What the server accepted for one interaction, by kind. */
export function tally(server: DiscordServer, interactionId: string): InteractionTally {
  const requests = server.interactionRequests(interactionId);
  const ok = (kind: string): number => requests.filter((r) => r.kind === kind && r.request.status < 300 && !r.request.fault).length;
  return {
    callbacks: ok('callback'),
    failedCallbacks: requests.filter((r) => r.kind === 'callback' && (r.request.status >= 300 || r.request.fault)).length,
    edits: ok('edit'),
    followups: ok('followup'),
    deletes: ok('delete'),
  };
}

/** An `/ask` handled once: one accepted "thinking…" callback, one edit into the answer, nothing else. */
export function expectAskAnsweredOnce(server: DiscordServer, interactionId: string): void {
  const counts = tally(server, interactionId);
  expect(
    { callbacks: counts.callbacks, edits: counts.edits, followups: counts.followups, deletes: counts.deletes },
    server.describe(),
  ).toEqual({
    callbacks: 1,
    edits: 1,
    followups: 0,
    deletes: 0,
  });
  const callback = server
    .interactionRequests(interactionId)
    .find((r) => r.kind === 'callback' && r.request.status < 300 && !r.request.fault);
  const body = callback?.request.body;
  expect(isRecord(body) ? body.type : undefined).toBe(CallbackType.DeferredChannelMessageWithSource);
}

/** The reply is the right answer to QUESTION. */
export function expectPutinAnswer(reply: InteractionReply): void {
  const embed = onlyEmbed(reply.body);
  expect(embed.title).toBe(QUESTION);
  expect(plainText(embed.description ?? '')).toContain(ONLY_PUTIN);
}

/** Sends `/ask QUESTION` and returns it (without waiting). */
export function sendAsk(server: DiscordServer, question = QUESTION): SentInteraction {
  return server.sendSlashCommand({ name: 'ask', options: { question } });
}
