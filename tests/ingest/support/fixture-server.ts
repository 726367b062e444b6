import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

const FIXTURES = new URL('../fixtures/', import.meta.url);

export function fixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

/** The saved pages, by the path the server gives them. */
export const PAGES = {
  barcelona: '/wiki/Building_in_Barcelona_damaged_by_explosion.html',
  schreckengost: '/wiki/Viktor_Schreckengost_dies_at_101.html',
  treaty: '/world/2010/04/09/obama-medvedev-sign-treaty.html',
  loginWall: '/news/council-approves-the-budget.html',
  frontPage: '/index.html',
} as const;

const PAGE_FILES: Readonly<Record<string, string>> = {
  [PAGES.barcelona]: 'wikinews-barcelona-explosion.html',
  [PAGES.schreckengost]: 'wikinews-schreckengost.html',
  [PAGES.treaty]: 'news-site-new-start-treaty.html',
  [PAGES.loginWall]: 'login-wall.html',
  [PAGES.frontPage]: 'front-page.html',
};

export interface FeedItem {
  readonly path: string;
  readonly title: string;
  /** RFC 822 for RSS, ISO for Atom: written as given. */
  readonly date: string;
}

export interface FixtureServer {
  /** `http://127.0.0.1:PORT` */
  readonly base: string;
  url(path: string): string;
  /** Every path requested, in order. */
  readonly requests: readonly string[];
  /** Replaces what `/feeds/live.xml` (RSS) lists. */
  setLiveFeed(items: readonly FeedItem[]): void;
  /** Makes `/feeds/flaky.xml` answer 503 (true) or a valid feed (false). */
  setFlakyFeedFailing(failing: boolean): void;
  close(): Promise<void>;
}

/**
 * An HTTP server on 127.0.0.1 serving the fixture pages, an RSS and an Atom feed listing them,
 * and the hostile cases the fetcher must refuse: redirect chains, redirects to private and
 * metadata addresses, an oversized body (declared and undeclared), a body that never ends, and
 * types that are not documents.
 */
export async function startFixtureServer(): Promise<FixtureServer> {
  const requests: string[] = [];
  let liveFeed: readonly FeedItem[] = [];
  let flakyFailing = true;
  const open = new Set<ServerResponse>();

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://fixture').pathname;
    requests.push(path);
    open.add(response);
    response.on('close', () => open.delete(response));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const page = PAGE_FILES[path];
    if (page !== undefined) return send(response, 200, 'text/html; charset=utf-8', fixture(page));
    switch (path) {
      case '/feeds/rss.xml':
        return send(response, 200, 'application/rss+xml; charset=utf-8', fixture('rss.xml').replaceAll('{{BASE}}', base));
      case '/feeds/atom.xml':
        return send(response, 200, 'application/atom+xml', fixture('atom.xml').replaceAll('{{BASE}}', base));
      case '/feeds/as-xml.xml':
        return send(response, 200, 'text/xml', fixture('atom.xml').replaceAll('{{BASE}}', base));
      case '/feeds/live.xml':
        return send(response, 200, 'application/rss+xml', rss(base, liveFeed));
      case '/feeds/flaky.xml':
        if (flakyFailing) return send(response, 503, 'text/plain', 'Service Unavailable');
        return send(response, 200, 'application/rss+xml', rss(base, [{ path: PAGES.schreckengost, title: 'Schreckengost', date: '' }]));
      case '/gzip/barcelona.html': {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' });
        return response.end(gzipSync(fixture(PAGE_FILES[PAGES.barcelona] ?? '')));
      }
      case '/untitled/barcelona.html':
        return send(response, 200, 'text/html; charset=utf-8', untitled(fixture(PAGE_FILES[PAGES.barcelona] ?? '')));
      case '/plain/article.txt':
        return send(
          response,
          200,
          'text/plain; charset=utf-8',
          'date 2025-07-03\nThe river rose four metres overnight and flooded the old town. Residents were moved to the school gym.\n\nThe mayor said the dikes held and that the water would fall by Friday, when cleaning could begin.\n',
        );
      case '/image.png':
        return send(response, 200, 'image/png', '\x89PNG\r\n\x1a\n');
      case '/untyped':
        response.writeHead(200);
        return response.end('<p>no content type</p>');
      case '/missing.html':
        return send(response, 404, 'text/html', '<h1>Not found</h1>');
      case '/big-declared.html':
        response.writeHead(200, { 'content-type': 'text/html', 'content-length': String(6 * 1024 * 1024) });
        return response.end();
      case '/big-streamed.html':
        return streamBig(response);
      case '/slow.html':
        // Headers and the start of a page, then nothing more: the time cap must end it.
        response.writeHead(200, { 'content-type': 'text/html' });
        return response.write('<!doctype html><html><body><p>The first words of a page that never finishes');
    }
    const hops = /^\/redirect\/(\d+)$/u.exec(path);
    if (hops !== null) {
      const left = Number(hops[1]);
      return redirect(response, left <= 1 ? PAGES.barcelona : `/redirect/${left - 1}`);
    }
    const target = REDIRECTS[path];
    if (target !== undefined) return redirect(response, target);
    send(response, 404, 'text/plain', 'Not found');
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    url: (path) => `${base}${path}`,
    requests,
    setLiveFeed(items) {
      liveFeed = items;
    },
    setFlakyFeedFailing(failing) {
      flakyFailing = failing;
    },
    async close() {
      for (const response of open) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Redirects to places the fetcher must never go. No server listens at any of them, and none is ever contacted. */
const REDIRECTS: Readonly<Record<string, string>> = {
  '/to-private': 'http://10.0.0.1/admin',
  '/to-metadata': 'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
  '/to-ipv6-unique-local': 'http://[fd00:ec2::254]/latest/meta-data/',
  '/to-cgnat': 'http://100.100.100.200/latest/meta-data/',
  '/to-file': 'file:///etc/passwd',
  '/to-localhost-name': 'http://localhost/wiki/secret.html',
};

/** The page without anything that gives its title: no <title>, og:title or heading. */
function untitled(html: string): string {
  return html
    .replace(/<title>[^<]*<\/title>/u, '')
    .replace(/<meta property="og:title"[^>]*>/u, '')
    .replace(/<h1[^>]*>[\s\S]*?<\/h1>/u, '');
}

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(302, { location, 'content-type': 'text/html' });
  response.end('<p>Moved</p>');
}

/** 6 MB of paragraphs, chunked, with no Content-Length: only counting the bytes read can stop it. */
function streamBig(response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'text/html' });
  const chunk = `<p>${'Filler words that make a very long page. '.repeat(1500)}</p>\n`;
  let sent = 0;
  const pump = (): void => {
    while (sent < 6 * 1024 * 1024) {
      sent += chunk.length;
      if (!response.write(chunk)) {
        response.once('drain', pump);
        return;
      }
    }
    response.end();
  };
  response.on('error', () => {});
  pump();
}

function rss(base: string, items: readonly FeedItem[]): string {
  const entries = items
    .map(
      (item) =>
        `<item><title>${item.title}</title><link>${base}${item.path}</link><guid isPermaLink="true">${base}${item.path}</guid>${item.date === '' ? '' : `<pubDate>${item.date}</pubDate>`}</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Live news</title><link>${base}/</link><description>Test feed</description>\n${entries}\n</channel></rss>\n`;
}
