/**
 * `npx tsx bench/extract/make-pages.ts`: writes the in-repo extraction set, bench/extract/pages:
 * Wikinews articles from eval/news (CC BY 2.5) placed in page layouts made up for the benchmark,
 * one for each way real pages were seen to defeat extraction (see bench/extract/pages/README.md),
 * with each page's true body beside it in ground-truth.json. The layouts and every word of
 * furniture in them are our own; no real site's markup is copied.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArticle } from '../../src/corpus/parse-article.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = join(ROOT, 'bench/extract/pages');

interface Story {
  readonly title: string;
  readonly date: string;
  readonly url: string;
  readonly paragraphs: readonly string[];
}

interface BenchPageSource {
  readonly id: string;
  readonly html: string;
  /** The article body as a reader would copy it: paragraphs, and whatever rows, items and sub-headings the layout adds to the story. */
  readonly truth: readonly string[];
  readonly url: string;
}

async function story(id: string): Promise<Story> {
  const file = join(ROOT, 'eval/news/articles', `${id}.md`);
  const { article } = parseArticle(file, id, 'md', await readFile(file, 'utf8'));
  if (article === null || article.date === null || article.url === null) throw new Error(`${file} does not load with a date and url`);
  return { title: article.title, date: article.date, url: article.url, paragraphs: article.paragraphs };
}

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
const paragraphs = (texts: readonly string[]) => texts.map((text) => `<p>${escapeHtml(text)}</p>`).join('\n');

function head(story: Story, site: string, extra = ''): string {
  const jsonLd = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: story.title,
    datePublished: story.date,
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(story.title)} | ${site}</title>
<meta property="og:title" content="${escapeHtml(story.title)}"><meta property="og:site_name" content="${site}">
<link rel="canonical" href="${story.url}"><script type="application/ld+json">${jsonLd}</script>${extra}</head>`;
}

const SITE_NAV = `<header class="site-header"><a class="logo" href="/">The Daily Ledger</a>
<nav class="main-menu"><ul><li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/science">Science</a></li><li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
<form class="search" action="/search"><input name="q" placeholder="Search"><button>Go</button></form></header>`;
const SHARE_BAR = `<div class="share-tools"><a href="/share/facebook">Share on Facebook</a> <a href="/share/x">Post</a> <a href="/share/mail">Email this story</a></div>`;
const RELATED = `<div class="related-links"><h3>More from the Ledger</h3><ul><li><a href="/r/1">Council votes to keep the ferry running through winter</a></li><li><a href="/r/2">Five things to watch at the markets this week</a></li><li><a href="/r/3">The town that painted every bridge blue</a></li></ul></div>`;
const SIDEBAR = `<aside class="sidebar"><h3>Most read</h3><ol><li><a href="/m/1">A recipe for bread that takes three days</a></li><li><a href="/m/2">Why the trains were late all week</a></li><li><a href="/m/3">Ten photographs of the autumn fog</a></li></ol><div class="newsletter"><p>Get the morning briefing in your inbox every day.</p><form><input type="email"><button>Sign up</button></form></div></aside>`;
const FOOTER = `<footer class="site-footer"><p>© The Daily Ledger. All rights reserved.</p><p><a href="/about">About us</a> · <a href="/privacy">Privacy</a> · <a href="/terms">Terms of use</a></p></footer>`;
const COOKIES = `<div class="cookie-banner" role="dialog"><p>We use cookies to understand how you use our site and to show you relevant advertising.</p><button>Accept all</button><button>Settings</button></div>`;

async function pages(): Promise<BenchPageSource[]> {
  const ie6 = await story('2011-03-08-microsoft-internet-explorer-6-countdown');
  const quake = await story('2011-03-13-death-toll-rises-japan-quake');
  const fukushima = await story('2011-04-12-fukushima-level-seven-iwaki-aftershock');
  const baker = await story('2019-10-07-ginger-baker-dies');
  const worldCup = await story('2018-06-19-world-cup-2018-day-five');
  const gliders = await story('2012-08-31-gliders-beat-brazil-paralympic-opener');
  const toilet = await story('2019-09-18-gold-toilet-theft-arrests');
  const lorenzo = await story('2019-10-02-hurricane-lorenzo-azores-ireland');
  const corona = await story('2020-01-20-coronavirus-cases-underestimated');
  const invasion = await story('2022-02-24-russia-launches-full-scale-invasion');

  const [bakerFirst = '', bakerSecond = '', ...bakerRest] = baker.paragraphs;
  const results = [
    'Group | Match | Score | Stadium',
    'F | Sweden – South Korea | 1 – 0 | Nizhny Novgorod Stadium',
    'G | Belgium – Panama | 3 – 0 | Fisht Stadium, Sochi',
    'G | Tunisia – England | 1 – 2 | Volgograd Arena',
  ];
  const scorers = ['Cobi Crispin – 18 points', 'Amber Merritt – 16 points'];
  const [invasionFirst = '', invasionSecond = '', ...invasionRest] = invasion.paragraphs;
  const invasionMiddle = invasionRest.slice(0, 2);
  const invasionEnd = invasionRest.slice(2);
  const japanese = [
    '東京都は十一月十九日、新しい中央図書館の建設計画を発表した。',
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

  return [
    {
      id: 'wrapper-named-sidebar',
      url: ie6.url,
      truth: ie6.paragraphs,
      html: `${head(ie6, 'The Daily Ledger')}<body>${COOKIES}${SITE_NAV}
<div class="page-content-with-sidebar-wrp"><div class="l-sidebar-fixed l-article-body-segment">
<h1>${escapeHtml(ie6.title)}</h1><p class="byline">By Ledger staff</p>${SHARE_BAR}
${paragraphs(ie6.paragraphs)}
${RELATED}</div>${SIDEBAR}</div>${FOOTER}</body></html>`,
    },
    {
      id: 'wrapper-named-ad',
      url: quake.url,
      truth: quake.paragraphs,
      html: `${head(quake, 'The Daily Ledger')}<body>${SITE_NAV}<div class="Page-ad-margins"><div class="non-ad-column-l"><div class="ad_body">
<h1>${escapeHtml(quake.title)}</h1>
${paragraphs(quake.paragraphs.slice(0, 2))}
<div class="ad ad-slot-inline"><span>Advertisement</span></div>
${paragraphs(quake.paragraphs.slice(2))}
</div></div><div class="ad-column-r"><div class="ad">Advertisement</div></div></div>${FOOTER}</body></html>`,
    },
    {
      id: 'whole-page-form',
      url: fukushima.url,
      truth: fukushima.paragraphs,
      html: `${head(fukushima, 'The Daily Ledger')}<body><form id="aspnetForm" method="post" action="./story.aspx">
<input type="hidden" name="__VIEWSTATE" value="dDwtMTI3OTMzNDM4NDs7Pg==">${SITE_NAV}
<div id="main"><h1>${escapeHtml(fukushima.title)}</h1><span class="date">${fukushima.date}</span>
${paragraphs(fukushima.paragraphs)}
</div>${SIDEBAR}${FOOTER}</form></body></html>`,
    },
    {
      id: 'paywall-holds-the-rest',
      url: baker.url,
      truth: baker.paragraphs,
      html: `${head(baker, 'The Daily Ledger')}<body>${SITE_NAV}<main><article><h1>${escapeHtml(baker.title)}</h1>
<p>${escapeHtml(bakerFirst)}</p><p>${escapeHtml(bakerSecond)}</p>
<div class="paywall">${paragraphs(bakerRest)}</div>
<div class="paywall-prompt subscribe"><p>Subscribers read on without limits. Already a subscriber?</p><a href="/login">Log in</a></div>
</article></main>${FOOTER}</body></html>`,
    },
    {
      id: 'results-table',
      url: worldCup.url,
      truth: [...worldCup.paragraphs, ...results],
      html: `${head(worldCup, 'The Daily Ledger')}<body>${SITE_NAV}<main><article><h1>${escapeHtml(worldCup.title)}</h1>
${paragraphs(worldCup.paragraphs)}
<table class="results"><thead><tr><th>Group</th><th>Match</th><th>Score</th><th>Stadium</th></tr></thead><tbody>
<tr><td>F</td><td>Sweden – South Korea</td><td>1 – 0</td><td>Nizhny Novgorod Stadium</td></tr>
<tr><td>G</td><td>Belgium – Panama</td><td>3 – 0</td><td>Fisht Stadium, Sochi</td></tr>
<tr><td>G</td><td>Tunisia – England</td><td>1 – 2</td><td>Volgograd Arena</td></tr></tbody></table>
${SHARE_BAR}</article></main>${SIDEBAR}${FOOTER}</body></html>`,
    },
    {
      id: 'br-joined-list',
      url: gliders.url,
      truth: [...gliders.paragraphs.slice(0, -1), 'Leading scorers:', ...scorers, ...gliders.paragraphs.slice(-1)],
      html: `${head(gliders, 'The Daily Ledger')}<body>${SITE_NAV}<div class="story-body"><h1>${escapeHtml(gliders.title)}</h1>
${paragraphs(gliders.paragraphs.slice(0, -1))}
<p>Leading scorers:<br>${scorers.join('<br>\n')}</p>
${paragraphs(gliders.paragraphs.slice(-1))}
</div>${FOOTER}</body></html>`,
    },
    {
      id: 'text-loose-in-sections',
      url: toilet.url,
      truth: toilet.paragraphs,
      html: `${head(toilet, 'The Daily Ledger')}<body>${SITE_NAV}<section class="article-section"><h1>${escapeHtml(toilet.title)}</h1>
<section class="article-page">${toilet.paragraphs
        .map(
          (text, index) =>
            `${escapeHtml(text)}<br>\n${index % 2 === 0 ? '<ul><li><a href="/deal">See the palace tour on our partner site</a></li></ul>' : ''}`,
        )
        .join('\n')}</section></section>${FOOTER}</body></html>`,
    },
    {
      id: 'wiki-layout',
      url: lorenzo.url,
      truth: lorenzo.paragraphs,
      html: `${head(lorenzo, 'Wikinews')}<body><div id="mw-navigation"><ul><li><a href="/wiki/Main_Page">Main page</a></li><li><a href="/wiki/Special:Random">Random article</a></li><li><a href="/wiki/Help">Help</a></li></ul></div>
<div id="content" class="mw-body"><h1 id="firstHeading">${escapeHtml(lorenzo.title)}</h1><div id="bodyContent"><div class="mw-parser-output">
<p><strong class="published">${lorenzo.date}</strong></p>
<div class="infobox sisterproject"><p>Related news</p><ul><li><a href="/wiki/Storm">Storm season begins early in the Atlantic</a></li></ul></div>
${paragraphs(lorenzo.paragraphs)}
<h2>Sources</h2><ul><li><a href="https://example.org/a">"Lorenzo nears the Azores"</a> — <i>Example Wire</i>, October 1, 2019</li></ul>
<div class="cc-by noprint"><p>This text is released under the Creative Commons Attribution 2.5 licence.</p></div>
</div><div id="catlinks" class="catlinks"><a href="/wiki/Category:Weather">Weather</a> | <a href="/wiki/Category:Portugal">Portugal</a></div></div></div>
<div id="footer"><p>Retrieved from the wiki.</p></div></body></html>`,
    },
    {
      id: 'heavy-furniture',
      url: corona.url,
      truth: corona.paragraphs,
      html: `${head(corona, 'The Daily Ledger')}<body>${COOKIES}${SITE_NAV}<div class="breaking-ticker"><a href="/live">Breaking: markets open higher</a></div>
<main><article class="story"><h1>${escapeHtml(corona.title)}</h1><div class="meta"><span>By Ledger staff</span> <time datetime="${corona.date}">${corona.date}</time></div>${SHARE_BAR}
<figure><img src="/lab.jpg" alt=""><figcaption>A laboratory in the city, photographed last year.</figcaption></figure>
${paragraphs(corona.paragraphs.slice(0, 2))}
<p class="read-more"><a href="/related">Read more: How the first cases were found</a></p>
${paragraphs(corona.paragraphs.slice(2))}
<div class="tags">Tags: <a href="/t/health">health</a> <a href="/t/science">science</a></div>
${RELATED}
<section id="comments" class="comments"><h3>12 comments</h3><div class="comment"><p>Margaret: I read the study and it is worth reading in full, thank you.</p></div><div class="comment"><p>Tom: The numbers will be higher still by next week, you will see.</p></div></section>
</article></main>${SIDEBAR}${FOOTER}</body></html>`,
    },
    {
      id: 'sub-headings',
      url: invasion.url,
      truth: [invasionFirst, invasionSecond, 'The attack', ...invasionMiddle, 'Reactions', ...invasionEnd],
      html: `${head(invasion, 'The Daily Ledger')}<body>${SITE_NAV}<main><article><h1>${escapeHtml(invasion.title)}</h1>
${paragraphs([invasionFirst, invasionSecond])}<h2>The attack</h2>${paragraphs(invasionMiddle)}<h2>Reactions</h2>${paragraphs(invasionEnd)}
</article></main>${SIDEBAR}${FOOTER}</body></html>`,
    },
    {
      id: 'japanese-sentences',
      url: 'https://news.example/ja/library',
      truth: japanese,
      html: `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>新しい中央図書館の建設計画 | 例示新聞</title></head><body>
<nav><a href="/">トップ</a> <a href="/national">国内</a></nav><article><h1>新しい中央図書館の建設計画</h1>
${paragraphs(japanese)}</article><footer><p>© 例示新聞</p></footer></body></html>`,
    },
  ];
}

const made = await pages();
await mkdir(join(OUT, 'html'), { recursive: true });
const truth: Record<string, { articleBody: string; url: string }> = {};
for (const page of made) {
  await writeFile(join(OUT, 'html', `${page.id}.html`), `${page.html}\n`);
  truth[page.id] = { articleBody: page.truth.join('\n'), url: page.url };
}
await writeFile(join(OUT, 'ground-truth.json'), `${JSON.stringify(truth, null, 2)}\n`);
console.log(`wrote ${made.length} pages to ${OUT}`);
