import type { ClientOptions } from 'discord.js';
import type { DiscordServer } from './server.js';

/**
 * Client options for tests against a DiscordServer: REST pointed at it, and no identify
 * throttle. discord.js waits until 5 s (+ up to 1.5 s jitter) after a shard's previous IDENTIFY
 * before identifying again (e.g. after op 9), which only slows tests down.
 */
export function testClientOptions(server: DiscordServer): Pick<ClientOptions, 'rest' | 'ws'> {
  return {
    rest: { api: server.apiUrl },
    ws: { buildIdentifyThrottler: () => ({ waitForIdentify: () => Promise.resolve() }) },
  };
}
