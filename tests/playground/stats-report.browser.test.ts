/**
 * Issue 19's "done when": after 50 questions in the playground (some the articles cannot answer,
 * some voted on), `npm run report` shows the unanswered ones grouped, the playground's sidebar
 * link shows the same report, and `/stats` in the page shows the same figures for the server.
 * Every report is read in a real browser (Debian's headless Chromium), as a person sees it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { runCli } from '../cli/support/run-cli.js';
import { voteButtonId } from '../e2e/support/payloads.js';
import { launchChromium, type Chromium } from './support/browser.js';
import { send, SHOW_TIMEOUT_MS, waitForMessage } from './support/page-driver.js';
import { rawRequest } from './support/raw-http.js';
import { fetchPageState, startTestPlayground, type TestPlayground } from './support/playground.js';

const TIMEOUT_MS = 180_000;

/** Questions the shipped article answers (from eval/questions.json). */
const ANSWERABLE = [
  'what did trump say about ending the war after talking to putin?',
  'Was there any progress toward stopping the fighting in Ukraine after the Trump-Putin phone call?',
  'when did trump and putn speak',
  'who did trump get on the phone with on july 3rd?',
  'what did trump say the call was like?',
  'where was trump heading when he talked to the press',
  'was the call long?',
  'What did Trump tell journalists about his conversation with Vladimir Putin before he flew out to Iowa?',
  "When reporters asked whether he'd made headway with Putin, what was Trump's answer?",
  'who makes decisions in russia?',
];
/** Questions no article answers, about three things: what the report should group. */
const UNANSWERABLE = {
  messi: [
    'messi goals this season',
    'what is messi transfer fee',
    'is messi moving to another club',
    'messi contract with inter miami',
    'when does messi retire',
    'how old is messi',
    "messi ballon d'or count",
  ],
  bitcoin: [
    'what is the price of bitcoin',
    'will bitcoin crash this year',
    'bitcoin halving date',
    'who invented bitcoin',
    'is bitcoin legal in el salvador',
    'bitcoin mining energy use',
    'bitcoin etf approval',
  ],
  pizza: [
    'good pizza recipe',
    'how to make pizza dough',
    'pizza oven temperature',
    'where was pizza invented',
    'pizza toppings ranking',
    'cheapest pizza delivery',
  ],
} as const;

let playground: TestPlayground;
let chromium: Chromium;
let outDir: string;

async function postAction(action: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await rawRequest(playground.port, {
    method: 'POST',
    path: `/actions/${action}`,
    headers: { Host: `127.0.0.1:${playground.port}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status, response.body).toBe(200);
  return z.record(z.string(), z.unknown()).parse(JSON.parse(response.body));
}

/** Asks in #general as the page does, and waits for the answer. */
async function askInPlayground(question: string) {
  const { interactionId } = await postAction('command', { where: 'channel', name: 'ask', options: { question } });
  return playground.playground.discord.waitForInteractionReply(String(interactionId), 30_000);
}

interface ShownReport {
  /** Headline figures by their label: "questions" → "50". */
  readonly figures: Readonly<Record<string, string>>;
  readonly groups: readonly { readonly title: string; readonly count: string; readonly examples: number }[];
  readonly overflow: number;
}

/** What a report page shows a person: its headline figures and its groups of unanswered questions. */
function readReport(page: Page): Promise<ShownReport> {
  return page.$eval('body', (body) => {
    const document = body.ownerDocument;
    return {
      figures: Object.fromEntries(
        [...document.querySelectorAll('.figure')].map((figure) => [
          figure.querySelector('.figure-label')?.textContent ?? '',
          figure.querySelector('.figure-value')?.textContent ?? '',
        ]),
      ),
      groups: [...document.querySelectorAll('.group')].map((group) => ({
        title: group.querySelector('h3')?.textContent ?? '',
        count: group.querySelector('.count')?.textContent ?? '',
        examples: group.querySelectorAll('.examples li').length,
      })),
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    };
  });
}

beforeAll(async () => {
  [playground, chromium] = await Promise.all([startTestPlayground({}, { FOLLOW_UP_MINUTES: '0' }), launchChromium()]);
  outDir = await mkdtemp(join(tmpdir(), 'article-qa-report-'));

  // 50 questions, each read on its own (no follow-ups by time): 30 the articles answer (the first ten asked three times), 20 they cannot.
  const answers = [];
  for (let round = 0; round < 3; round += 1) for (const question of ANSWERABLE) answers.push(await askInPlayground(question));
  for (const question of Object.values(UNANSWERABLE).flat()) await askInPlayground(question);
  // Five votes: three 👍 and two 👎.
  for (const [index, answer] of answers.slice(0, 5).entries()) {
    const message = answer.message;
    if (message === null) throw new Error('the answer was not stored');
    await postAction('button', { messageId: message.id, customId: voteButtonId(answer.body, index < 3 ? 'up' : 'down') });
  }
}, TIMEOUT_MS);

afterAll(async () => {
  await chromium?.close();
  await playground?.close();
  if (outDir !== undefined) await rm(outDir, { recursive: true, force: true });
});

describe('after 50 questions in the playground', () => {
  it(
    'npm run report, the sidebar’s report and /stats show the same figures, and the unanswered questions grouped',
    async () => {
      const page = await chromium.browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(playground.url);
      await page.waitForSelector('body[data-ready="true"]');

      // /stats, as a server manager types it in the page.
      await page.click('#manage-server');
      await vi.waitFor(async () => expect((await fetchPageState(playground.url)).manageServer).toBe(true), { timeout: SHOW_TIMEOUT_MS });
      await send(page, '/stats');
      // Enter picked the command from the list; a second Enter sends it.
      await page.keyboard.press('Enter');
      const stats = await waitForMessage(
        page,
        'the /stats answer',
        (message) => message.embeds[0]?.title?.startsWith('Questions in Playground') ?? false,
      );
      expect(stats.ephemeralNote).toContain('Only you can see this');
      const fields = Object.fromEntries(stats.embeds[0]?.fields.map((field) => [field.name, field.value]) ?? []);

      // The sidebar's link opens the report of the playground's own log.
      const opened = chromium.browser.waitForTarget((target) => target.url().endsWith('/report'));
      await page.click('#report-link');
      const sidebarPage = await (await opened).page();
      if (sidebarPage === null) throw new Error('the report link opened no page');
      await sidebarPage.waitForSelector('footer');
      const sidebar = await readReport(sidebarPage);

      // npm run report, for the playground's server, opened from the file it wrote.
      const out = join(outDir, 'report.html');
      const run = await runCli('report', [
        '--log',
        playground.questionLog,
        '--corpus',
        playground.corpusDir,
        '--guild',
        playground.playground.discord.guildId,
        '--out',
        out,
      ]);
      expect(run.code, run.stderr).toBe(0);
      const cliPage = await chromium.browser.newPage();
      await cliPage.setViewport({ width: 420, height: 900 });
      await cliPage.goto(pathToFileURL(out).href);
      const cli = await readReport(cliPage);

      for (const report of [cli, sidebar]) {
        expect(report.figures.questions).toBe('50');
        expect(report.figures['👍 / 👎']).toBe('3 / 2');
        // Grouped: each topic the articles lack is one group, with all its questions.
        expect(report.groups.slice(0, 3).map((group) => [group.title.split(' · ')[0], group.count])).toEqual([
          ['bitcoin', '7 questions'],
          ['messi', '7 questions'],
          ['pizza', '6 questions'],
        ]);
        for (const group of report.groups.slice(0, 3)) expect(group.examples).toBeGreaterThan(1);
      }
      expect(cli.overflow, 'readable at 420 px without sideways scrolling').toBeLessThanOrEqual(0);

      // /stats says the same for this server.
      expect(fields.Questions).toBe('50 from 1 person');
      expect(fields.Answered?.startsWith(cli.figures.answered ?? '?')).toBe(true);
      expect(fields['Nothing relevant']?.startsWith(cli.figures['nothing relevant'] ?? '?')).toBe(true);
      expect(fields['👍 / 👎']).toBe('3 / 2');
      const top = fields['Most asked, not answered'] ?? '';
      // The page shows the numbered list as a list: its items run together in the text.
      expect([...top.matchAll(/(?:^|”)(\w+)[^:”]*: (\d+) questions/gu)].map((match) => [match[1], match[2]])).toEqual([
        ['bitcoin', '7'],
        ['messi', '7'],
        ['pizza', '6'],
      ]);
      await Promise.all([page.close(), sidebarPage.close(), cliPage.close()]);
    },
    TIMEOUT_MS,
  );
});
