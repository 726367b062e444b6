import { expect } from 'vitest';
import { LogLevel, logsAtOrAbove, type E2E } from './harness.js';
import { expectNoRejectedRequests, type OutgoingMessageGuard } from './payloads.js';

/**
 * What every end-to-end file checks once all its tests ran, then the teardown: every message
 * the bot sent had mentions disabled and fit Discord's limits, the server refused nothing, and
 * (unless the file provokes them) the bot logged no errors. Always closes bot and server.
 */
export async function finishE2E(
  e2e: E2E | undefined,
  guard: OutgoingMessageGuard,
  options: { readonly botMayLogErrors?: boolean } = {},
): Promise<void> {
  try {
    if (e2e === undefined) return;
    guard.checkAll();
    expectNoRejectedRequests(e2e.server);
    if (options.botMayLogErrors !== true) expect(logsAtOrAbove(e2e.logs, LogLevel.error), 'errors the bot logged').toEqual([]);
  } finally {
    await e2e?.close();
  }
}
