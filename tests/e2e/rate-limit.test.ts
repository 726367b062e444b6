/** RATE_LIMIT_QUESTIONS / RATE_LIMIT_WINDOW_SECONDS, end to end: per user, privately, with a time to retry. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CallbackType, type ApiUser, type DiscordServer } from '../../src/playground/discord-server/index.js';
import { settled, startE2E, type E2E } from './support/harness.js';
import { ask, messageAndReply, passageBlocks, textReply } from './support/interact.js';
import { contentOf, EPHEMERAL, flagsOf, isRecord, OutgoingMessageGuard, plainText } from './support/payloads.js';
import { finishE2E } from './support/finish.js';

const QUESTION = 'Who makes decisions in Russia?';
const WINDOW_SECONDS = 30;

let e2e: E2E;
let server: DiscordServer;
const guard = new OutgoingMessageGuard(() => server);

beforeAll(async () => {
  e2e = await startE2E({ env: { RATE_LIMIT_QUESTIONS: '2', RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS) } });
  server = e2e.server;
});

afterEach(() => {
  guard.checkNew();
});

afterAll(() => finishE2E(e2e, guard));

/** A user who has not asked anything yet. */
function someoneElse(n: number): ApiUser {
  const id = String(800_000_000_000_000_000n + BigInt(n));
  return { id, username: `someone-${n}`, global_name: null, discriminator: '0', avatar: null, flags: 0, public_flags: 0 };
}

/** The epoch second in `<t:SECONDS:R>`, or null. */
function relativeTimestamp(text: string): number | null {
  const match = /<t:(\d+):R>/.exec(text);
  return match === null ? null : Number(match[1]);
}

describe('per-user rate limit (RATE_LIMIT_QUESTIONS=2)', () => {
  it('refuses the third question within the window privately with "try again <t:…:R>", while another user is still answered', async () => {
    const firstAskedAt = Date.now();
    for (let i = 0; i < 2; i += 1) {
      const { embed } = await ask(server, QUESTION);
      expect(plainText(embed.description ?? '')).toContain('only Putin makes decisions in Russia');
    }

    const third = server.sendSlashCommand({ name: 'ask', options: { question: QUESTION } });
    const refused = await textReply(server, third);
    // Refused before deferring: a private reply, not a public "thinking…".
    expect(refused.callbackType).toBe(CallbackType.ChannelMessageWithSource);
    expect(flagsOf(refused.body)).toBe(EPHEMERAL);
    expect(refused.content).toMatch(/^You're asking questions faster than I can keep up with; try again <t:\d+:R>\.$/);
    const retryAt = relativeTimestamp(refused.content) ?? 0;
    // The first question leaves the window 30 s after it was asked (rounded up to a whole second).
    expect(retryAt).toBeGreaterThanOrEqual(Math.floor(firstAskedAt / 1000) + WINDOW_SECONDS);
    expect(retryAt).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + WINDOW_SECONDS);

    // Someone else is not held up by it.
    const other = await ask(server, QUESTION, { user: 'admin' });
    expect(passageBlocks(other.embed.description)[0]?.source).toContain('¶ 14');
  });

  it('holds a mention to the same limit, without naming anyone', async () => {
    const { reply } = await messageAndReply(server, { content: QUESTION, mentionsBot: true });
    expect(contentOf(reply.body)).toMatch(/try again <t:\d+:R>\.$/);
    expect(contentOf(reply.body)).not.toContain(server.memberUser.id);
  });

  it('tells a person who keeps mentioning it past the limit once per window, not once per mention', async () => {
    // The member was told once already, in the test above: these get no public notice.
    const quiet = [1, 2, 3, 4, 5].map(() => server.sendMessage({ content: QUESTION, mentionsBot: true }));
    // Handled in order: once a later mention is answered, the earlier ones have been dealt with.
    await messageAndReply(server, { content: QUESTION, mentionsBot: true, user: someoneElse(1) });
    await settled(e2e.bot);
    const repliesToQuiet = server.requests.filter(
      (request) =>
        isRecord(request.body) &&
        isRecord(request.body.message_reference) &&
        quiet.some(
          (message) =>
            isRecord(request.body) && isRecord(request.body.message_reference) && request.body.message_reference.message_id === message.id,
        ),
    );
    expect(repliesToQuiet).toEqual([]);
  });

  it('limits button clicks too, four per question allowed, and says so privately', async () => {
    const { reply } = await ask(server, QUESTION, { user: someoneElse(2) });
    const message = reply.message;
    if (message === null) throw new Error('the answer was not stored');
    // RATE_LIMIT_QUESTIONS=2: 8 clicks per window.
    for (let click = 0; click < 8; click += 1) {
      const more = server.sendButton({ customId: 'more:2', message });
      expect((await server.waitForInteractionReply(more.id)).callbackType).toBe(CallbackType.UpdateMessage);
    }
    const ninth = server.sendButton({ customId: 'more:2', message });
    const refused = await textReply(server, ninth);
    expect(refused.callbackType).toBe(CallbackType.ChannelMessageWithSource);
    expect(flagsOf(refused.body)).toBe(EPHEMERAL);
    expect(refused.content).toMatch(/^You're clicking faster than I can keep up with; try again <t:\d+:R>\.$/);
    // Another person's clicks are not held up.
    const other = server.sendButton({ customId: 'more:2', message, user: someoneElse(3) });
    expect((await server.waitForInteractionReply(other.id)).callbackType).toBe(CallbackType.UpdateMessage);
  });

  it('answers again once the window has passed', async () => {
    await settled(e2e.bot);
    e2e.advanceClock((WINDOW_SECONDS + 1) * 1000);
    const { embed } = await ask(server, QUESTION);
    expect(plainText(embed.description ?? '')).toContain('only Putin makes decisions in Russia');
  });
});
