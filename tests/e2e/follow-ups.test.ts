/**
 * Follow-up questions as members ask them: the real bot (its own start-up code and discord.js)
 * against the local Discord-compatible server. The same member's next /ask within
 * FOLLOW_UP_MINUTES and a reply to one of the bot's answers are read with the turns before
 * them, and the answer says so in its footer.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CallbackType, type DiscordServer } from '../../src/playground/discord-server/index.js';
import { finishE2E } from './support/finish.js';
import { settled, startE2E, type E2E } from './support/harness.js';
import { ask as askOnly, messageAndReply as messageAndReplyOnly, passageBlocks } from './support/interact.js';
import { buttonsOf, isRecord, onlyEmbed, OutgoingMessageGuard, plainText } from './support/payloads.js';

const MINUTE = 60_000;
const FIRST = 'did trump talk to putin on the phone?';
/** Alone, "they" could be anyone: the bot is not sure. After FIRST, it is Trump and Putin. */
const FOLLOW_UP = 'how many times have they spoken?';
const SIXTH = 'The call marks the sixth conversation between the two men since Trump took office in January.';
/** What a reply to FOLLOW_UP asked alone shows: the closest passages, hedged, following up nothing. */
function expectAskedAlone(embed: { description?: string; footer?: string }) {
  expect(embed.description).toContain("I'm not sure the articles answer this");
  expect(embed.footer).toMatch(/^Closest passages? 1(–\d)?$/u);
}

/** The footer of a page of a follow-up of FIRST whose first passage is number `first`. */
const followUpFooter = (first: number) =>
  new RegExp(`^Passages? ${first}(–\\d)? · following up on: did trump talk to putin on the phone\\?$`, 'u');

let e2e: E2E;
let server: DiscordServer;
const guard = new OutgoingMessageGuard(() => server);

beforeAll(async () => {
  e2e = await startE2E({ env: { RATE_LIMIT_QUESTIONS: '1000', FOLLOW_UP_MINUTES: '5' } });
  server = e2e.server;
});

// Every test starts a conversation of its own: the one before it is over by the bot's clock.
beforeEach(() => {
  e2e.advanceClock(6 * MINUTE);
});

afterEach(() => {
  guard.checkNew();
});

afterAll(() => finishE2E(e2e, guard));

// A reply reaches the server a moment before its handler has remembered the turn: wait for that
// before moving the clock.
async function ask(...args: Parameters<typeof askOnly>): ReturnType<typeof askOnly> {
  const answered = await askOnly(...args);
  await settled(e2e.bot);
  return answered;
}

async function messageAndReply(...args: Parameters<typeof messageAndReplyOnly>): ReturnType<typeof messageAndReplyOnly> {
  const answered = await messageAndReplyOnly(...args);
  await settled(e2e.bot);
  return answered;
}

const firstPassage = (description: string | undefined) => plainText(passageBlocks(description)[0]?.passage ?? '');

describe('/ask after a question of the same member', () => {
  it('within FOLLOW_UP_MINUTES is read as a follow-up of it, and the footer says which question it followed up', async () => {
    await ask(server, FIRST);
    e2e.advanceClock(4 * MINUTE);
    const { embed } = await ask(server, FOLLOW_UP);
    expect(firstPassage(embed.description)).toBe(SIXTH);
    expect(embed.footer).toMatch(followUpFooter(1));
  });

  it('is read on its own once FOLLOW_UP_MINUTES have passed', async () => {
    await ask(server, FIRST);
    e2e.advanceClock(5 * MINUTE);
    expectAskedAlone((await ask(server, FOLLOW_UP)).embed);
  });

  it('that is a whole question on another subject is read on its own, and the footer says nothing of following up', async () => {
    await ask(server, FIRST);
    const { embed } = await ask(server, 'Which weapons shipments did the Defense Department pause?');
    expect(embed.footer).toMatch(/^Passages? 1(–\d)?$/u);
  });

  it("is not a follow-up of another member's question", async () => {
    await ask(server, FIRST, { user: 'admin' });
    expectAskedAlone((await ask(server, FOLLOW_UP)).embed);
  });

  it('that says it starts afresh is read on its own', async () => {
    await ask(server, FIRST);
    const { embed } = await ask(server, `unrelated, but ${FOLLOW_UP}`);
    expect(embed.footer).not.toContain('following up on');
  });

  it("More results pages through the follow-up's answer with the question it followed up", async () => {
    await ask(server, FIRST);
    const { reply, embed } = await ask(server, FOLLOW_UP);
    const message = reply.message;
    if (message === null) throw new Error('the answer was not stored');
    expect(buttonsOf(reply.body).find((button) => button.customId === 'more:2')).toMatchObject({ disabled: false });
    const pageOne = passageBlocks(embed.description).map((block) => plainText(block.passage));

    const click = server.sendButton({ customId: 'more:2', message });
    const update = await server.waitForInteractionReply(click.id);
    expect(update.callbackType).toBe(CallbackType.UpdateMessage);
    const pageTwo = onlyEmbed(update.body);
    expect(pageTwo.footer).toMatch(followUpFooter(4));
    for (const block of passageBlocks(pageTwo.description)) expect(pageOne).not.toContain(plainText(block.passage));
  });
});

describe('a reply to one of the bot’s answers', () => {
  it('follows up that answer, whoever replies, even once the bot has forgotten it and reads it back from the message', async () => {
    const { reply: answer } = await messageAndReply(server, { content: FIRST, mentionsBot: true });
    const answerId = isRecord(answer.response) && typeof answer.response.id === 'string' ? answer.response.id : null;
    if (answerId === null) throw new Error('the answer message has no id');
    e2e.advanceClock(16 * MINUTE); // past the 15 minutes answers are remembered, and past FOLLOW_UP_MINUTES

    const { reply } = await messageAndReply(server, { content: FOLLOW_UP, mentionsBot: true, replyTo: answerId, user: 'admin' });
    const embed = onlyEmbed(reply.body);
    expect(firstPassage(embed.description)).toBe(SIXTH);
    expect(embed.footer).toMatch(followUpFooter(1));
  });

  it('to a follow-up answer carries the whole conversation on', async () => {
    const { reply: first } = await messageAndReply(server, { content: FIRST, mentionsBot: true });
    const firstId = isRecord(first.response) && typeof first.response.id === 'string' ? first.response.id : '';
    const { reply: second } = await messageAndReply(server, { content: FOLLOW_UP, mentionsBot: true, replyTo: firstId });
    const secondId = isRecord(second.response) && typeof second.response.id === 'string' ? second.response.id : '';
    e2e.advanceClock(6 * MINUTE);

    const { reply } = await messageAndReply(server, {
      content: 'and what did zelensky say about them?',
      mentionsBot: true,
      replyTo: secondId,
    });
    const embed = onlyEmbed(reply.body);
    expect(embed.footer).toContain(` · following up on: ${FOLLOW_UP}`);
    expect(plainText(embed.description ?? '')).toContain('Zelensky');
  });
});
