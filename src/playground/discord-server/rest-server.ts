import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiErrorCode, apiErrorBody } from './api-errors.js';
import type { FaultInjector, IncomingRequest } from './faults.js';
import { parseBody, readBody, type ParsedBody } from './http-body.js';
import type { RecordedRequest } from './request-log.js';
import { buildRouter, type RouteResult } from './rest-routes.js';
import { pathSegments } from './router.js';
import type { ServerState } from './server-state.js';
import type { WaitableLog } from './waitable-log.js';

/** discord.js sends `${rest.api}/v10${route}`, so with api `http://host/api` every path starts here. */
export const API_PREFIX = '/api/v10';

export interface RestServerOptions {
  state: ServerState;
  faults: FaultInjector;
  log: WaitableLog<RecordedRequest>;
  /** When set, authenticated routes need exactly `Bot <token>`; otherwise any `Bot …` passes. */
  token: string | undefined;
}

/** Handles one HTTP request: parse, record, injected fault or auth error or route, JSON reply. */
export class RestServer {
  readonly #options: RestServerOptions;
  readonly #router = buildRouter();

  constructor(options: RestServerOptions) {
    this.#options = options;
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const rawUrl = req.url ?? '/';
    const url = new URL(rawUrl, 'http://127.0.0.1');
    const headers = flattenHeaders(req);
    let parsed: ParsedBody;
    try {
      parsed = await parseBody(await readBody(req), headers['content-type']);
    } catch (error) {
      parsed = { json: null, files: [], text: `unparseable body: ${String(error)}` };
    }
    const prefixed = url.pathname === API_PREFIX || url.pathname.startsWith(`${API_PREFIX}/`);
    const path = prefixed ? `/${pathSegments(url.pathname.slice(API_PREFIX.length)).join('/')}` : url.pathname;
    const match = prefixed ? this.#router.match(method, path) : null;
    const incoming: IncomingRequest = {
      method,
      path,
      route: match?.template ?? null,
      params: match?.params ?? {},
      query: Object.fromEntries(url.searchParams),
      headers,
      body: parsed.json,
    };

    let result: RouteResult & { headers?: Record<string, string> };
    let fault = false;
    const injected = this.#options.faults.take(incoming);
    if (injected) {
      result = injected;
      fault = true;
    } else if (!match) {
      result = { status: 404, body: apiErrorBody(404, ApiErrorCode.General, '404: Not Found') };
    } else if (match.handler.auth && !this.#authorized(headers.authorization)) {
      // A 401 makes discord.js drop its token, as it would against Discord.
      result = { status: 401, body: apiErrorBody(401) };
    } else {
      try {
        result = match.handler.handle({
          state: this.#options.state,
          params: incoming.params,
          query: incoming.query,
          body: parsed.json,
          files: parsed.files,
        });
      } catch (error) {
        // A handler bug should fail loudly in the test, not look like a Discord outage.
        console.error('[discord-server] route handler threw', error);
        result = { status: 500, body: { ...apiErrorBody(500), error: String(error) } };
      }
    }

    respond(res, result.status, result.body, result.headers ?? {});
    this.#options.log.push({
      ...incoming,
      seq: this.#options.log.total + 1,
      at: Date.now(),
      url: rawUrl,
      authorization: headers.authorization ?? null,
      body: parsed.json ?? parsed.text,
      files: parsed.files,
      status: result.status,
      response: result.body ?? null,
      fault,
    });
  }

  #authorized(header: string | undefined): boolean {
    if (header === undefined || !header.startsWith('Bot ')) return false;
    return this.#options.token === undefined || header === `Bot ${this.#options.token}`;
  }
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function respond(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  if (status === 204 || body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  // discord.js only parses bodies whose Content-Type starts with application/json.
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
