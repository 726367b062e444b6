/**
 * The report page in a real browser (Debian's headless Chromium): readable at 1280 and at 420 px
 * wide, its charts drawn for each width, every question shown as the text it was, and nothing
 * run or loaded. Reads what a person sees, not the HTML.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSampleLog } from '../../bench/question-log-sample.js';
import { buildReport } from '../../src/report/build-report.js';
import { REPO_ROOT } from '../e2e/support/harness.js';
import { launchChromium, type Chromium } from '../playground/support/browser.js';
import { ARTICLE, asked, voted, writeLines } from './support/log-lines.js';

const HOSTILE = '<img src=x onerror=alert(1)> <script>alert(2)</script>';
/** The README's pictures of a report, refreshed with SAVE_SCREENSHOT=1 (see README, "The report"). */
const README_SCREENSHOTS = { wide: join(REPO_ROOT, 'docs', 'report.png'), narrow: join(REPO_ROOT, 'docs', 'report-phone.png') };

let chromium: Chromium;
let dir: string;
let html: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'report-browser-'));
  const file = join(dir, 'questions.jsonl');
  const day = (n: number) => `2026-11-${String(n).padStart(2, '0')}T12:00:00.000Z`;
  const answered = Array.from({ length: 30 }, (_, index) =>
    asked('who makes decisions in russia', 'answered', { time: day(1 + (index % 10)) }),
  );
  await writeLines(file, [
    ...answered,
    ...['how many goals did messi score', 'messi transfer fee', 'is messi moving club'].map((question, index) =>
      asked(question, 'nothing-relevant', { time: day(2 + index) }),
    ),
    asked(`${HOSTILE} bitcoin price`, 'nothing-relevant', { time: day(5) }),
    asked('bitcoin price tomorrow', 'nothing-relevant', { time: day(6) }),
    voted(answered[0] ?? asked('x', 'answered'), 'down', { question: `${HOSTILE} who decides` }),
    voted(answered[1] ?? asked('x', 'answered'), 'up'),
    '{"kind":"question","time":"2026-11-0',
  ]);
  ({ html } = await buildReport({
    file,
    days: null,
    guild: null,
    articles: [{ id: ARTICLE, title: 'Trump says he "didn\'t make any progress" with Putin' }],
    now: Date.parse('2026-11-30T00:00:00Z'),
  }));
  chromium = await launchChromium();
}, 60_000);

afterAll(async () => {
  await chromium?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

interface Seen {
  readonly text: string;
  readonly overflow: number;
  readonly scripts: number;
  readonly images: number;
  /** Charts that are displayed at this width, and the bars or lines each draws. */
  readonly charts: { readonly label: string | null; readonly marks: number; readonly width: number; readonly drawnFor: number }[];
  readonly groups: { readonly title: string; readonly count: string; readonly examples: string[] }[];
  readonly footer: string;
}

async function open(page: Page, width: number): Promise<Seen> {
  await page.setViewport({ width, height: 900 });
  await page.setContent(html, { waitUntil: 'load' });
  // `$eval` hands the page's own elements in (this file is not compiled with the DOM's types).
  return page.$eval('body', (body) => {
    const document = body.ownerDocument;
    const root = document.documentElement;
    const shown = (element: typeof body | null) => element !== null && element.getClientRects().length > 0;
    return {
      // biome-ignore lint/performance/useDomNodeTextContent: what is shown, hidden charts and collapsed details left out
      text: body.innerText,
      overflow: root.scrollWidth - root.clientWidth,
      scripts: document.querySelectorAll('script').length,
      images: document.querySelectorAll('img').length,
      charts: [...document.querySelectorAll('figure.chart svg[aria-label]')]
        .filter((svg) => shown(svg))
        .map((svg) => ({
          label: svg.getAttribute('aria-label'),
          marks: svg.querySelectorAll('rect, path').length,
          width: svg.getBoundingClientRect().width,
          drawnFor: Number(svg.getAttribute('width')),
        })),
      groups: [...document.querySelectorAll('.group')].map((group) => ({
        title: group.querySelector('h3')?.textContent ?? '',
        count: group.querySelector('.count')?.textContent ?? '',
        examples: [...group.querySelectorAll('.examples li')].map((item) => item.textContent ?? ''),
      })),
      footer: document.querySelector('footer')?.textContent ?? '',
    };
  });
}

describe('the report in a browser', () => {
  it.each([1280, 420])('is readable at %i px: no sideways scrolling, its charts drawn to fit, every section shown', async (width) => {
    const page = await chromium.browser.newPage();
    const requests: string[] = [];
    page.on('request', (request) => {
      requests.push(request.url());
    });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const seen = await open(page, width);
    await page.close();

    expect(seen.overflow, 'no horizontal scrolling').toBeLessThanOrEqual(0);
    expect(seen.charts.map((chart) => chart.label)).toEqual([
      'Questions per day, answered and unanswered stacked',
      'Share of questions with nothing relevant, per day',
      'Votes per article',
    ]);
    for (const chart of seen.charts) {
      expect(chart.marks, `${chart.label} draws something`).toBeGreaterThan(2);
      expect(chart.width).toBeLessThanOrEqual(width);
      // Drawn for this width and shown at the size drawn: its text is not scaled down.
      expect(chart.drawnFor).toBe(width > 700 ? 760 : 380);
      expect(Math.abs(chart.width - chart.drawnFor)).toBeLessThan(1);
    }
    for (const heading of [
      'Questions per day',
      'Unanswered share over time',
      'What went unanswered: what to add to the articles',
      '👍 and 👎 per article',
      'Answers voted 👎: the question beside what was shown',
      'Articles cited most, and never',
      'Time to answer',
    ]) {
      expect(seen.text).toContain(heading);
    }
    expect(seen.text).toMatch(/35\s+questions/u);
    expect(seen.text).toMatch(/86 %\s+answered/u);

    expect(seen.groups).toEqual([
      {
        title: 'messi',
        count: '3 questions',
        examples: ['“is messi moving club”', '“messi transfer fee”', '“how many goals did messi score”'],
      },
      { title: 'bitcoin · price', count: '2 questions', examples: ['“bitcoin price tomorrow”', `“${HOSTILE} bitcoin price”`] },
    ]);
    // The 👎 shows its question as typed, beside the passage it was given.
    expect(seen.text).toContain(`“${HOSTILE} who decides”`);
    expect(seen.text).toContain('Only Putin makes decisions in Russia.');
    expect(seen.footer).toContain('Skipped 1 damaged line');

    // Nothing ran, nothing was loaded: the page is its own content.
    expect(seen.scripts).toBe(0);
    expect(seen.images).toBe(0);
    expect(dialogs).toEqual([]);
    expect(requests.filter((url) => !url.startsWith('about:') && !url.startsWith('data:'))).toEqual([]);
  });
});

describe.skipIf(process.env.SAVE_SCREENSHOT !== '1')('the README’s pictures (SAVE_SCREENSHOT=1)', () => {
  it('are taken of the report of a 30-day sample log at 1280 and at 420 px', async () => {
    const file = join(dir, 'sample.jsonl');
    await writeSampleLog(file, { lines: 3000, until: '2026-11-30', days: 30, guilds: ['1000000000000000001'] });
    const sample = await buildReport({
      file,
      days: null,
      guild: null,
      articles: [{ id: ARTICLE, title: 'Trump says he "didn\'t make any progress" with Putin on ending the war in Ukraine' }],
      now: Date.parse('2026-12-01T09:00:00Z'),
    });
    const page = await chromium.browser.newPage();
    for (const [size, width, height] of [
      ['wide', 1280, 1900],
      ['narrow', 420, 2200],
    ] as const) {
      await page.setViewport({ width, height });
      await page.setContent(sample.html, { waitUntil: 'load' });
      await page.screenshot({ path: README_SCREENSHOTS[size], clip: { x: 0, y: 0, width, height } });
    }
    await page.close();
  }, 60_000);
});
