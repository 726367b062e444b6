import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../src/ingest/dom.js';
import { readPageMetadata } from '../../src/ingest/page-metadata.js';

/** The metadata of a page whose <head> holds `head` and whose <body> holds `body`. */
function metadataOf(head: string, body = '<p>Text.</p>') {
  return readPageMetadata(
    parseHtmlDocument(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`),
    'https://news.example/a',
  );
}

const jsonLd = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('readPageMetadata: the publication date', () => {
  it('reads an itemprop that lists several properties, datePublished among them', () => {
    expect(metadataOf('<meta itemprop="datePublished dateCreated" content="2019-11-19T11:00:09.000Z">').date).toBe('2019-11-19');
  });

  it('reads <meta property="article:published"> and og:article:published_time', () => {
    expect(metadataOf('<meta property="article:published" content="2019-11-18T17:56:27.000Z">').date).toBe('2019-11-18');
    expect(metadataOf('<meta property="og:article:published_time" content="2019-11-19T21:57:01+0000">').date).toBe('2019-11-19');
  });

  it('reads the date an element marked datePublished shows as its text', () => {
    const body = '<span class="storyDate">Posted: <span itemprop="datePublished">Fri 6:45 PM, Feb 16, 2018</span></span><p>Text.</p>';
    expect(metadataOf('', body).date).toBe('2018-02-16');
  });

  it('finds JSON-LD datePublished in a @graph on a WebPage, in a nested mainEntity, and in a list of types', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Organization', name: 'Inexhibit' },
        { '@type': 'WebPage', '@id': 'https://news.example/a#webpage', datePublished: '2018-04-18T14:39:09+02:00' },
      ],
    };
    expect(metadataOf(jsonLd(graph)).date).toBe('2018-04-18');
    const nested = { '@type': 'WebPage', mainEntity: { '@type': ['NewsArticle', 'Thing'], datePublished: '2019-03-02' } };
    expect(metadataOf(jsonLd(nested)).date).toBe('2019-03-02');
    expect(metadataOf(jsonLd([{ '@type': 'MedicalWebPage', datePublished: '2019-11-14T08:00:00.000Z' }])).date).toBe('2019-11-14');
  });

  it('prefers the article’s own date to a video’s or an image’s inside it', () => {
    const article = {
      '@type': 'NewsArticle',
      video: { '@type': 'VideoObject', datePublished: '2017-01-01' },
      datePublished: '2019-05-06',
    };
    expect(metadataOf(jsonLd(article)).date).toBe('2019-05-06');
    expect(metadataOf(jsonLd({ '@type': 'VideoObject', datePublished: '2017-01-01' })).date).toBeNull();
  });

  it('reads datePublished from a JSON-LD block that is not valid JSON', () => {
    const broken =
      '<script type="application/ld+json">{ "@type": "NewsArticle", "headline": "Plague", "datePublished": "2019-11-18T16:06:51-05:00", "description": "a "quoted" word" }</script>';
    expect(metadataOf(broken).date).toBe('2019-11-18');
  });

  it('passes over a placeholder date (year 1) to the next tag that gives one', () => {
    const head = `${jsonLd({ '@type': 'NewsArticle', datePublished: '0001-01-01T00:00:00Z' })}<meta name="date" content="2019-11-19">`;
    expect(metadataOf(head).date).toBe('2019-11-19');
  });
});

describe('readPageMetadata: the title', () => {
  it('takes the title og:title and the <h1> agree on over a generic JSON-LD headline', () => {
    const head = `<title>List of lighthouses in Wales - Wikipedia</title>
      <meta property="og:title" content="List of lighthouses in Wales - Wikipedia">
      ${jsonLd({ '@type': 'Article', name: 'List of lighthouses in Wales', headline: 'Wikimedia list article' })}`;
    expect(metadataOf(head, '<h1>List of lighthouses in Wales</h1><p>Text.</p>')).toMatchObject({
      title: 'List of lighthouses in Wales',
      siteName: 'Wikipedia',
    });
  });

  it('keeps the JSON-LD headline when no two other sources agree on another title', () => {
    const head = `<title>Ignored title | Site</title><meta property="og:title" content="Open Graph title">
      ${jsonLd({ '@type': 'NewsArticle', headline: 'JSON-LD headline' })}`;
    expect(metadataOf(head, '<h1>Site</h1><p>Text.</p>').title).toBe('JSON-LD headline');
  });
});

describe('readPageMetadata: JSON-LD text', () => {
  it('reads a JSON-LD headline as the HTML publishers write there: entities decoded, tags reduced to their words', () => {
    const head = jsonLd({
      '@type': 'NewsArticle',
      headline: 'Anthony Lynn: &#8220;We needed to win this&nbsp;game&#8221; &amp; <b>more</b>',
    });
    expect(metadataOf(head).title).toBe('Anthony Lynn: “We needed to win this game” & more');
  });
});
