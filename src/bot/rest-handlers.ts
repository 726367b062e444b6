import type { REST } from 'discord.js';

/**
 * discord.js keeps one REST handler per interaction token (each token is a webhook route of its
 * own), about 0.7 KB, until its sweep of idle handlers: hourly by default. A finished
 * interaction's handler is never used again. Sweeping every minute bounds them by time, and
 * sweeping whenever more than `MAX_IDLE_REST_HANDLERS` are held bounds them by count, so that
 * a burst of interactions cannot grow the heap for the rest of the hour.
 */
export const REST_HANDLER_SWEEP_INTERVAL_MS = 60_000;
export const MAX_IDLE_REST_HANDLERS = 100;

/** Drops the idle handlers once more than `max` are held; returns how many were dropped. */
export function sweepIdleRestHandlers(rest: REST, max = MAX_IDLE_REST_HANDLERS): number {
  if (rest.handlers.size <= max) return 0;
  return rest.handlers.sweep((handler) => handler.inactive);
}
