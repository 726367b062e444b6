import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchDocument, type ResolveHost } from '../../src/ingest/fetch-document.js';
import { refusal } from './support/refusal.js';
import { PAGES, startFixtureServer, type FixtureServer } from './support/fixture-server.js';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
});

const local = { allowLoopback: true };

describe('fetchDocument', () => {
  it('reads an HTML page from a loopback server when loopback is allowed', async () => {
    const page = await fetchDocument(server.url(PAGES.barcelona), local);
    expect(page).toMatchObject({ kind: 'html', contentType: 'text/html', url: server.url(PAGES.barcelona) });
    expect(page.text).toContain('Méndez Vigo');
  });

  it('refuses loopback by default, before connecting', async () => {
    const before = server.requests.length;
    const error = await refusal(fetchDocument(server.url(PAGES.barcelona), { allowLoopback: false }));
    expect(error.message).toMatch(/127\.0\.0\.1 is a loopback address .*not a public address/u);
    expect(server.requests.length).toBe(before);
  });

  it('follows a chain of 5 redirects to the page, and says where it ended', async () => {
    const page = await fetchDocument(server.url('/redirect/5'), local);
    expect(page.url).toBe(server.url(PAGES.barcelona));
    expect(page.requestedUrl).toBe(server.url('/redirect/5'));
  });

  it('refuses a sixth redirect', async () => {
    const error = await refusal(fetchDocument(server.url('/redirect/6'), local));
    expect(error.message).toContain('redirects more than 5 times');
  });

  it.each([
    ['/to-private', '10.0.0.1 is a private network address'],
    ['/to-metadata', '169.254.169.254 is a link-local address'],
    ['/to-ipv6-unique-local', 'fd00:ec2::254 is a private network address'],
    ['/to-cgnat', '100.100.100.200 is a carrier-grade NAT address'],
    ['/to-file', 'file:///etc/passwd, which is not an http(s) address'],
  ])('checks every redirect: %s is refused (%s) without being contacted', async (path, reason) => {
    const error = await refusal(fetchDocument(server.url(path), local));
    expect(error.message).toContain(reason);
    expect(error.message).toContain(`redirects to`);
  });

  it('says plainly that a redirect went to an address that is not http(s)', async () => {
    const error = await refusal(fetchDocument(server.url('/to-file'), local));
    expect(error.message).toBe(
      `${server.url('/to-file')} redirects to file:///etc/passwd, which is not an http(s) address; only http:// and https:// pages are fetched`,
    );
  });

  it.each([
    ['a data: address', 'data:text/html,<p>An article that is all in its address.</p>'],
    ['a javascript: address', 'javascript:alert(document.cookie)'],
  ])('refuses %s as an address that is not http(s), never as a file', async (_case, address) => {
    const error = await refusal(fetchDocument(address, local));
    expect(error.message).toMatch(/^(?:data|javascript):.* is not an http\(s\) address; only http:\/\/ and https:\/\/ pages are fetched$/u);
  });

  it('refuses the IPv4-mapped IPv6 form of loopback when loopback is not allowed', async () => {
    const error = await refusal(fetchDocument('http://[::ffff:127.0.0.1]/x', { allowLoopback: false }));
    expect(error.message).toContain('::ffff:7f00:1 is a loopback address');
  });

  it('refuses a host name that resolves to a private address, and one with any inward address among public ones', async () => {
    const inward: ResolveHost = async () => [{ address: '192.168.0.7', family: 4 }];
    expect((await refusal(fetchDocument('http://intranet.example/', { allowLoopback: true, resolve: inward }))).message).toBe(
      'http://intranet.example/ is not fetched: intranet.example resolves to 192.168.0.7, which is a private network address, not a public address',
    );
    const mixed: ResolveHost = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '::ffff:169.254.169.254', family: 6 },
    ];
    expect((await refusal(fetchDocument('http://mixed.example/', { allowLoopback: false, resolve: mixed }))).message).toContain(
      'link-local',
    );
  });

  it('connects to the address it checked, so a second DNS answer cannot redirect the connection (rebinding)', async () => {
    const port = new URL(server.base).port;
    let calls = 0;
    // First answer: the allowed loopback server. Any later answer: a private address. The system
    // resolver cannot resolve this name at all, so only the pinned address can have served the page.
    const rebinding: ResolveHost = async () => {
      calls += 1;
      return calls === 1 ? [{ address: '127.0.0.1', family: 4 }] : [{ address: '10.0.0.1', family: 4 }];
    };
    const page = await fetchDocument(`http://rebinding.invalid:${port}${PAGES.barcelona}`, { allowLoopback: true, resolve: rebinding });
    expect(page.text).toContain('Italian Cultural Institute');
    expect(calls).toBe(1);
  });

  it('resolves the name of every redirect target again and checks it', async () => {
    const error = await refusal(
      fetchDocument(server.url('/to-localhost-name'), { allowLoopback: true, resolve: async () => [{ address: '10.9.8.7', family: 4 }] }),
    );
    expect(error.message).toContain('localhost resolves to 10.9.8.7, which is a private network address');
  });

  it('refuses a body declared larger than 5 MB without reading it', async () => {
    const error = await refusal(fetchDocument(server.url('/big-declared.html'), local));
    expect(error.message).toContain('is 6.0 MB, more than the 5.0 MB limit');
  });

  it('stops reading an undeclared body once it passes 5 MB', async () => {
    const error = await refusal(fetchDocument(server.url('/big-streamed.html'), local));
    expect(error.message).toContain('larger than the 5.0 MB limit');
  });

  it('gives up on a body that does not finish within the time limit', async () => {
    const error = await refusal(fetchDocument(server.url('/slow.html'), { ...local, limits: { timeoutMs: 500 } }));
    expect(error.message).toBe(`${server.url('/slow.html')} did not arrive within 0.5 s; nothing was added`);
    expect(error.retryable).toBe(true);
  });

  it('refuses what is not HTML, text or a feed, and what declares no type', async () => {
    expect((await refusal(fetchDocument(server.url('/image.png'), local))).message).toContain(
      '"image/png"; only web pages (HTML), plain text and RSS / Atom feeds are added',
    );
    expect((await refusal(fetchDocument(server.url('/untyped'), local))).message).toContain('of no declared type');
  });

  it('refuses other schemes, credentials and non-addresses with what to do', async () => {
    expect((await refusal(fetchDocument('ftp://example.com/a.html', local))).message).toContain('only http:// and https://');
    expect((await refusal(fetchDocument('file:///etc/passwd', local))).message).toContain('only http:// and https://');
    expect((await refusal(fetchDocument('http://user:secret@example.com/', local))).message).toContain('user name or password');
    expect((await refusal(fetchDocument('not a url', local))).message).toContain('is not a web address');
  });

  it('reports an HTTP error status, retryable only when the server may recover', async () => {
    const error = await refusal(fetchDocument(server.url('/missing.html'), local));
    expect(error.message).toContain('answered HTTP 404');
    expect(error.retryable).toBe(false);
  });

  it('decompresses a gzip body and tells feeds by type or, for plain XML, by their root element', async () => {
    expect((await fetchDocument(server.url('/gzip/barcelona.html'), local)).text).toContain('Eixample');
    expect((await fetchDocument(server.url('/feeds/rss.xml'), local)).kind).toBe('feed');
    expect((await fetchDocument(server.url('/feeds/as-xml.xml'), local)).kind).toBe('feed');
    expect((await fetchDocument(server.url('/plain/article.txt'), local)).kind).toBe('text');
  });
});
