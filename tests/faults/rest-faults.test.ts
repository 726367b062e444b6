/**
 * Faults of Discord's REST API while the bot answers: 429 with Retry-After and 500s on the
 * interaction callback (and on the edit that carries the answer) are retried by discord.js and
 * the answer arrives exactly once; an interaction that has already expired (10062) is logged and
 * nothing crashes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  ApiErrorCode,
  Route,
  type DiscordServer,
  type FaultHandle,
  type RecordedRequest,
} from '../../src/playground/discord-server/index.js';
import { LogLevel, logsAtOrAbove, settled } from '../e2e/support/harness.js';
import { expectNoRejectedRequests } from '../e2e/support/payloads.js';
import { expectAskAnsweredOnce, expectPutinAnswer, sendAsk, tally } from './support/answers.js';
import { startFaultBot, watchUnhandledRejections, type FaultBot } from './support/fault-harness.js';

const TEST_TIMEOUT_MS = 15_000;

let running: FaultBot | undefined;
let rejections: ReturnType<typeof watchUnhandledRejections> | undefined;

async function start(): Promise<FaultBot> {
  rejections = watchUnhandledRejections();
  running = await startFaultBot();
  return running;
}

afterEach(async () => {
  try {
    if (running !== undefined) {
      await settled(running.bot);
      expect(rejections?.reasons ?? [], 'unhandled rejections').toEqual([]);
      expect(running.bot.client.isReady()).toBe(true);
    }
  } finally {
    rejections?.stop();
    rejections = undefined;
    await running?.close();
    running = undefined;
  }
});

type Step = 'callback' | 'edit';

/** The request of `step` for the interaction with this id/token. */
function isStep(
  step: Step,
  sent: { id: string; token: string },
): (request: { route: string | null; method: string; params: Readonly<Record<string, string>> }) => boolean {
  return step === 'callback'
    ? (request) => request.route === Route.InteractionCallback && request.params.interactionId === sent.id
    : (request) => request.route === Route.WebhookMessage && request.method === 'PATCH' && request.params.token === sent.token;
}

interface RetriedCase {
  readonly name: string;
  readonly step: Step;
  readonly status: number;
  readonly times: number;
  readonly retryAfter?: number;
  /** Statuses the bot's requests for that step got, in order. */
  readonly statuses: readonly number[];
}

const RETRIED: readonly RetriedCase[] = [
  {
    name: '429 with Retry-After 0.2 s on the interaction callback',
    step: 'callback',
    status: 429,
    times: 1,
    retryAfter: 0.2,
    statuses: [429, 204],
  },
  { name: '500 twice on the interaction callback', step: 'callback', status: 500, times: 2, statuses: [500, 500, 204] },
  {
    name: '429 with Retry-After 0.2 s on the edit that carries the answer',
    step: 'edit',
    status: 429,
    times: 1,
    retryAfter: 0.2,
    statuses: [429, 200],
  },
  { name: '500 twice on the edit that carries the answer', step: 'edit', status: 500, times: 2, statuses: [500, 500, 200] },
];

describe('REST errors discord.js retries', () => {
  for (const { name, step, status, times, retryAfter, statuses } of RETRIED) {
    it(
      `${name}: the answer still arrives, exactly once`,
      async () => {
        const { server, bot, logs } = await start();
        const sent = sendAsk(server);
        // Armed before the bot can possibly have read the event (it arrives on a later tick).
        const fault: FaultHandle = server.failNext({
          route: isStep(step, sent),
          status,
          times,
          ...(retryAfter !== undefined ? { retryAfter } : {}),
        });

        expectPutinAnswer(await server.waitForInteractionReply(sent.id));
        await settled(bot);
        expect(fault.hits).toBe(times);
        const attempts: RecordedRequest[] = server.requests.filter(isStep(step, sent));
        expect(attempts.map((request) => request.status)).toEqual(statuses);
        if (retryAfter !== undefined) {
          const [limited, retried] = attempts;
          // discord.js waited out Retry-After (give or take timer granularity) before retrying.
          expect((retried?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(retryAfter * 1000 - 50);
        }
        expectAskAnsweredOnce(server, sent.id);
        expectNoRejectedRequests(server);
        expect(logsAtOrAbove(logs, LogLevel.error)).toEqual([]);

        // And the next question is answered normally.
        const next = sendAsk(server);
        expectPutinAnswer(await server.waitForInteractionReply(next.id));
        await settled(bot);
        expectAskAnsweredOnce(server, next.id);
      },
      TEST_TIMEOUT_MS,
    );
  }
});

describe('an interaction that has already expired (10062 Unknown interaction)', () => {
  it(
    'is logged as a warning with the code, no futile apology is attempted, nothing crashes, and the next question is answered',
    async () => {
      const { server, bot, logs } = await start();
      const expired = sendAsk(server);
      // Every callback for it fails, as on Discord once its 3 seconds are over.
      const fault = server.failNext({
        route: isStep('callback', expired),
        status: 404,
        code: ApiErrorCode.UnknownInteraction,
        times: 10,
      });

      await server.waitForRequest((request) => request.fault && request.params.interactionId === expired.id);
      await settled(bot);
      // One attempt (the "thinking…" callback); an apology could not reach anyone either, so none is tried.
      expect(fault.hits).toBe(1);
      expect(server.interactionRequests(expired.id)).toHaveLength(1);
      expect(tally(server, expired.id)).toMatchObject({ callbacks: 0, edits: 0, followups: 0, deletes: 0 });

      const warnings = logsAtOrAbove(logs, LogLevel.warn);
      expect(warnings).toEqual([
        expect.objectContaining({
          level: 40,
          msg: 'interaction expired before it was answered',
          interaction: expired.id,
          route: 'command:ask',
          err: expect.objectContaining({ code: ApiErrorCode.UnknownInteraction, status: 404 }),
        }),
      ]);

      const next = sendAsk(server);
      expectPutinAnswer(await server.waitForInteractionReply(next.id));
      await settled(bot);
      expectAskAnsweredOnce(server, next.id);
      expect(server.sessions.filter((session) => session.connected)).toHaveLength(1);
      expect(server.unknownRequests).toEqual([]);
      noOtherRefusals(server, expired.id);
    },
    TEST_TIMEOUT_MS,
  );
});

/** Apart from the injected faults for `interactionId`, the server refused nothing. */
function noOtherRefusals(server: DiscordServer, interactionId: string): void {
  const refused = server.requests.filter(
    (request) => request.status >= 400 && !(request.fault && request.params.interactionId === interactionId),
  );
  expect(refused.map((request) => `${request.method} ${request.path} -> ${request.status}`)).toEqual([]);
}
