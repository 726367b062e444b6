/**
 * How much the Discord-compatible server keeps, so that its memory stays bounded however long it
 * runs (the playground runs for days; a test for seconds). Whatever is over a limit is forgotten,
 * oldest first.
 */
export interface ServerLimits {
  /**
   * Messages kept per channel; older ones are gone as if deleted (their buttons say so). Discord
   * keeps them all, but hands out the last 50 and pages back. Default 5,000.
   */
  readonly messagesPerChannel: number;
  /** Entries kept in each log (requests, gateway events); waiters still see every new entry. Default 10,000. */
  readonly logEntries: number;
  /**
   * Interactions remembered for their callbacks and webhooks; an older one answers as an expired
   * one does on Discord (its token lasts 15 minutes there). Default 5,000.
   */
  readonly interactions: number;
}

export const DEFAULT_SERVER_LIMITS: ServerLimits = { messagesPerChannel: 5_000, logEntries: 10_000, interactions: 5_000 };

export function resolveServerLimits(limits: Partial<ServerLimits> = {}): ServerLimits {
  const resolved = { ...DEFAULT_SERVER_LIMITS, ...limits };
  for (const [name, value] of Object.entries(resolved)) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`server limit ${name} must be a whole number from 1 (got ${value})`);
  }
  return resolved;
}
