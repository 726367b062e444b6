/**
 * The longest question: the `question` option's `max_length` (what Discord enforces on `/ask`) is
 * exactly what the bot enforces itself, and a longer question that arrives anyway (a mention or
 * DM, which Discord does not limit, or a client that ignores `max_length`) is refused with a
 * message that says how long it was and what the limit is. The limit is read from the option the
 * way Discord gets it, and the bot's behaviour is checked against it.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askCommand } from '../../src/bot/commands/ask.js';
import { checkQuestion, normalizeQuestion } from '../../src/bot/question-text.js';
import { buildHelpReply } from '../../src/bot/replies/help-reply.js';
import { MAX_QUESTION_LENGTH as ENGINE_MAX_QUESTION_LENGTH } from '../../src/index.js';
import { CallbackType, type DiscordServer } from '../../src/playground/discord-server/index.js';
import { startE2E, type E2E } from '../e2e/support/harness.js';
import { messageAndReply, textReply } from '../e2e/support/interact.js';
import { contentOf, EPHEMERAL, embedsOf, flagsOf, OutgoingMessageGuard } from '../e2e/support/payloads.js';
import { hostileText } from './arbitraries.js';
import { finishE2E } from '../e2e/support/finish.js';

const questionOption = askCommand.options.find((option) => option.name === 'question');
/** What Discord enforces on `/ask`; the e2e tests below read it back from the registration. */
const LIMIT = questionOption?.max_length ?? Number.NaN;

/** `length` characters of a question about the corpus, whole words, exactly `length` long. */
function questionOfLength(length: number): string {
  const words = 'What did Putin say about his goals in the war against Ukraine after the call with Trump ';
  const text = words.repeat(Math.ceil(length / words.length)).slice(0, length);
  // No space at either end: normalisation would remove it and change the length.
  return `${text
    .slice(0, -1)
    .trimEnd()
    .padEnd(length - 1, 'x')}?`;
}

function refusal(length: number): string {
  return `That question is ${length} characters long; please keep it to ${LIMIT} characters or fewer.`;
}

describe('the question length limit', () => {
  it('is the same in the command definition, the bot’s own check and the help text', () => {
    expect(questionOption?.min_length).toBe(1);
    expect(checkQuestion(questionOfLength(LIMIT))).toMatchObject({ ok: true });
    expect(checkQuestion(questionOfLength(LIMIT + 1))).toEqual({
      ok: false,
      reason: 'too-long',
      length: LIMIT + 1,
    });
    const help = JSON.stringify(buildHelpReply({ questions: 5, windowSeconds: 30 }).embeds);
    expect(help).toContain(`up to ${LIMIT} characters`);
  });

  it('is within what the engine reads, so an accepted question is never cut short by the engine', () => {
    expect(ENGINE_MAX_QUESTION_LENGTH).toBeGreaterThanOrEqual(LIMIT);
  });

  it('accepts exactly the questions that are 1 to max characters once spacing is tidied', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, fc.integer({ min: 0, max: 2 * LIMIT }).map(questionOfLength)), (text) => {
        const length = normalizeQuestion(text).length;
        const checked = checkQuestion(text);
        if (length === 0) expect(checked).toEqual({ ok: false, reason: 'empty' });
        else if (length > LIMIT) expect(checked).toEqual({ ok: false, reason: 'too-long', length });
        else expect(checked).toEqual({ ok: true, question: normalizeQuestion(text) });
      }),
      { numRuns: 300 },
    );
  });
});

describe('a question longer than the limit, end to end', () => {
  let e2e: E2E;
  let server: DiscordServer;
  const guard = new OutgoingMessageGuard(() => server);

  beforeAll(async () => {
    e2e = await startE2E();
    server = e2e.server;
  });

  afterAll(() => finishE2E(e2e, guard, { botMayLogErrors: true }));

  it('registers the question option with max_length equal to the maximum the bot enforces below', () => {
    const registered = server.registeredCommands(server.guildId).find((command) => command.name === 'ask');
    const option = registered?.options?.find((candidate) => candidate.name === 'question');
    expect(option?.max_length).toBe(LIMIT);
  });

  it('refuses a mention one character too long, saying how long it was and what the limit is', async () => {
    const { reply } = await messageAndReply(server, { content: questionOfLength(LIMIT + 1), mentionsBot: true });
    expect(contentOf(reply.body)).toBe(refusal(LIMIT + 1));
    expect(embedsOf(reply.body)).toEqual([]);
  });

  it('refuses a 100,000-character DM the same way', async () => {
    const { reply } = await messageAndReply(server, { content: questionOfLength(100_000), dm: true });
    expect(contentOf(reply.body)).toBe(refusal(100_000));
  });

  it('answers a mention of exactly the maximum (the bot’s own mention does not count)', async () => {
    const { reply } = await messageAndReply(server, { content: questionOfLength(LIMIT), mentionsBot: true });
    expect(contentOf(reply.body)).toBe('');
    expect(embedsOf(reply.body)).toHaveLength(1);
  });

  it('refuses privately a slash command that got past max_length', async () => {
    const sent = server.sendSlashCommand({ name: 'ask', options: { question: questionOfLength(LIMIT + 50) } });
    const reply = await textReply(server, sent);
    expect(reply.callbackType).toBe(CallbackType.ChannelMessageWithSource);
    expect(flagsOf(reply.body)).toBe(EPHEMERAL);
    expect(reply.content).toBe(refusal(LIMIT + 50));
  });
});
