import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/corpus/sentences.js';
import { extractArticle } from '../../src/ingest/extract-article.js';
import { IngestRefusal } from '../../src/ingest/ingest-refusal.js';
import { fixture } from './support/fixture-server.js';

const PAGE = 'https://fixtures.example/page.html';

function sentencesOf(paragraphs: readonly string[]): string[] {
  return paragraphs.flatMap((paragraph) => splitSentences(paragraph));
}

describe('extractArticle', () => {
  it('reads a MediaWiki article: the story paragraphs only, the date from its dateline markup, the canonical url', () => {
    const article = extractArticle(fixture('wikinews-barcelona-explosion.html'), PAGE);
    expect(article).toEqual({
      title: 'Building in Barcelona damaged by explosion',
      date: '2005-07-12',
      url: 'https://en.wikinews.org/wiki/Building_in_Barcelona_damaged_by_explosion',
      source: 'Wikinews, the free news source',
      paragraphs: [
        'The Italian Cultural Institute in Barcelona was damaged today by an explosion. One Spanish policeman was injured and his bomb-sniffing dog killed. Staff at the Institute discovered a suspicious object and called police. Police then arrived with a bomb squad and bomb-sniffing dogs.',
        'The explosion, described as small by Italian Embassy spokesman Filip La Rosa, occurred while police were investigating the object. Franco Giordano, Italian consul in Barcelona, described the home-made bomb as a coffee maker (a macchinetta di caffè) with cables.',
        'The Italian Cultural Institute is located at the passatge Méndez Vigo, in the Eixample district of the Catalan capital. Italian language courses were suspended for the day.',
      ],
    });
  });

  it('keeps navigation, sidebars, sources, licence boxes and reader comments out of a wiki page', () => {
    const text = sentencesOf(extractArticle(fixture('wikinews-schreckengost.html'), PAGE).paragraphs).join('\n');
    for (const furniture of [
      'Main page',
      'Related news',
      'Share this',
      'Sources',
      'Washington Post',
      'Creative Commons',
      'Have an opinion',
      'morning paper',
      'Retrieved from',
      'Categories',
      'Privacy policy',
      'This page is archived',
      'Wikinews is a free news source',
    ]) {
      expect(text, furniture).not.toContain(furniture);
    }
    expect(text).toContain('Schreckengost was born on June 26, 1906 in Sebring, Ohio, United States.');
  });

  it('reads a news site page with heavy navigation, a cookie banner, captions, "read more", ads, a newsletter box and ten comments as its six paragraphs', () => {
    const article = extractArticle(fixture('news-site-new-start-treaty.html'), PAGE);
    expect(article.title).toBe('Obama, Medvedev sign treaty cutting nuclear stockpiles');
    expect(article.date).toBe('2010-04-09');
    expect(article.source).toBe('Wikinews');
    expect(article.url).toBe('https://en.wikinews.org/wiki/Obama,_Medvedev_sign_treaty_cutting_nuclear_stockpiles');
    expect(article.paragraphs).toHaveLength(6);
    expect(article.paragraphs[0]).toMatch(/^U\.S\. President Barack Obama and Russian President Dmitri Medvedev have signed a treaty/u);
    expect(article.paragraphs[5]).toMatch(/in the final days of the Soviet Union\.$/u);
    const text = article.paragraphs.join('\n');
    for (const furniture of [
      'cookies',
      'Accept all',
      'Read more',
      'Advertisement',
      'Travel insurance',
      'Sign up',
      'morning briefing',
      'Photo:',
      'signing ceremony in Prague Castle on Thursday',
      'Share:',
      'Margaret',
      'verification',
      'Most read',
      'Related stories',
      'Breaking:',
      'Tags:',
      'Markets rally',
    ]) {
      expect(text, furniture).not.toContain(furniture);
    }
  });

  // The Barcelona article's three paragraphs, as the wrapper tests' story.
  const STORY = [
    'The Italian Cultural Institute in Barcelona was damaged today by an explosion. One Spanish policeman was injured and his bomb-sniffing dog killed. Staff at the Institute discovered a suspicious object and called police. Police then arrived with a bomb squad and bomb-sniffing dogs.',
    'The explosion, described as small by Italian Embassy spokesman Filip La Rosa, occurred while police were investigating the object. Franco Giordano, Italian consul in Barcelona, described the home-made bomb as a coffee maker (a macchinetta di caffè) with cables.',
    'The Italian Cultural Institute is located at the passatge Méndez Vigo, in the Eixample district of the Catalan capital. Italian language courses were suspended for the day.',
  ];
  const FURNITURE = `<div class="share-bar"><a href="/s/fb">Share on Facebook</a> <a href="/s/x">Post</a></div>
    <div class="related"><h3>Related stories</h3><ul><li><a href="/r/1">Markets rally on rate hopes</a></li><li><a href="/r/2">Storm hits the coast</a></li></ul></div>`;
  const page = (body: string) =>
    `<html><head><title>Building in Barcelona damaged by explosion</title></head><body>
      <nav><a href="/">Home</a> <a href="/world">World</a></nav>${body}
      <aside class="sidebar"><h3>Most read</h3><p><a href="/m/1">A story everyone read</a></p></aside>
      <footer><p>Copyright. All rights reserved.</p></footer></body></html>`;
  const paragraphs = STORY.map((paragraph) => `<p>${paragraph}</p>`).join('\n');

  it.each([
    ['<div class="l-sidebar-fixed l-article-body-segment">', '</div>'],
    ['<div class="content-with-sidebar-wrp"><div class="article">', '</div></div>'],
    ['<div class="penci_sidebar"><article>', '</article></div>'],
    ['<div class="Page-ad-margins">', '</div>'],
    ['<div class="non-ad-column-l">', '</div>'],
    ['<div class="ad_body">', '</div>'],
    ['<div class="m-advertisement-off-canvas--pusher"><main>', '</main></div>'],
    ['<div class="td-main-content-wrap td-container-wrap-and-menu">', '</div>'],
    ['<div class="navigation-block">', '</div>'],
    ['<div id="ad-portal">', '</div>'],
    ['<div id="gigya-share-btns-2-container-story">', '</div>'],
    ['<form id="aspnetForm" method="post" action="./story.aspx">', '</form>'],
  ])('keeps the story a furniture-named element wraps: %s', (open, close) => {
    const article = extractArticle(
      page(`${open}<h1>Building in Barcelona damaged by explosion</h1>${FURNITURE}${paragraphs}${close}`),
      PAGE,
    );
    expect(article.paragraphs).toEqual(STORY);
  });

  it('keeps the rest of a story that a paywall box holds, and drops the paywall’s own notice beside it', () => {
    const [first = '', ...rest] = STORY;
    const html = page(`<article><p>${first}</p>
      <div class="paywall">${rest.map((paragraph) => `<p>${paragraph}</p>`).join('')}</div>
      <div class="paywall-notice subscribe"><p>Subscribe for unlimited access</p></div></article>`);
    expect(extractArticle(html, PAGE).paragraphs).toEqual(STORY);
  });

  it('drops the sections that follow an article and point elsewhere: sources, see also, related stories', () => {
    const html = page(`<article>${paragraphs}
      <h2>Sources</h2><ul><li><a href="https://wire.example/a">"Blast in Barcelona"</a> — <i>Example Wire</i>, July 12, 2005</li></ul>
      <p>This text is released under the Creative Commons Attribution 2.5 licence.</p>
      <h2>See also</h2><ul><li>Earlier bombings in the city, as reported at the time by the regional press and radio</li></ul>
      <h3>Related stories</h3><p>Police in Madrid question two men about a parcel left at a station.</p></article>`);
    expect(extractArticle(html, PAGE).paragraphs).toEqual(STORY);
  });

  it('keeps sentences that end in 。！？ as the story they are', () => {
    const sentences = [
      '東京都は十一月十九日、新しい図書館の建設計画を発表した。',
      '図書館は二〇二二年に開館する予定で、約五十万冊の本を収蔵する。',
      '建設費は約百二十億円と見込まれている！',
      '地元の住民からは期待の声が上がっている。',
      '計画に反対する声はないのだろうか？',
      '都の担当者は「誰もが使いやすい施設にしたい」と話した。',
      '新しい図書館には子ども向けの読書室も設けられる。',
      '開館時間は午前九時から午後九時までとなる見込みだ。',
      '駐車場は百台分が整備される。',
      '周辺の道路も同時に整備される計画である。',
      '完成すれば、都内で最も大きな公立図書館の一つになる。',
      '都は来年春までに設計を終える方針だ。',
    ];
    const html = `<html><head><title>新しい図書館の建設計画</title></head><body><article>${sentences.map((sentence) => `<p>${sentence}</p>`).join('')}</article></body></html>`;
    expect(extractArticle(html, PAGE).paragraphs).toEqual(sentences);
  });

  it('refuses a login wall, saying it asks to sign in, and a front page of links, saying it is not an article', () => {
    expect(() => extractArticle(fixture('login-wall.html'), PAGE)).toThrow(/asks to sign in or subscribe/u);
    expect(() => extractArticle(fixture('front-page.html'), PAGE)).toThrow(IngestRefusal);
    expect(() => extractArticle(fixture('front-page.html'), PAGE)).toThrow(/does not look like an article: no article text/u);
    expect(() => extractArticle('', PAGE)).toThrow(/does not look like an article/u);
  });

  it('prefers JSON-LD and Open Graph metadata over the <title>, and reads the date as the publisher wrote it', () => {
    const story = '<p>The council met on Tuesday evening and voted to keep the library open for another year, the mayor said.</p>'.repeat(
      4,
    );
    const html = `<html><head><title>Ignored title | Site</title>
      <meta property="og:title" content="Open Graph title">
      <meta property="og:site_name" content="The Ledger">
      <meta property="article:published_time" content="2025-07-03T23:30:00-04:00">
      <link rel="canonical" href="/news/library">
      <script type="application/ld+json">[{"@type":"Organization","name":"Not it"},{"@type":["NewsArticle"],"headline":"JSON-LD headline","datePublished":"2025-07-01"}]</script>
      <script type="application/ld+json">{ broken json</script>
      </head><body><article>${story}</article></body></html>`;
    expect(extractArticle(html, 'https://ledger.example/a?x=1')).toMatchObject({
      title: 'JSON-LD headline',
      date: '2025-07-03',
      url: 'https://ledger.example/news/library',
      source: 'The Ledger',
    });
  });

  it('falls back to the host name for the source and to the page address for the url', () => {
    const html = `<html><head><title>Plain page</title></head><body><article>${'<p>A sentence long enough to count as the text of an article, with a verb in it.</p>'.repeat(5)}</article></body></html>`;
    expect(extractArticle(html, 'https://www.news.example/plain')).toMatchObject({
      title: 'Plain page',
      date: null,
      url: 'https://www.news.example/plain',
      source: 'news.example',
    });
  });
});

describe('extractArticle: tables, lists and line breaks', () => {
  const INTRO = 'The season ended on Sunday in Homestead, where the title was decided in the last race of the year between four drivers.';
  const OUTRO = 'The new season begins in February, when the teams return to Daytona for the first race of the year.';
  const page = (story: string) =>
    `<html><head><title>Season review</title></head><body><article><h1>Season review</h1><p>${INTRO}</p>${story}<p>${OUTRO}</p></article></body></html>`;

  it('reads a data table as one line per row, its cells separated, the header row first', () => {
    const table = `<table><thead><tr><th>Pos</th><th>Driver</th><th>Points</th></tr></thead><tbody>
      <tr><td>1</td><td>Kyle Busch</td><td>5,040</td></tr>
      <tr><td>2</td><td>Martin Truex Jr.</td><td>5,035</td></tr>
      <tr><td>3</td><td>Kevin Harvick</td><td>5,033</td></tr></tbody></table>`;
    expect(extractArticle(page(table), PAGE).paragraphs).toEqual([
      INTRO,
      'Pos | Driver | Points',
      '1 | Kyle Busch | 5,040',
      '2 | Martin Truex Jr. | 5,035',
      '3 | Kevin Harvick | 5,033',
      OUTRO,
    ]);
  });

  it('reads a table used for layout as the paragraphs in its cells', () => {
    const layout = `<table><tr><td><p>Busch won his second title with a win in the final race, holding off Truex over the last ten laps.</p></td>
      <td><p>Truex finished second, five points behind, after a late pit stop cost him the lead.</p></td></tr></table>`;
    expect(extractArticle(page(layout), PAGE).paragraphs).toEqual([
      INTRO,
      'Busch won his second title with a win in the final race, holding off Truex over the last ten laps.',
      'Truex finished second, five points behind, after a late pit stop cost him the lead.',
      OUTRO,
    ]);
  });

  it('makes lines joined by <br> that are items (tour dates, a numbered list) paragraphs of their own', () => {
    const dates = ['Feb. 16 – Daytona', 'Feb. 23 – Las Vegas', 'Mar. 1 – Fontana', 'Mar. 8 – Phoenix', 'Mar. 15 – Atlanta'];
    const steps = ['1. Qualifying sets the grid', '2. Stage one ends at lap 80', '3. The final stage pays the win'];
    const html = page(`<p>${dates.join('<br>\n')}</p><p>${steps.join('<br>')}</p>`);
    expect(extractArticle(html, PAGE).paragraphs).toEqual([INTRO, ...dates, ...steps, OUTRO]);
  });

  it('keeps a <br> where the sentence runs on as a line break inside the paragraph', () => {
    const html = page('<p>The drivers lined up on the grid for the anthem, and the crowd<br>rose to its feet as the engines started.</p>');
    expect(extractArticle(html, PAGE).paragraphs).toEqual([
      INTRO,
      'The drivers lined up on the grid for the anthem, and the crowd\nrose to its feet as the engines started.',
      OUTRO,
    ]);
  });

  it('keeps the items of a list, short ones without a full stop too, and the sub-headings inside the story', () => {
    const html = page(
      `<h2>What the champion gets</h2><ul><li>A trophy</li><li>The number 1 on his car</li><li>A bonus of $1 million</li></ul>`,
    );
    expect(extractArticle(html, PAGE).paragraphs).toEqual([
      INTRO,
      'What the champion gets',
      'A trophy',
      'The number 1 on his car',
      'A bonus of $1 million',
      OUTRO,
    ]);
  });

  it('never gives a list joined by <br> as one paragraph of a thousand characters', () => {
    const lines = Array.from({ length: 40 }, (_, index) => `Nov. ${index + 1} – Concert at the Arena in City number ${index + 1}`);
    const paragraphs = extractArticle(page(`<p>${lines.join('<br>')}</p>`), PAGE).paragraphs;
    expect(Math.max(...paragraphs.map((paragraph) => paragraph.length))).toBeLessThan(200);
    expect(paragraphs).toHaveLength(42);
  });
});
