/**
 * What the playground page says when something cannot be done, in Chromium: a question far too
 * long gets the same words as one a little too long, the box counts down as it nears its limit,
 * and once the playground has stopped the page says so instead of "Failed to fetch".
 */
import { describe, expect, it, vi } from 'vitest';
import { composerError, pasteInMessageBox, SHOW_TIMEOUT_MS } from './support/page-driver.js';
import { BROWSER_TEST_TIMEOUT_MS, browserSession } from './support/browser-session.js';

const session = browserSession();

function counter(): Promise<string | null> {
  return session.page.$eval('#char-counter', (node) => (node.hasAttribute('hidden') ? null : node.textContent));
}

describe('the message box, when something cannot be sent', () => {
  it(
    'a 10,000-character /ask gets the same "at most 300 characters" as a 301-character one',
    async () => {
      const { page } = session;
      for (const length of [301, 10_000]) {
        await pasteInMessageBox(page, `/ask ${'x'.repeat(length)}`);
        await page.keyboard.press('Enter');
        await vi.waitFor(
          async () => expect(await composerError(page)).toBe(`question can be at most 300 characters (this one has ${length}).`),
          { timeout: SHOW_TIMEOUT_MS, interval: 50 },
        );
      }
      // Nothing reached the bot.
      expect(session.playground.playground.discord.messagesIn(session.playground.playground.discord.channelId)).toEqual([]);
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    'counts the characters left as the text nears its limit: 300 for a question, 2,000 for a message',
    async () => {
      const { page } = session;
      await pasteInMessageBox(page, '/ask short question');
      expect(await counter()).toBeNull();
      await pasteInMessageBox(page, `/ask ${'q'.repeat(290)}`);
      expect(await counter()).toBe('10');
      await pasteInMessageBox(page, `/ask ${'q'.repeat(305)}`);
      expect(await counter()).toBe('-5');
      expect(await page.$eval('#char-counter', (node) => node.classList.contains('char-counter-over'))).toBe(true);
      await pasteInMessageBox(page, 'm'.repeat(1_950));
      expect(await counter()).toBe('50');
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    'says the playground has stopped and how to start it, instead of "Failed to fetch"',
    async () => {
      const { page } = session;
      // Chromium reports the refused connections (the event stream retrying, the action itself) on the console.
      session.tolerate(/ERR_CONNECTION_REFUSED|Failed to load resource/u);
      await session.playground.close();
      await pasteInMessageBox(page, 'is anyone there?');
      await page.keyboard.press('Enter');
      await vi.waitFor(
        async () =>
          expect(await composerError(page)).toBe(
            'The playground is not running any more, so nothing was sent. Start it again (npm start), then reload this page.',
          ),
        { timeout: SHOW_TIMEOUT_MS, interval: 50 },
      );
    },
    BROWSER_TEST_TIMEOUT_MS,
  );
});
