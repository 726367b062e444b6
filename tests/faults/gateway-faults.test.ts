/**
 * Faults of Discord's gateway, reproduced with the local server against the bot's own start-up:
 * the socket closes (1000, 4000, 4009, dropped), Discord asks for a reconnect (op 7), declares the
 * session invalid (op 9), or stops acknowledging heartbeats. After each the bot must RESUME or
 * IDENTIFY again and answer; a question asked while it is away is answered once it is back
 * (when Discord replays it, i.e. when the session is resumed).
 */
import { afterEach, describe, expect, it, type TestContext } from 'vitest';
import type { DiscordServer, GatewayLogEntry, SentInteraction } from '../../src/playground/discord-server/index.js';
import { LogLevel, logsAtOrAbove, settled } from '../e2e/support/harness.js';
import { expectNoRejectedRequests } from '../e2e/support/payloads.js';
import { expectAskAnsweredOnce, expectPutinAnswer, QUESTION, sendAsk } from './support/answers.js';
import {
  gatewaySince,
  resumedKnownSession,
  socketClosed,
  startFaultBot,
  waitForGatewaySince,
  watchUnhandledRejections,
  type FaultBot,
  type FaultBotOptions,
} from './support/fault-harness.js';

const TEST_TIMEOUT_MS = 15_000;
const RECOVERY_TIMEOUT_MS = 8_000;

let running: FaultBot | undefined;
let rejections: ReturnType<typeof watchUnhandledRejections> | undefined;

async function start(options: FaultBotOptions = {}): Promise<FaultBot> {
  rejections = watchUnhandledRejections();
  running = await startFaultBot(options);
  return running;
}

afterEach(async () => {
  try {
    if (running !== undefined) {
      await settled(running.bot);
      expectNoRejectedRequests(running.server);
      expect(logsAtOrAbove(running.logs, LogLevel.error), 'error logs').toEqual([]);
      expect(rejections?.reasons ?? [], 'unhandled rejections').toEqual([]);
    }
  } finally {
    rejections?.stop();
    rejections = undefined;
    await running?.close();
    running = undefined;
  }
});

/** The dispatch entry the server logged for the event just sent (dispatch helpers log synchronously). */
function lastDispatch(server: DiscordServer): GatewayLogEntry {
  const entry = server.gatewayLog.at(-1);
  if (entry?.kind !== 'dispatch' || entry.event !== 'INTERACTION_CREATE')
    throw new Error(`expected the INTERACTION_CREATE dispatch, got ${JSON.stringify(entry)}`);
  return entry;
}

/** After a fault: the bot is connected on exactly one live session, ready, and answers a fresh `/ask`. */
async function expectAnswersAgain(fault: FaultBot): Promise<SentInteraction> {
  const { server, bot } = fault;
  const next = sendAsk(server);
  expect(next.delivered, 'a live session got the next question').toBe(1);
  expectPutinAnswer(await server.waitForInteractionReply(next.id, RECOVERY_TIMEOUT_MS));
  await settled(bot);
  expectAskAnsweredOnce(server, next.id);
  expect(server.sessions.filter((session) => session.connected)).toHaveLength(1);
  expect(bot.client.isReady()).toBe(true);
  return next;
}

async function annotateRecovery(context: TestContext, label: string, faultAt: number, recovered: GatewayLogEntry): Promise<void> {
  await context.annotate(`${label}: back ${recovered.at - faultAt} ms after the fault (${recovered.event ?? recovered.kind})`, 'timing');
}

interface ResumeCase {
  readonly name: string;
  /** Applies the fault; returns how many connections it hit. */
  readonly fault: (server: DiscordServer) => number;
  readonly closeCode: number;
}

/** Faults after which discord.js keeps its session and Discord replays what it missed. */
const RESUME_CASES: readonly ResumeCase[] = [
  { name: 'close 4000 (unknown error)', fault: (server) => server.closeGatewaySockets(4000), closeCode: 4000 },
  { name: 'op 7 reconnect', fault: (server) => server.sendReconnect(), closeCode: 4200 },
  { name: 'a dropped socket (1006, no close frame)', fault: (server) => server.terminateGatewaySockets(), closeCode: 1006 },
];

describe('gateway faults the bot RESUMEs from', () => {
  for (const { name, fault, closeCode } of RESUME_CASES) {
    it(
      `${name}: resumes the session, answers the question asked while the socket was down once, then the next`,
      async (context) => {
        const bot = await start();
        const { server } = bot;
        const mark = server.gatewayLog.length;
        const faultAt = Date.now();
        expect(fault(server)).toBe(1);

        // The socket is down (the server saw the close); the bot waits ~500 ms before reconnecting.
        const closed = await waitForGatewaySince(server, mark, socketClosed);
        expect(closed.code).toBe(closeCode);
        const during = sendAsk(server);
        expect(during.delivered).toBe(1);
        expect(lastDispatch(server).detail, 'the question was queued while no socket was attached').toBe('queued until resume');
        const duringSeq = lastDispatch(server).seq;

        const reply = await server.waitForInteractionReply(during.id, RECOVERY_TIMEOUT_MS);
        expectPutinAnswer(reply);
        const resumed = await waitForGatewaySince(server, mark, (entry) => entry.kind === 'dispatch' && entry.event === 'RESUMED');
        await annotateRecovery(context, name, faultAt, resumed);

        const after = gatewaySince(server, mark);
        expect(after.filter(resumedKnownSession), 'RESUME of the same session').toHaveLength(1);
        expect(
          after.filter((entry) => entry.kind === 'identify'),
          'no new IDENTIFY',
        ).toEqual([]);
        expect(after.some((entry) => entry.kind === 'replay' && entry.event === 'INTERACTION_CREATE' && entry.seq === duringSeq)).toBe(
          true,
        );
        // Answered after the session was back, not before.
        expect(reply.request.at).toBeGreaterThanOrEqual(after.find(resumedKnownSession)?.at ?? Infinity);

        await expectAnswersAgain(bot);
        expectAskAnsweredOnce(server, during.id);
        expect(server.sessions).toHaveLength(1);
        expect(bot.logs.some((line) => line.msg === 'gateway reconnecting')).toBe(true);
      },
      TEST_TIMEOUT_MS,
    );
  }

  it(
    'op 9 invalid session (resumable): resumes on the same socket; a question sent right behind the op 9 is answered exactly once',
    async (context) => {
      const bot = await start();
      const { server } = bot;
      const mark = server.gatewayLog.length;
      const faultAt = Date.now();
      expect(server.sendInvalidSession(true)).toBe(1);
      // On the wire right after the op 9, before the bot's RESUME reaches the server: the bot may
      // see it directly and again in the replay that follows the RESUME.
      const during = sendAsk(server);
      expect(during.delivered).toBe(1);

      expectPutinAnswer(await server.waitForInteractionReply(during.id, RECOVERY_TIMEOUT_MS));
      const resumed = await waitForGatewaySince(server, mark, (entry) => entry.kind === 'dispatch' && entry.event === 'RESUMED');
      await annotateRecovery(context, 'op 9 resumable', faultAt, resumed);
      const after = gatewaySince(server, mark);
      expect(after.filter(resumedKnownSession)).toHaveLength(1);
      expect(after.filter((entry) => entry.kind === 'identify' || entry.kind === 'connect')).toEqual([]);

      await expectAnswersAgain(bot);
      expectAskAnsweredOnce(server, during.id);
      // When the replay carried it a second time (the usual outcome of this race), the repeat was dropped.
      if (after.some((entry) => entry.kind === 'replay' && entry.event === 'INTERACTION_CREATE')) {
        expect(bot.logs.filter((line) => line.msg === 'ignored an interaction the gateway delivered twice')).toHaveLength(1);
      }
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'op 9 invalid session (resumable): a mention sent right behind the op 9 gets one reply, not two',
    async () => {
      const bot = await start();
      const { server } = bot;
      const mark = server.gatewayLog.length;
      expect(server.sendInvalidSession(true)).toBe(1);
      const mention = server.sendMessage({ content: QUESTION, mentionsBot: true });
      expect(mention.delivered).toBe(1);
      await server.waitForMessageReply(mention.id, RECOVERY_TIMEOUT_MS);
      await waitForGatewaySince(server, mark, (entry) => entry.kind === 'dispatch' && entry.event === 'RESUMED');

      // The next question is a barrier: anything replayed before it has been handled by then.
      await expectAnswersAgain(bot);
      expect(server.repliesTo(mention.id), server.describe()).toHaveLength(1);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'missed heartbeat ACKs (zombie connection): the bot closes the socket itself, resumes, and answers what was asked meanwhile',
    async (context) => {
      const bot = await start({ server: { heartbeatIntervalMs: 250 } });
      const { server } = bot;
      // Heartbeats are being acknowledged while the bot is healthy.
      await waitForGatewaySince(server, 0, (entry) => entry.kind === 'heartbeat');
      const mark = server.gatewayLog.length;
      const faultAt = Date.now();
      server.ackHeartbeats = false;

      // The bot notices the missing ACK at its next heartbeat and closes the zombie itself (4200 = "resuming").
      const closed = await waitForGatewaySince(server, mark, socketClosed);
      expect(closed.code).toBe(4200);
      const heartbeatsBeforeClose = gatewaySince(server, mark).filter((entry) => entry.kind === 'heartbeat' && entry.at <= closed.at);
      expect(heartbeatsBeforeClose.length).toBeGreaterThanOrEqual(1);
      server.ackHeartbeats = true;
      const during = sendAsk(server);
      expect(lastDispatch(server).detail).toBe('queued until resume');

      expectPutinAnswer(await server.waitForInteractionReply(during.id, RECOVERY_TIMEOUT_MS));
      const resumed = await waitForGatewaySince(server, mark, (entry) => entry.kind === 'dispatch' && entry.event === 'RESUMED');
      await annotateRecovery(context, `zombie (closed ${closed.at - faultAt} ms after ACKs stopped)`, faultAt, resumed);
      expect(gatewaySince(server, mark).filter(resumedKnownSession)).toHaveLength(1);
      expect(gatewaySince(server, mark).filter((entry) => entry.kind === 'identify')).toEqual([]);

      // Heartbeats are acknowledged again and the connection stays up.
      const beat = await waitForGatewaySince(server, server.gatewayLog.length, (entry) => entry.kind === 'heartbeat');
      await waitForGatewaySince(server, server.gatewayLog.indexOf(beat) + 1, (entry) => entry.kind === 'heartbeat');
      expect(gatewaySince(server, server.gatewayLog.indexOf(resumed)).filter(socketClosed)).toEqual([]);

      await expectAnswersAgain(bot);
      expectAskAnsweredOnce(server, during.id);
    },
    TEST_TIMEOUT_MS,
  );
});

interface IdentifyCase {
  readonly name: string;
  readonly fault: (server: DiscordServer) => number;
  readonly closeCode: number;
  /** The bot first tries to RESUME and is refused with a non-resumable op 9. */
  readonly resumeRefused: boolean;
}

/** Faults after which the session is gone: the bot must IDENTIFY for a new one. */
const IDENTIFY_CASES: readonly IdentifyCase[] = [
  { name: 'normal close (1000)', fault: (server) => server.closeGatewaySockets(1000), closeCode: 1000, resumeRefused: false },
  { name: 'close 4009 (session timed out)', fault: (server) => server.closeGatewaySockets(4009), closeCode: 4009, resumeRefused: true },
  {
    name: 'op 9 invalid session (not resumable)',
    fault: (server) => server.sendInvalidSession(false),
    closeCode: 1000,
    resumeRefused: false,
  },
];

describe('gateway faults the bot IDENTIFYs again after', () => {
  for (const { name, fault, closeCode, resumeRefused } of IDENTIFY_CASES) {
    it(
      `${name}: identifies a new session and answers the next question${resumeRefused ? ' (after its RESUME is refused)' : ''}`,
      async (context) => {
        const bot = await start();
        const { server } = bot;
        const firstSession = server.sessions[0]?.sessionId;
        const mark = server.gatewayLog.length;
        const faultAt = Date.now();
        expect(fault(server)).toBe(1);

        const closed = await waitForGatewaySince(server, mark, socketClosed);
        expect(closed.code).toBe(closeCode);
        // Discord holds no session for the bot until it identifies again: a question asked now
        // reaches nobody (Discord shows "The application did not respond"), nothing to replay later.
        expect(server.sessions, 'no live session while the bot is away').toEqual([]);

        const identified = await waitForGatewaySince(server, mark, (entry) => entry.kind === 'identify', RECOVERY_TIMEOUT_MS);
        const guild = await waitForGatewaySince(
          server,
          server.gatewayLog.indexOf(identified),
          (entry) => entry.kind === 'dispatch' && entry.event === 'GUILD_CREATE',
        );
        await annotateRecovery(context, name, faultAt, guild);

        const after = gatewaySince(server, mark);
        const resumes = after.filter((entry) => entry.kind === 'resume');
        if (resumeRefused) {
          expect(resumes, 'one RESUME, refused').toHaveLength(1);
          expect(after.some((entry) => entry.kind === 'invalid_session' && entry.at >= (resumes[0]?.at ?? Infinity))).toBe(true);
        } else {
          expect(resumes).toEqual([]);
        }
        expect(after.filter((entry) => entry.kind === 'identify')).toHaveLength(1);
        expect(server.sessions.map((session) => session.sessionId)).not.toContain(firstSession);

        await expectAnswersAgain(bot);
      },
      TEST_TIMEOUT_MS,
    );
  }
});

describe('an event the gateway delivers twice (as a RESUME replay can)', () => {
  it('the same INTERACTION_CREATE twice: one answer, no refused second callback, the repeat logged', async () => {
    const bot = await start();
    const { server } = bot;
    const first = sendAsk(server);
    expect(server.dispatch('INTERACTION_CREATE', first.payload)).toBe(1);
    expectPutinAnswer(await server.waitForInteractionReply(first.id));

    await expectAnswersAgain(bot);
    expectAskAnsweredOnce(server, first.id);
    expect(server.interactionRequests(first.id).filter((r) => r.kind === 'callback')).toHaveLength(1);
    expect(bot.logs.filter((line) => line.msg === 'ignored an interaction the gateway delivered twice')).toEqual([
      expect.objectContaining({ interaction: first.id }),
    ]);
  });

  for (const where of ['guild', 'DM'] as const) {
    it(`the same MESSAGE_CREATE twice (${where} mention): one reply`, async () => {
      const bot = await start();
      const { server } = bot;
      const sent = server.sendMessage({ content: QUESTION, mentionsBot: true, ...(where === 'DM' ? { dm: true } : {}) });
      expect(server.dispatch('MESSAGE_CREATE', sent.message, sent.guildId)).toBe(1);
      await server.waitForMessageReply(sent.id);

      await expectAnswersAgain(bot);
      expect(server.repliesTo(sent.id), server.describe()).toHaveLength(1);
    });
  }
});
