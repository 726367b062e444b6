/**
 * discord.js keeps a REST handler per interaction token (each is its own webhook route) until it
 * sweeps idle ones, hourly by default: memory that grows with every answered interaction. The bot
 * bounds them by count as well as by time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IDLE_REST_HANDLERS } from '../../src/bot/rest-handlers.js';
import type { DiscordServer } from '../../src/playground/discord-server/index.js';
import { settled, startE2E, type E2E } from './support/harness.js';
import { ask } from './support/interact.js';
import { OutgoingMessageGuard } from './support/payloads.js';
import { finishE2E } from './support/finish.js';

let e2e: E2E;
let server: DiscordServer;
const guard = new OutgoingMessageGuard(() => server);

beforeAll(async () => {
  e2e = await startE2E({ env: { RATE_LIMIT_QUESTIONS: '1000' } });
  server = e2e.server;
});
afterAll(() => finishE2E(e2e, guard));

describe("discord.js's REST handlers", () => {
  it(`stay at most ${MAX_IDLE_REST_HANDLERS} (and those in use) however many interactions were answered`, async () => {
    const interactions = MAX_IDLE_REST_HANDLERS * 2 + 10;
    // `/ask` defers, then edits its reply through the interaction's webhook: a handler per token.
    for (let index = 0; index < interactions; index += 1) await ask(server, 'Who makes decisions in Russia?');
    await settled(e2e.bot);
    expect(MAX_IDLE_REST_HANDLERS).toBe(100);
    expect(e2e.bot.client.rest.handlers.size).toBeLessThanOrEqual(MAX_IDLE_REST_HANDLERS + 1);
  }, 120_000);
});
