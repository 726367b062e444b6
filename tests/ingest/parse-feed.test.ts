import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/ingest/parse-feed.js';
import { fixture } from './support/fixture-server.js';

const BASE = 'http://127.0.0.1:8080';
const feed = (name: string) => fixture(name).replaceAll('{{BASE}}', BASE);

describe('parseFeed', () => {
  it('reads an RSS 2.0 feed: link (or permalink guid), title and date of each item; items without an address are skipped', () => {
    expect(parseFeed(feed('rss.xml'), `${BASE}/feeds/rss.xml`)).toEqual({
      format: 'rss',
      title: 'Wikinews (fixture): Europe and North America',
      entries: [
        {
          url: `${BASE}/wiki/Building_in_Barcelona_damaged_by_explosion.html?utm_source=rss&utm_medium=feed`,
          title: 'Building in Barcelona damaged by explosion',
          date: '2005-07-12',
        },
        { url: `${BASE}/wiki/Viktor_Schreckengost_dies_at_101.html`, title: 'Viktor Schreckengost dies at 101', date: '2008-01-27' },
        {
          url: `${BASE}/news/council-approves-the-budget.html`,
          title: 'Council approves the budget after a long night',
          date: '2025-06-30',
        },
      ],
    });
  });

  it('reads an Atom feed: the alternate link (relative ones resolved against the feed), title and published date', () => {
    expect(parseFeed(feed('atom.xml'), `${BASE}/feeds/atom.xml`)).toEqual({
      format: 'atom',
      title: 'Wikinews (fixture): world',
      entries: [
        {
          url: `${BASE}/world/2010/04/09/obama-medvedev-sign-treaty.html`,
          title: 'Obama, Medvedev sign treaty cutting nuclear stockpiles',
          date: '2010-04-09',
        },
        { url: `${BASE}/wiki/Viktor_Schreckengost_dies_at_101.html`, title: 'Viktor Schreckengost dies at 101', date: '2008-01-27' },
      ],
    });
  });

  it('reads an RSS 1.0 (RDF) feed', () => {
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="${BASE}/"><title>RDF news</title></channel>
      <item rdf:about="${BASE}/a"><title>A</title><link>${BASE}/a</link><dc:date>2024-02-29T10:00:00Z</dc:date></item></rdf:RDF>`;
    expect(parseFeed(rdf, `${BASE}/rdf`)).toEqual({
      format: 'rdf',
      title: 'RDF news',
      entries: [{ url: `${BASE}/a`, title: 'A', date: '2024-02-29' }],
    });
  });

  it('skips links that are not http(s) and repeated entries', () => {
    const rss = `<rss><channel><title>T</title>
      <item><link>javascript:alert(1)</link></item><item><link>ftp://x.example/a</link></item>
      <item><link>${BASE}/same</link></item><item><link>${BASE}/same</link></item></channel></rss>`;
    expect(parseFeed(rss, `${BASE}/f`).entries.map((entry) => entry.url)).toEqual([`${BASE}/same`]);
  });

  it('refuses a document that is not a feed, and does not expand entities a hostile DTD declares', () => {
    expect(() => parseFeed('<html><body>Hi</body></html>', `${BASE}/f`)).toThrow(
      /is not an RSS or Atom feed \(its root element is <html>\)/u,
    );
    const laughs = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
      <rss><channel><title>&c;</title><item><title>&c;</title><link>${BASE}/x</link></item></channel></rss>`;
    const parsed = parseFeed(laughs, `${BASE}/f`);
    expect(parsed.entries).toHaveLength(1);
    expect((parsed.entries[0]?.title ?? '').length).toBeLessThan(100);
  });
});
