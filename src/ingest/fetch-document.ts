import { lookup as dnsLookup } from 'node:dns/promises';
import type { IncomingMessage } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { refusedAddress, type AddressPolicy } from './address-policy.js';
import { decodeDocument } from './document-encoding.js';
import { IngestRefusal } from './ingest-refusal.js';

/** What a fetched document is, from its declared content type (XML is looked at to tell a feed). */
export type DocumentKind = 'html' | 'text' | 'feed';

export interface FetchedDocument {
  /** The address asked for. */
  readonly requestedUrl: string;
  /** The address the document was finally read from, after redirects. */
  readonly url: string;
  readonly kind: DocumentKind;
  /** The declared media type, without parameters, e.g. `text/html`. */
  readonly contentType: string;
  /** The body, decoded with its declared (or, for HTML, `<meta charset>`) encoding. */
  readonly text: string;
}

export interface FetchLimits {
  /** Largest body read, after decompression. Default 5 MB. */
  readonly maxBytes: number;
  /** Time for the whole fetch, redirects included. Default 15 s. */
  readonly timeoutMs: number;
  /** Redirects followed at most. Default 5. */
  readonly maxRedirects: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { maxBytes: 5 * 1024 * 1024, timeoutMs: 15_000, maxRedirects: 5 };

export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** Every address a host name resolves to. Default: the system resolver (`dns.lookup`, all addresses). */
export type ResolveHost = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export interface FetchOptions extends AddressPolicy {
  readonly limits?: Partial<FetchLimits>;
  /** Test seam for DNS; never set by the bot or the CLI. */
  readonly resolve?: ResolveHost;
}

const USER_AGENT = 'article-qa-bot (adds news articles to a question-answering corpus)';
const ACCEPT = 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8';
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

const KIND_OF_TYPE: Readonly<Record<string, DocumentKind | 'xml'>> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': 'text',
  'application/rss+xml': 'feed',
  'application/atom+xml': 'feed',
  'application/rdf+xml': 'feed',
  'application/xml': 'xml',
  'text/xml': 'xml',
};

/**
 * Fetches an http(s) document that people named, safely: every host is resolved and each of its
 * addresses checked before connecting (`refusedAddress`), the connection goes to the address
 * that was checked (so a second DNS answer cannot point it elsewhere), redirects are followed
 * by hand and checked the same way, and size, time and content type are capped. Anything
 * refused throws an `IngestRefusal` saying why.
 */
export async function fetchDocument(address: string, options: FetchOptions): Promise<FetchedDocument> {
  const limits = { ...DEFAULT_FETCH_LIMITS, ...options.limits };
  const resolve = options.resolve ?? systemResolve;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  let url = webAddress(address);
  let redirectedFrom: URL | null = null;
  try {
    for (let redirects = 0; ; redirects += 1) {
      const pinned = await checkedAddress(url, resolve, options, redirectedFrom);
      const response = await get(url, pinned, controller.signal);
      const location = response.headers.location;
      if (REDIRECT_STATUSES.has(response.statusCode ?? 0) && location !== undefined) {
        response.destroy();
        if (redirects >= limits.maxRedirects)
          throw new IngestRefusal(`${address} redirects more than ${limits.maxRedirects} times; not followed further`);
        redirectedFrom = url;
        url = webAddress(new URL(location, url).href, url);
        continue;
      }
      return await readDocument(address, url, response, limits);
    }
  } catch (error) {
    // However the time-out surfaced (a failed read, a failed connection), it is the reason.
    if (controller.signal.aborted) {
      throw new IngestRefusal(`${address} did not arrive within ${limits.timeoutMs / 1000} s; nothing was added`, {
        retryable: true,
        cause: error,
      });
    }
    throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

/**
 * The URL, if it is an absolute http(s) address without credentials; else an `IngestRefusal`
 * saying what it is instead. `redirectedFrom`: the page whose redirect named it.
 */
export function webAddress(text: string, redirectedFrom: URL | null = null): URL {
  // "x redirects to y, which is not …" after a redirect; "y is not …" for an address a person gave.
  const subject = (shown: string) => (redirectedFrom === null ? shown : `${redirectedFrom.href} redirects to ${shown}, which`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new IngestRefusal(
      `${subject(JSON.stringify(shortened(text)))} is not a web address (expected one starting with http:// or https://)`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new IngestRefusal(`${subject(shortened(url.href))} is not an http(s) address; only http:// and https:// pages are fetched`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new IngestRefusal(`${subject(`${url.protocol}//${url.host}…`)} carries a user name or password; such addresses are not fetched`);
  }
  return url;
}

// A `data:` address can hold a whole page; a message shows its start.
const MAX_SHOWN_ADDRESS = 200;

function shortened(address: string): string {
  return address.length <= MAX_SHOWN_ADDRESS ? address : `${address.slice(0, MAX_SHOWN_ADDRESS - 1)}…`;
}

async function checkedAddress(url: URL, resolve: ResolveHost, policy: AddressPolicy, redirectedFrom: URL | null): Promise<ResolvedAddress> {
  const target = redirectedFrom === null ? url.href : `${redirectedFrom.href} redirects to ${url.href}, which`;
  // URL keeps IPv6 literals in brackets.
  const host = url.hostname.replace(/^\[(.*)\]$/u, '$1');
  const family = isIP(host);
  let addresses: readonly ResolvedAddress[];
  if (family === 4 || family === 6) addresses = [{ address: host, family }];
  else {
    try {
      addresses = await resolve(host);
    } catch (error) {
      throw new IngestRefusal(`${url.host} could not be found (DNS: ${errorCode(error)})`, { retryable: true, cause: error });
    }
  }
  if (addresses.length === 0) throw new IngestRefusal(`${url.host} has no address`, { retryable: true });
  // Every address must be public: a name that also resolves inward is not to be trusted.
  for (const { address } of addresses) {
    const refusal = refusedAddress(address, policy);
    if (refusal !== null) {
      const what = host === address ? address : `${host} resolves to ${address}, which`;
      throw new IngestRefusal(`${target} is not fetched: ${what} is ${refusal}, not a public address`);
    }
  }
  const [first] = addresses;
  if (first === undefined) throw new IngestRefusal(`${url.host} has no address`, { retryable: true });
  return first;
}

async function systemResolve(hostname: string): Promise<readonly ResolvedAddress[]> {
  const answers = await dnsLookup(hostname, { all: true, verbatim: true });
  return answers.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
}

/** GET `url`, connecting to `pinned` whatever the resolver would say now. */
function get(url: URL, pinned: ResolvedAddress, signal: AbortSignal): Promise<IncomingMessage> {
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if (options.all === true) callback(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  };
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: 'GET',
        lookup,
        signal,
        // A fresh connection per request: a pooled socket could belong to another, earlier address.
        agent: false,
        headers: { 'user-agent': USER_AGENT, accept: ACCEPT, 'accept-encoding': 'gzip, deflate, br' },
      },
      resolve,
    );
    outgoing.on('error', (error) => {
      reject(
        signal.aborted
          ? error
          : new IngestRefusal(`${url.href} could not be fetched (${errorCode(error)})`, { retryable: true, cause: error }),
      );
    });
    outgoing.end();
  });
}

async function readDocument(requested: string, url: URL, response: IncomingMessage, limits: FetchLimits): Promise<FetchedDocument> {
  const status = response.statusCode ?? 0;
  if (status < 200 || status > 299) {
    response.destroy();
    throw new IngestRefusal(`${url.href} answered HTTP ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}`, {
      retryable: status === 408 || status === 429 || status >= 500,
    });
  }
  const header = response.headers['content-type'] ?? '';
  const contentType = header.split(';')[0]?.trim().toLowerCase() ?? '';
  const declaredKind = KIND_OF_TYPE[contentType];
  if (declaredKind === undefined) {
    response.destroy();
    throw new IngestRefusal(
      `${url.href} is ${contentType === '' ? 'of no declared type' : `"${contentType}"`}; only web pages (HTML), plain text and RSS / Atom feeds are added`,
    );
  }
  const declaredLength = Number(response.headers['content-length']);
  if (Number.isFinite(declaredLength) && declaredLength > limits.maxBytes) {
    response.destroy();
    throw new IngestRefusal(`${url.href} is ${megabytes(declaredLength)}, more than the ${megabytes(limits.maxBytes)} limit`);
  }
  const bytes = await readCapped(decoded(response, url), limits.maxBytes, url);
  const text = decodeDocument(bytes, header);
  const kind = declaredKind === 'xml' ? xmlKind(text, url) : declaredKind;
  return { requestedUrl: requested, url: url.href, kind, contentType, text };
}

function decoded(response: IncomingMessage, url: URL): Readable {
  const encoding = (response.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  const decompress = { gzip: createGunzip, 'x-gzip': createGunzip, deflate: createInflate, br: createBrotliDecompress }[encoding];
  if (encoding === 'identity' || encoding === '') return response;
  if (decompress === undefined) {
    response.destroy();
    throw new IngestRefusal(`${url.href} is sent with an encoding we cannot read ("${encoding}")`);
  }
  const stream = decompress();
  response.on('error', (error) => stream.destroy(error));
  return response.pipe(stream);
}

/** The body, refused as soon as it passes `maxBytes` (so a huge or endless body costs no more than that). */
async function readCapped(stream: Readable, maxBytes: number, url: URL): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      total += buffer.length;
      if (total > maxBytes) {
        stream.destroy();
        throw new IngestRefusal(`${url.href} is larger than the ${megabytes(maxBytes)} limit; not read further`);
      }
      chunks.push(buffer);
    }
  } catch (error) {
    if (error instanceof IngestRefusal) throw error;
    throw new IngestRefusal(`${url.href} broke off while being read (${errorCode(error)})`, { retryable: true, cause: error });
  }
  return Buffer.concat(chunks);
}

/** `application/xml` is used for feeds and for much else; the root element tells. */
function xmlKind(text: string, url: URL): DocumentKind {
  const root = /<(?!\?|!)([\w:-]+)/u.exec(text)?.[1]?.toLowerCase();
  if (root === 'rss' || root === 'feed' || root === 'rdf:rdf') return 'feed';
  throw new IngestRefusal(`${url.href} is an XML document but not an RSS or Atom feed (its root element is <${root ?? '?'}>)`);
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;
}

function errorCode(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}
