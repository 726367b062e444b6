/**
 * A canary token: the bot runs with a recognisable token, and it must never show up anywhere but
 * the Authorization header (and the gateway IDENTIFY/RESUME) — not in a log line at any level, an
 * error reply, a request body, a thrown error, or the output of the process — in a normal
 * session, when a handler fails, when REST and the gateway fail, and when login is refused (401).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands } from '../../src/bot/deploy-commands.js';
import { createLogger } from '../../src/bot/logger.js';
import {
  ApiErrorCode,
  Route,
  startDiscordServer,
  type DiscordServer,
  type RecordedRequest,
  type SentInteraction,
} from '../../src/playground/discord-server/index.js';
import { settled, type LogLine } from '../e2e/support/harness.js';
import { contentOf, EPHEMERAL, flagsOf } from '../e2e/support/payloads.js';
import { expectPutinAnswer, QUESTION, sendAsk } from './support/answers.js';
import { jsonLines, killAll, noEnvFileIn, npmStart, STARTUP_TIMEOUT_MS, waitForReady } from './support/bot-process.js';
import {
  socketClosed,
  startCapturedBot,
  startFaultBot,
  waitForGatewaySince,
  watchUnhandledRejections,
  type FaultBot,
} from './support/fault-harness.js';
import { failingEngineLoader } from '../e2e/support/failing-engine.js';

const APOLOGY = 'Sorry, something went wrong while answering. The error has been logged; please try again in a moment.';
const REFUSED = /Discord refused the token in DISCORD_TOKEN/;
/** The session asks more than the default 5 questions in 30 s. */
const MANY_QUESTIONS = { RATE_LIMIT_QUESTIONS: '1000' };

function canaryToken(): string {
  return `CANARY.tok3n.ZZZ-${randomBytes(12).toString('hex')}`;
}

/** Each place the canary was found, for a readable failure. */
function leaks(canary: string, places: Readonly<Record<string, string>>): string[] {
  return Object.entries(places)
    .filter(([, text]) => text.includes(canary))
    .map(([where, text]) => `${where}: ${text.slice(Math.max(0, text.indexOf(canary) - 200), text.indexOf(canary) + canary.length + 50)}`);
}

/** Everything a request carried to the server except the Authorization header, which must carry the token. */
/** Asks a question whose interaction Discord says has expired (10062) whenever the bot answers it. */
function sendExpiredAsk(server: DiscordServer): SentInteraction {
  const expired = sendAsk(server);
  server.failNext({
    route: (request) => request.route === Route.InteractionCallback && request.params.interactionId === expired.id,
    status: 404,
    code: ApiErrorCode.UnknownInteraction,
    times: 5,
  });
  return expired;
}

function requestWithoutAuth(request: RecordedRequest): string {
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name !== 'authorization'));
  return JSON.stringify({ url: request.url, path: request.path, query: request.query, headers, body: request.body, files: request.files });
}

/** The places on the server side: every request (minus Authorization) and every gateway log entry. */
function serverPlaces(server: DiscordServer): Record<string, string> {
  const places: Record<string, string> = {};
  for (const request of server.requests) places[`request #${request.seq} ${request.method} ${request.path}`] = requestWithoutAuth(request);
  server.gatewayLog.forEach((entry, index) => {
    places[`gateway #${index} ${entry.kind}`] = JSON.stringify(entry);
  });
  return places;
}

function logPlaces(lines: readonly string[]): Record<string, string> {
  return Object.fromEntries(lines.map((line, index) => [`log line ${index}`, line]));
}

/** An error as anything could print it: message, stack, every property and the whole cause chain. */
function errorPlaces(error: unknown): Record<string, string> {
  const places: Record<string, string> = {
    'inspect(error)': inspect(error, { depth: 10, showHidden: true }),
    'String(error)': String(error),
  };
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 10; depth += 1) {
    places[`cause ${depth} message`] = current.message;
    places[`cause ${depth} stack`] = current.stack ?? '';
    current = current.cause;
  }
  return places;
}

function levelOf(line: LogLine): number {
  return typeof line.level === 'number' ? line.level : 0;
}

let failing = false;
let failureMessage = '';

/** The real engine, except that `ask` throws (with the canary in its message) while `failing` is set. */
const failingLoader = (corpusDir: string) => failingEngineLoader(corpusDir, () => (failing ? failureMessage : null));

let tempDir: string;
let running: FaultBot | undefined;
let rejections: ReturnType<typeof watchUnhandledRejections> | undefined;

beforeAll(async () => {
  tempDir = await mkdtemp(join(tmpdir(), 'article-qa-canary-'));
});

afterEach(async () => {
  failing = false;
  killAll();
  rejections?.stop();
  const reasons = rejections?.reasons ?? [];
  rejections = undefined;
  await running?.close();
  running = undefined;
  expect(reasons, 'unhandled rejections').toEqual([]);
});

afterAll(async () => {
  if (tempDir !== undefined) await rm(tempDir, { recursive: true, force: true });
});

/**
 * One session with every path that logs or replies about a failure: an answer, a handler whose
 * error message contains the token, a mention that fails the same way, an expired interaction
 * (10062), a refused edit (403), a gateway close and resume, then stop().
 */
async function eventfulSession(bot: FaultBot, canary: string): Promise<void> {
  const { server } = bot;
  expectPutinAnswer(await server.waitForInteractionReply(sendAsk(server).id));

  failing = true;
  failureMessage = `engine failed while using token ${canary} (canary test)`;
  const failed = sendAsk(server);
  const apology = await server.waitForInteractionReply(failed.id);
  expect(apology.content).toBe(APOLOGY);
  expect(flagsOf(apology.body)).toBe(EPHEMERAL);
  const mention = server.sendMessage({ content: QUESTION, mentionsBot: true });
  expect(contentOf((await server.waitForMessageReply(mention.id)).body)).toBe(APOLOGY);
  failing = false;
  await settled(bot.bot);

  const expired = sendExpiredAsk(server);
  await server.waitForRequest((request) => request.fault && request.params.interactionId === expired.id);

  const refused = sendAsk(server);
  server.failNext({
    route: (request) => request.route === Route.WebhookMessage && request.method === 'PATCH' && request.params.token === refused.token,
    status: 403,
    code: ApiErrorCode.MissingPermissions,
  });
  expect((await server.waitForInteractionReply(refused.id)).content).toBe(APOLOGY);
  await settled(bot.bot);

  const mark = server.gatewayLog.length;
  server.closeGatewaySockets(4000);
  await waitForGatewaySince(server, mark, socketClosed);
  expectPutinAnswer(await server.waitForInteractionReply(sendAsk(server).id, 8_000));
  await settled(bot.bot);
  await bot.bot.stop();
}

describe('canary token, bot started in-process (startBot, log level trace)', () => {
  it('a session with an answer, handler errors, REST errors and a reconnect: the token is in no log line, reply or request body', async () => {
    const canary = canaryToken();
    rejections = watchUnhandledRejections();
    running = await startFaultBot({ token: canary, logLevel: 'trace', loadEngine: failingLoader, env: MANY_QUESTIONS });
    const bot = running;
    await eventfulSession(bot, canary);

    // The token was really in use, and the paths that had it in hand were really taken.
    expect(bot.server.requests.every((request) => request.authorization === null || request.authorization === `Bot ${canary}`)).toBe(true);
    expect(bot.server.requests.some((request) => request.authorization === `Bot ${canary}`)).toBe(true);
    const messages = bot.logs.map((line) => line.msg);
    for (const expected of [
      'bot ready',
      'interaction handler failed',
      'mention handler failed',
      'interaction expired before it was answered',
      'gateway reconnecting',
      'bot stopped',
    ]) {
      expect(messages).toContain(expected);
    }
    expect(
      bot.logs.some((line) => levelOf(line) < 30),
      'debug/trace lines were written too',
    ).toBe(true);
    // The engine's error message carried the token into the logger: it came out redacted.
    expect(bot.rawLogs.filter((line) => line.includes('engine failed while using token [redacted]')).length).toBeGreaterThanOrEqual(2);

    expect(leaks(canary, { ...logPlaces(bot.rawLogs), ...serverPlaces(bot.server) })).toEqual([]);
  }, 20_000);

  it('the token never reaches the logger at all: with no scrubbing configured, the same session logs nothing containing it', async () => {
    const canary = canaryToken();
    rejections = watchUnhandledRejections();
    running = await startFaultBot({
      token: canary,
      logLevel: 'trace',
      loadEngine: failingLoader,
      env: MANY_QUESTIONS,
      // The logger `npm start` builds, minus the secret: only the bot's own restraint keeps it out.
      logger: (write, level) => createLogger({ level, pretty: false, destination: { write } }),
    });
    const bot = running;
    await eventfulSession(bot, 'an engine error that does not mention the token');
    expect(bot.logs.map((line) => line.msg)).toContain('interaction handler failed');
    expect(leaks(canary, logPlaces(bot.rawLogs))).toEqual([]);
  }, 20_000);

  it('login refused (401): the thrown error, its causes, the log and the requests are free of the token', async () => {
    const canary = canaryToken();
    rejections = watchUnhandledRejections();
    const server = await startDiscordServer({ token: 'the-token-discord-expects-0123456789' });
    const capture = { rawLogs: [] as string[], logs: [] as LogLine[] };
    try {
      const error: unknown = await startCapturedBot(server, canary, tempDir, { logLevel: 'trace' }, capture).then(
        async (bot) => {
          await bot.bot.stop();
          throw new Error('startBot resolved with a refused token');
        },
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(Error);
      expect(error instanceof Error ? error.message : '').toMatch(REFUSED);
      expect(server.requests.map((request) => [request.route, request.status])).toEqual([[Route.GatewayBot, 401]]);
      expect(server.requests[0]?.authorization).toBe(`Bot ${canary}`);
      expect(leaks(canary, { ...errorPlaces(error), ...logPlaces(capture.rawLogs), ...serverPlaces(server) })).toEqual([]);
    } finally {
      await server.close();
    }
  }, 15_000);
});

describe('canary token, bot started as a process (npm start, LOG_LEVEL=trace)', () => {
  it('a session with an answer, REST errors and a reconnect, then SIGTERM: stdout and stderr never contain the token', async () => {
    const canary = canaryToken();
    const server = await startDiscordServer({ token: canary });
    try {
      await deployCommands({ token: canary, clientId: server.applicationId, guildId: server.guildId, apiUrl: server.apiUrl });
      const child = npmStart(
        {
          DISCORD_TOKEN: canary,
          DISCORD_API_URL: server.apiUrl,
          FEEDBACK_FILE: join(tempDir, 'feedback.jsonl'),
          QUESTION_LOG: join(tempDir, 'questions.jsonl'),
          LOG_LEVEL: 'trace',
        },
        noEnvFileIn(tempDir),
      );
      await waitForReady(child);

      expectPutinAnswer(await server.waitForInteractionReply(sendAsk(server).id, 10_000));
      const refused = sendAsk(server);
      server.failNext({
        route: (request) => request.route === Route.WebhookMessage && request.method === 'PATCH' && request.params.token === refused.token,
        status: 403,
        code: ApiErrorCode.MissingPermissions,
      });
      expect((await server.waitForInteractionReply(refused.id, 10_000)).content).toBe(APOLOGY);
      sendExpiredAsk(server);
      await child.waitForOutput(
        (stdout) => stdout.includes('interaction expired before it was answered'),
        10_000,
        'the expired-interaction warning',
      );
      const mark = server.gatewayLog.length;
      server.closeGatewaySockets(4000);
      await waitForGatewaySince(server, mark, socketClosed);
      expectPutinAnswer(await server.waitForInteractionReply(sendAsk(server).id, 10_000));

      const pid = child.pid;
      if (pid === undefined) throw new Error('no pid');
      process.kill(pid, 'SIGTERM');
      const exit = await child.waitForExit(15_000);
      expect(exit, child.output).toEqual({ code: 0, signal: null });

      const messages = jsonLines(child.stdout).map((line) => line.msg);
      for (const expected of [
        'bot ready',
        'interaction handler failed',
        'interaction expired before it was answered',
        'gateway reconnecting',
        'bot stopped',
      ]) {
        expect(messages).toContain(expected);
      }
      expect(leaks(canary, { stdout: child.stdout, stderr: child.stderr, ...serverPlaces(server) })).toEqual([]);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('login refused (401): exits 1 with advice, and neither stdout nor stderr contains the token', async () => {
    const canary = canaryToken();
    const server = await startDiscordServer({ token: 'the-token-discord-expects-0123456789' });
    try {
      const child = npmStart(
        {
          DISCORD_TOKEN: canary,
          DISCORD_API_URL: server.apiUrl,
          FEEDBACK_FILE: join(tempDir, 'feedback.jsonl'),
          QUESTION_LOG: join(tempDir, 'questions.jsonl'),
          LOG_LEVEL: 'trace',
        },
        noEnvFileIn(tempDir),
      );
      const exit = await child.waitForExit(STARTUP_TIMEOUT_MS);
      expect(exit, child.output).toEqual({ code: 1, signal: null });
      expect(child.stderr).toMatch(REFUSED);
      expect(jsonLines(child.stdout).map((line) => line.msg)).toContain('the bot could not start');
      expect(server.requests.map((request) => request.authorization)).toEqual([`Bot ${canary}`]);
      expect(leaks(canary, { stdout: child.stdout, stderr: child.stderr, ...serverPlaces(server) })).toEqual([]);
    } finally {
      await server.close();
    }
  }, 60_000);
});
