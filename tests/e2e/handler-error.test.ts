/**
 * A handler that throws (here: an engine whose `ask` fails, injected through startBot's
 * `loadEngine`): the person gets a private apology, the error is logged, the bot carries on.
 * And what dispatch does with commands and options its command map does not have (an out-of-date
 * registration), or with an option whose type disagrees with the command's definition.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CallbackType, Route, type DiscordServer } from '../../src/playground/discord-server/index.js';
import { LogLevel, logsAtOrAbove, settled, startE2E, type E2E } from './support/harness.js';
import { ask, callbackOf, messageAndReply, passageBlocks, textReply } from './support/interact.js';
import { contentOf, EPHEMERAL, flagsOf, isRecord, onlyEmbed, OutgoingMessageGuard, plainText } from './support/payloads.js';
import { failingEngineLoader } from './support/failing-engine.js';
import { finishE2E } from './support/finish.js';

const QUESTION = 'Who makes decisions in Russia?';
const APOLOGY = 'Sorry, something went wrong while answering. The error has been logged; please try again in a moment.';
const UNKNOWN_COMMAND = "I don't know that command; the command list may be out of date. Ask an admin to run `npm run deploy-commands`.";
const ENGINE_FAILURE = 'engine exploded on purpose (e2e test)';

let failing = false;

/** The real engine, except that `ask` throws while `failing` is set. */
const flakyLoader = (corpusDir: string) => failingEngineLoader(corpusDir, () => (failing ? ENGINE_FAILURE : null));

let e2e: E2E;
let server: DiscordServer;
const guard = new OutgoingMessageGuard(() => server);

beforeAll(async () => {
  e2e = await startE2E({ loadEngine: flakyLoader, env: { RATE_LIMIT_QUESTIONS: '1000' } });
  server = e2e.server;
});

afterEach(async () => {
  failing = false;
  if (e2e !== undefined) await settled(e2e.bot);
  guard.checkNew();
});

afterAll(() => finishE2E(e2e, guard, { botMayLogErrors: true }));

function failureLogs(): { msg: unknown; message: unknown }[] {
  return logsAtOrAbove(e2e.logs, LogLevel.error).map((line) => {
    const err = line.err;
    return { msg: line.msg, message: typeof err === 'object' && err !== null && 'message' in err ? err.message : undefined };
  });
}

describe('a handler that throws', () => {
  it('/ask: the public "thinking…" is removed, the asker gets a private apology, and the next question is answered', async () => {
    failing = true;
    const sent = server.sendSlashCommand({ name: 'ask', options: { question: QUESTION } });
    const apology = await server.waitForInteractionReply(sent.id);
    expect(apology.kind).toBe('followup');
    expect(flagsOf(apology.body)).toBe(EPHEMERAL);
    expect(apology.content).toBe(APOLOGY);
    expect(await callbackOf(server, sent.id)).toEqual({ type: CallbackType.DeferredChannelMessageWithSource, flags: 0 });
    // The deferred public message was deleted rather than left "thinking" for everyone.
    expect(server.interactionRequests(sent.id).map((request) => request.kind)).toEqual(['callback', 'delete', 'followup']);

    await settled(e2e.bot);
    expect(failureLogs()).toContainEqual({ msg: 'interaction handler failed', message: ENGINE_FAILURE });

    failing = false;
    const { embed } = await ask(server, QUESTION);
    expect(passageBlocks(embed.description)[0]?.source).toContain('¶ 14');
    expect(plainText(embed.description ?? '')).toContain('only Putin makes decisions in Russia');
    expect(e2e.bot.client.isReady()).toBe(true);
  });

  it('/ask private: the private "thinking…" becomes the apology', async () => {
    failing = true;
    const sent = server.sendSlashCommand({ name: 'ask', options: { question: QUESTION, private: true } });
    const apology = await server.waitForInteractionReply(sent.id);
    expect(apology.kind).toBe('edit');
    expect(apology.content).toBe(APOLOGY);
    expect(flagsOf(apology.message) & EPHEMERAL).toBe(EPHEMERAL);
  });

  it('a button: the clicker gets a private apology and the answer stays as it was', async () => {
    const { reply, embed } = await ask(server, QUESTION);
    const message = reply.message;
    if (message === null) throw new Error('the answer was not stored');
    failing = true;
    const click = server.sendButton({ customId: 'more:2', message });
    const apology = await server.waitForInteractionReply(click.id);
    expect(apology.callbackType).toBe(CallbackType.ChannelMessageWithSource);
    expect(flagsOf(apology.body)).toBe(EPHEMERAL);
    expect(apology.content).toBe(APOLOGY);
    const stored = server.getMessage(message.id);
    expect(stored?.embeds).toEqual(reply.message?.embeds);
    expect(embed.footer).toBe('Passages 1–3');
  });

  it('a mention: the reply apologises, and the next mention is answered', async () => {
    failing = true;
    const failed = await messageAndReply(server, { content: QUESTION, mentionsBot: true });
    expect(contentOf(failed.reply.body)).toBe(APOLOGY);
    await settled(e2e.bot);
    expect(failureLogs()).toContainEqual({ msg: 'mention handler failed', message: ENGINE_FAILURE });

    failing = false;
    const answered = await messageAndReply(server, { content: QUESTION, mentionsBot: true });
    expect(answered.reply.route).toBe(Route.ChannelMessages);
    expect(plainText(onlyEmbed(answered.reply.body).description ?? '')).toContain('only Putin makes decisions in Russia');
  });
});

describe('dispatch by command name', () => {
  it('answers a slash command it does not have privately, saying the command list may be out of date', async () => {
    const reply = await textReply(server, server.sendSlashCommand({ name: 'summarize', options: { article: 'x' } }));
    expect(reply.callbackType).toBe(CallbackType.ChannelMessageWithSource);
    expect(flagsOf(reply.body)).toBe(EPHEMERAL);
    expect(reply.content).toBe(UNKNOWN_COMMAND);
  });

  it('answers a message command it does not have the same way', async () => {
    const reply = await textReply(server, server.sendMessageCommand({ name: 'Translate', targetMessage: { content: 'Bonjour' } }));
    expect(flagsOf(reply.body)).toBe(EPHEMERAL);
    expect(reply.content).toBe(UNKNOWN_COMMAND);
  });

  it('suggests nothing for an option that is not autocompleted, and for a command it does not have', async () => {
    for (const [name, focused] of [
      ['ask', 'question'],
      ['summarize', 'article'],
    ] as const) {
      const sent = server.sendAutocomplete({ name, focused, value: 'Putin' });
      const callback = await server.waitForInteractionCallback(sent.id);
      expect(isRecord(callback.body) && callback.body.type).toBe(CallbackType.ApplicationCommandAutocompleteResult);
      expect(isRecord(callback.body) && isRecord(callback.body.data) && callback.body.data.choices).toEqual([]);
    }
  });

  it('treats an option whose type disagrees with the definition as a handler failure: a private apology, an error logged', async () => {
    const errorsBefore = failureLogs().length;
    const sent = server.sendSlashCommand({
      name: 'ask',
      options: [
        { name: 'question', type: 3, value: QUESTION },
        { name: 'private', type: 3, value: 'yes' },
      ],
    });
    const reply = await textReply(server, sent);
    expect(flagsOf(reply.body)).toBe(EPHEMERAL);
    expect(reply.content).toBe(APOLOGY);
    await settled(e2e.bot);
    expect(
      failureLogs()
        .slice(errorsBefore)
        .map((line) => line.msg),
    ).toEqual(['interaction handler failed']);
  });
});

describe('stopping', () => {
  it('stop() lets a reply that is still on its way finish before disconnecting', async () => {
    // Hold the answer back: Discord rate-limits its edit once, for half a second.
    const fault = server.failNext({ route: 'PATCH /webhooks/:applicationId/:token/messages/:messageId', status: 429, retryAfter: 0.5 });
    const sent = server.sendSlashCommand({ name: 'ask', options: { question: QUESTION } });
    await server.waitForRequest((request) => request.fault && request.params.token === sent.token);
    expect(e2e.bot.inFlight()).toBe(1);

    const stopped = e2e.bot.stop();
    const reply = await server.waitForInteractionReply(sent.id);
    await stopped;

    expect(fault.hits).toBe(1);
    expect(plainText(onlyEmbed(reply.body).description ?? '')).toContain('only Putin makes decisions in Russia');
    const closed = server.gatewayLog.find((entry) => entry.kind === 'close');
    expect(closed, 'the gateway connection was closed').toBeDefined();
    expect(reply.request.at).toBeLessThanOrEqual(closed?.at ?? 0);
    expect(e2e.bot.inFlight()).toBe(0);
  });
});
