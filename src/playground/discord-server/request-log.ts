import type { RecordedFile } from './http-body.js';

/** One HTTP request the bot made, with the answer it got. */
export interface RecordedRequest {
  /** 1-based arrival order; use `server.requests.length` as a mark to wait only for later ones. */
  readonly seq: number;
  readonly at: number;
  readonly method: string;
  /** The raw request URL as received, e.g. `/api/v10/webhooks/1/tok/messages/%40original`. */
  readonly url: string;
  /** Decoded path below `/api/v10`, e.g. `/webhooks/1/tok/messages/@original`. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Matched route template (e.g. `/interactions/:interactionId/:token/callback`), null if unknown. */
  readonly route: string | null;
  readonly params: Readonly<Record<string, string>>;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly authorization: string | null;
  /** Parsed JSON body (or multipart `payload_json`), null when there was none. */
  readonly body: unknown;
  readonly files: readonly RecordedFile[];
  readonly status: number;
  readonly response: unknown;
  /** True when `failNext` answered instead of the route. */
  readonly fault: boolean;
}

export function summarizeRequest(req: RecordedRequest): string {
  return `#${req.seq} ${req.method} ${req.path} -> ${req.status}${req.fault ? ' (injected)' : ''}${req.route === null ? ' (unknown route)' : ''}`;
}
