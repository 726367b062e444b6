/**
 * The playground's first screen, in Chromium, before anyone types: what is loaded (the articles
 * and their sentences), the files that failed and what to do about them, what the bot compares,
 * and three example questions drawn from the articles, which the bot answers.
 */
import { describe, expect, it } from 'vitest';
import { NOT_SURE_LINE } from '../../src/bot/replies/answer-reply.js';
import { HOW_IT_MATCHES } from '../../src/bot/replies/help-reply.js';
import { messageBoxValue, shownMessages, waitForMessage } from './support/page-driver.js';
import { BROWSER_TEST_TIMEOUT_MS, browserSession } from './support/browser-session.js';

/** A corpus file whose front matter never ends: it cannot be loaded. */
const BROKEN = '---\ntitle: Half a file\n\nThe front matter above is never closed.\n';

const session = browserSession({ corpusFiles: { 'broken.md': BROKEN } });

interface Welcome {
  readonly heading: string;
  readonly summary: string;
  readonly articles: string[];
  readonly problems: string[];
  readonly fix: string;
  readonly how: string;
  readonly examples: string[];
}

async function welcome(): Promise<Welcome> {
  const { page } = session;
  await page.waitForSelector('#messages .welcome .example-question');
  return page.$eval('#messages .welcome', (block) => ({
    heading: block.querySelector('h3')?.textContent ?? '',
    summary: block.querySelector('.welcome-summary')?.textContent ?? '',
    articles: [...block.querySelectorAll('.welcome-articles li')].map((item) => item.textContent ?? ''),
    problems: [...block.querySelectorAll('.welcome-problems li')].map((item) => item.textContent ?? ''),
    fix: block.querySelector('.welcome-fix')?.textContent ?? '',
    how: block.querySelector('.welcome-how')?.textContent ?? '',
    examples: [...block.querySelectorAll('.example-question')].map((button) => button.textContent ?? ''),
  }));
}

describe('the first screen', () => {
  it(
    'says, without any typing, which articles are loaded, which file failed and why, what to do, and what the bot compares',
    async () => {
      const shown = await welcome();
      expect(shown.heading).toBe('Welcome to #general!');
      expect(shown.summary).toMatch(/^article-qa-bot answers from 1 article \(\d+ sentences\)/u);
      expect(shown.articles).toEqual([
        expect.stringMatching(/^Trump says he "didn't make any progress" with Putin .* · Jul 3, 2025 · \d+ sentences$/u),
      ]);
      expect(shown.problems).toEqual([expect.stringMatching(/broken\.md:1 .*front matter .* never closed/u)]);
      expect(shown.fix).toContain('/reload');
      expect(shown.how).toBe(HOW_IT_MATCHES);
      expect(await shownMessages(session.page)).toEqual([]);
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    'offers three example questions drawn from the articles; each fills the box, and the bot answers it from them',
    async () => {
      const { page } = session;
      const { examples } = await welcome();
      expect(examples).toHaveLength(3);
      expect(new Set(examples).size).toBe(3);
      for (const [index, example] of examples.entries()) {
        const buttons = await page.$$('#messages .welcome .example-question');
        await buttons[index]?.click();
        expect(await messageBoxValue(page)).toBe(`/ask ${example}`);
        await page.keyboard.press('Enter');
        const answer = await waitForMessage(page, `the answer to "${example}"`, (m) => m.embeds[0]?.title === example && !m.thinking);
        expect(answer.embeds[0]?.footer).toMatch(/^Passages? 1/u);
        expect(answer.embeds[0]?.description).not.toContain(NOT_SURE_LINE);
        expect(answer.embeds[0]?.description).toContain('Jul 3, 2025');
      }
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    'greets the DM with the bot the same way',
    async () => {
      const { page } = session;
      await page.click('#view-dm');
      const shown = await welcome();
      expect(shown.heading).toBe('article-qa-bot');
      expect(shown.examples).toHaveLength(3);
    },
    BROWSER_TEST_TIMEOUT_MS,
  );
});
