/**
 * The engine's three answer states as members meet them in Discord: a confident answer, the
 * closest passages when the engine is not sure they answer (said so, in a colour of its own),
 * and "nothing relevant". The real bot and discord.js client against the local Discord server;
 * the engine is a fake one that returns each state on demand.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordServer } from '../../src/playground/discord-server/index.js';
import { ANSWER_COLOR, LOW_CONFIDENCE_COLOR, NO_ANSWER_COLOR } from '../../src/bot/replies/answer-reply.js';
import { article, fakeEngine } from '../bot/fake-engine.js';
import { finishE2E } from './support/finish.js';
import { settled, startE2E, type E2E } from './support/harness.js';
import { ask, messageAndReply } from './support/interact.js';
import { buttonsOf, OutgoingMessageGuard, onlyEmbed } from './support/payloads.js';

const NOT_SURE = "I'm not sure the articles answer this — the closest passages:";

/** Questions with "perhaps" in them get the engine's `low`; others that match, `high`. */
const engine = fakeEngine(
  [
    article('kremlin-call', { title: 'The Kremlin call' }, [
      'Putin said Russia will pursue its goals.',
      'Putin spoke for an hour.',
      'Putin thanked the interpreters.',
      'Putin left before noon.',
    ]),
  ],
  { confidence: (question) => (question.includes('perhaps') ? 'low' : 'high') },
);

let e2e: E2E;
let server: DiscordServer;
const guard = new OutgoingMessageGuard(() => server);

beforeAll(async () => {
  e2e = await startE2E({
    copyShippedCorpus: false,
    loadEngine: () => async () => ({ engine, problems: [] }),
    env: { RATE_LIMIT_QUESTIONS: '1000' },
  });
  server = e2e.server;
});

afterEach(async () => {
  if (e2e !== undefined) await settled(e2e.bot);
  guard.checkNew();
});

afterAll(() => finishE2E(e2e, guard));

describe('the three answer states in Discord', () => {
  it('a confident answer: the passages, in the answer colour, with no doubt expressed', async () => {
    const { embed } = await ask(server, 'what did Putin say?');
    expect(embed.color).toBe(ANSWER_COLOR);
    expect(embed.description?.startsWith('**1.** ')).toBe(true);
    expect(embed.description).not.toContain('not sure');
    expect(embed.footer).toBe('Passages 1–3');
  });

  it('a low-confidence answer: "not sure" first, its own colour, "closest passages" in the footer, and on every page', async () => {
    const { reply, embed } = await ask(server, 'perhaps what did Putin say?');
    expect(embed.color).toBe(LOW_CONFIDENCE_COLOR);
    expect(embed.description?.startsWith(`${NOT_SURE}\n\n**1.** `)).toBe(true);
    expect(embed.footer).toBe('Closest passages 1–3');

    const more = buttonsOf(reply.body).find((button) => button.label === 'More results');
    if (more === undefined || reply.message === null) throw new Error('no More results button on the answer');
    const click = server.sendButton({ customId: more.customId, message: reply.message });
    const page2 = onlyEmbed((await server.waitForInteractionReply(click.id)).body);
    expect(page2.color).toBe(LOW_CONFIDENCE_COLOR);
    expect(page2.description?.startsWith(`${NOT_SURE}\n\n**4.** `)).toBe(true);
    expect(page2.footer).toBe('Closest passage 4');
  });

  it('says the same to a mention', async () => {
    const { reply } = await messageAndReply(server, { content: 'perhaps what did Putin say?', mentionsBot: true });
    const embed = onlyEmbed(reply.body);
    expect(embed.color).toBe(LOW_CONFIDENCE_COLOR);
    expect(embed.description?.startsWith(NOT_SURE)).toBe(true);
  });

  it('nothing relevant: no passages, the grey "nothing" colour', async () => {
    const { embed } = await ask(server, 'regatta winners?');
    expect(embed.color).toBe(NO_ANSWER_COLOR);
    expect(embed.description).toContain('I found nothing in the articles that answers this.');
  });
});
