import { ApiErrorCode, apiErrorBody } from './api-errors.js';
import type { RecordedRequest } from './request-log.js';

/** What a fault matcher sees: the request before it is answered. */
export type IncomingRequest = Pick<RecordedRequest, 'method' | 'path' | 'route' | 'params' | 'query' | 'headers' | 'body'>;

/**
 * Selects requests: a route template (`'/interactions/:interactionId/:token/callback'`, see
 * `Route`), optionally prefixed by a method (`'POST /channels/:channelId/messages'`), an exact
 * path, a RegExp tested against the decoded path, or a predicate.
 */
export type RequestMatcher = string | RegExp | ((req: IncomingRequest) => boolean);

export interface FailNextOptions {
  route: RequestMatcher;
  /** Only requests with this method; can also be given in the `route` string. */
  method?: string;
  /** HTTP status to answer with, e.g. 429, 500, 401, 404, 403. */
  status: number;
  /** Seconds, sent as `Retry-After` (fractions allowed, so tests stay fast). Default 0.1 for 429. */
  retryAfter?: number;
  /** For 429: mark the limit as global (`X-RateLimit-Global`). */
  global?: boolean;
  /** Discord JSON error code, e.g. 10062 Unknown interaction. */
  code?: number;
  message?: string;
  /** How many matching requests fail; default 1. */
  times?: number;
}

export interface FaultHandle {
  /** Requests this fault answered so far. */
  readonly hits: number;
  readonly remaining: number;
  /** Stops injecting; returns how many injections were left. */
  cancel(): number;
}

export interface FaultResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

interface ActiveFault {
  readonly options: FailNextOptions;
  remaining: number;
  hits: number;
}

export function requestMatches(matcher: RequestMatcher, method: string | undefined, req: IncomingRequest): boolean {
  if (method !== undefined && method.toUpperCase() !== req.method) return false;
  if (typeof matcher === 'function') return matcher(req);
  if (matcher instanceof RegExp) return matcher.test(req.path);
  const spaced = /^([A-Z]+)\s+(.+)$/.exec(matcher);
  if (spaced?.[1] !== undefined && spaced[2] !== undefined) {
    return spaced[1] === req.method && (spaced[2] === req.route || spaced[2] === req.path);
  }
  return matcher === req.route || matcher === req.path;
}

/** Queue of one-shot failures that take precedence over the real route handlers. */
export class FaultInjector {
  readonly #faults: ActiveFault[] = [];

  add(options: FailNextOptions): FaultHandle {
    const fault: ActiveFault = { options, remaining: options.times ?? 1, hits: 0 };
    this.#faults.push(fault);
    return {
      get hits() {
        return fault.hits;
      },
      get remaining() {
        return fault.remaining;
      },
      cancel: () => {
        const left = fault.remaining;
        fault.remaining = 0;
        return left;
      },
    };
  }

  /** The response for the first armed fault matching `req` (consuming one use), else null. */
  take(req: IncomingRequest): FaultResponse | null {
    const fault = this.#faults.find((f) => f.remaining > 0 && requestMatches(f.options.route, f.options.method, req));
    if (!fault) return null;
    fault.remaining -= 1;
    fault.hits += 1;
    return faultResponse(fault.options);
  }
}

function faultResponse(options: FailNextOptions): FaultResponse {
  const { status } = options;
  if (status === 429) {
    const retryAfter = options.retryAfter ?? 0.1;
    const global = options.global ?? false;
    return {
      status,
      headers: {
        'Retry-After': String(retryAfter),
        'X-RateLimit-Limit': '1',
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset-After': String(retryAfter),
        'X-RateLimit-Scope': global ? 'global' : 'user',
        ...(global ? { 'X-RateLimit-Global': 'true' } : {}),
      },
      body: {
        message: options.message ?? 'You are being rate limited.',
        retry_after: retryAfter,
        global,
        code: options.code ?? ApiErrorCode.General,
      },
    };
  }
  return {
    status,
    headers: options.retryAfter !== undefined ? { 'Retry-After': String(options.retryAfter) } : {},
    body: apiErrorBody(status, options.code, options.message),
  };
}
