import type { IncomingMessage } from 'node:http';

/**
 * The playground's servers listen on 127.0.0.1 only, but a web page elsewhere can still reach them
 * through the visitor's browser: by DNS rebinding (a name of the attacker's that resolves to
 * 127.0.0.1, sent as `Host`), or by a cross-site request or WebSocket (its `Origin` is the other
 * site). Both servers refuse such requests before doing anything else.
 */

/** `host` or `host:port`, with an IPv6 host in brackets; anything else (user info, paths) is not a Host header. */
const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[^\s:/@[\]]+)(?::\d{1,5})?$/i;

/** True for `localhost`, an address in 127.0.0.0/8 and `[::1]`, with or without a port. */
export function isLoopbackHost(host: string | undefined): boolean {
  if (host === undefined) return false;
  const match = HOST_HEADER.exec(host.trim());
  const name = match?.[1]?.toLowerCase();
  if (name === undefined) return false;
  if (name === 'localhost' || name === '[::1]') return true;
  const octets = name.split('.');
  return octets.length === 4 && octets[0] === '127' && octets.every((octet) => /^\d{1,3}$/.test(octet) && Number(octet) <= 255);
}

/** True when the request came from no web page (no `Origin`: discord.js, curl) or from a page on a loopback host. */
export function isLoopbackOrigin(origin: string | undefined): boolean {
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHost(url.host);
}

/** Why a request (or WebSocket upgrade) must be refused, in words for the response, or null when it may proceed. */
export function foreignRequestReason(req: Pick<IncomingMessage, 'headers'>): string | null {
  if (!isLoopbackHost(req.headers.host)) {
    return `refused: the Host header (${JSON.stringify(req.headers.host ?? '')}) is not a loopback name; open the playground at http://127.0.0.1:PORT`;
  }
  if (!isLoopbackOrigin(req.headers.origin)) {
    return `refused: a page at ${JSON.stringify(req.headers.origin)} may not use the playground`;
  }
  return null;
}
