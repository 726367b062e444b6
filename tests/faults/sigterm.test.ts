/**
 * SIGTERM while replies are in flight, to the real process (`npm start`): the replies Discord is
 * holding back complete, then the bot disconnects and exits 0.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands } from '../../src/bot/deploy-commands.js';
import { Route, startDiscordServer, type DiscordServer } from '../../src/playground/discord-server/index.js';
import { expectMentionsDisabled } from '../e2e/support/payloads.js';
import { expectAskAnsweredOnce, expectPutinAnswer, sendAsk } from './support/answers.js';
import { jsonLines, killAll, noEnvFileIn, npmStart, waitForReady } from './support/bot-process.js';

const TOKEN = 'sigterm-test-token-0123456789';
/** How long Discord holds each reply back (429 Retry-After). */
const HOLD_SECONDS = 1.5;

let tempDir: string;
let server: DiscordServer;

beforeAll(async () => {
  tempDir = await mkdtemp(join(tmpdir(), 'article-qa-sigterm-'));
  server = await startDiscordServer({ token: TOKEN });
  await deployCommands({ token: TOKEN, clientId: server.applicationId, guildId: server.guildId, apiUrl: server.apiUrl });
});

afterEach(() => {
  killAll();
});

afterAll(async () => {
  await server?.close();
  if (tempDir !== undefined) await rm(tempDir, { recursive: true, force: true });
});

describe('SIGTERM with replies in flight', () => {
  it('the held-back replies (one at its callback, one at its edit) complete, then the bot disconnects and exits 0', async () => {
    const child = npmStart(
      {
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_URL: server.apiUrl,
        FEEDBACK_FILE: join(tempDir, 'feedback.jsonl'),
        QUESTION_LOG: join(tempDir, 'questions.jsonl'),
        LOG_LEVEL: 'info',
      },
      noEnvFileIn(tempDir),
    );
    await waitForReady(child);

    // Discord rate-limits the first answer's "thinking…" callback, and the second answer's edit.
    const atCallback = sendAsk(server);
    const heldCallback = server.failNext({
      route: (request) => request.route === Route.InteractionCallback && request.params.interactionId === atCallback.id,
      status: 429,
      retryAfter: HOLD_SECONDS,
    });
    const atEdit = sendAsk(server);
    const heldEdit = server.failNext({
      route: (request) => request.route === Route.WebhookMessage && request.method === 'PATCH' && request.params.token === atEdit.token,
      status: 429,
      retryAfter: HOLD_SECONDS,
    });
    const limited = await Promise.all([
      server.waitForRequest((request) => request.fault && request.params.interactionId === atCallback.id, 10_000),
      server.waitForRequest((request) => request.fault && request.params.token === atEdit.token, 10_000),
    ]);
    expect(
      server.interactionRequests(atCallback.id).filter((r) => !r.request.fault),
      'nothing sent yet for the first',
    ).toEqual([]);

    const pid = child.pid;
    if (pid === undefined) throw new Error('no pid');
    const signalledAt = Date.now();
    process.kill(pid, 'SIGTERM');

    const replies = await Promise.all([
      server.waitForInteractionReply(atCallback.id, 10_000),
      server.waitForInteractionReply(atEdit.id, 10_000),
    ]);
    const exit = await child.waitForExit(15_000);
    expect(exit, child.output).toEqual({ code: 0, signal: null });
    expect(child.remainingInGroup()).toEqual([]);

    for (const reply of replies) {
      expectPutinAnswer(reply);
      // Completed after the signal, once Discord let it through.
      expect(reply.request.at).toBeGreaterThan(signalledAt);
      expect(reply.request.at - Math.min(...limited.map((r) => r.at))).toBeGreaterThanOrEqual(HOLD_SECONDS * 1000 - 100);
    }
    expect([heldCallback.hits, heldEdit.hits]).toEqual([1, 1]);
    expectAskAnsweredOnce(server, atCallback.id);
    expectAskAnsweredOnce(server, atEdit.id);
    expect(expectMentionsDisabled(server.requests)).toBeGreaterThan(0);

    // The bot closed its gateway connection only after both replies had gone out.
    const closed = server.gatewayLog.filter((entry) => entry.kind === 'close' && entry.at >= signalledAt);
    expect(closed, 'the bot closed its gateway connection').not.toEqual([]);
    for (const reply of replies) expect(reply.request.at).toBeLessThanOrEqual(closed[0]?.at ?? 0);
    expect(server.sessions.filter((session) => session.connected)).toEqual([]);

    const lines = jsonLines(child.stdout);
    const messages = lines.map((line) => line.msg);
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'shutting down', signal: 'SIGTERM' }));
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'stopping: finishing in-flight replies', inFlight: 2 }));
    expect(messages.indexOf('bot stopped')).toBeGreaterThan(messages.indexOf('stopping: finishing in-flight replies'));
    expect(messages).not.toContain('stopping without waiting for replies that are still running');
    expect(messages).not.toContain('second signal: exiting without waiting');
    expect(lines.filter((line) => typeof line.level === 'number' && line.level >= 40)).toEqual([]);
    expect(child.stderr).toBe('');
  }, 60_000);
});
