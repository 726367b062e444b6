/**
 * Reading the conversation on the playground page, in Chromium, as a member reads Discord: the
 * answer comes into view, timestamps read as dates and "in 25 seconds", replies show what they
 * answer in one line, the history loads 50 messages at a time, and a phone-wide screen wraps
 * embeds and buttons instead of cutting them off.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it, vi } from 'vitest';
import { clickMenuItem, pasteInMessageBox, send, SHOW_TIMEOUT_MS, shownMessages, waitForMessage } from './support/page-driver.js';
import { BROWSER_TEST_TIMEOUT_MS, browserSession } from './support/browser-session.js';

const session = browserSession();

const QUESTION = 'who makes decisions in russia?';

/** How far the message `id` reaches past the bottom of the message list's visible area (≤ 0: all in view). */
function pastBottom(page: Page, id: string): Promise<number> {
  return page.$eval(
    `[data-message-id="${id}"]`,
    (item) => item.getBoundingClientRect().bottom - (item.closest('#messages')?.getBoundingClientRect().bottom ?? 0),
  );
}

describe('reading the conversation', () => {
  it(
    'brings the answer into view: "thinking…" turns into the answer by an edit, and the list follows it to the bottom',
    async () => {
      const { page, playground } = session;
      // Enough earlier messages that the list scrolls.
      for (let index = 1; index <= 30; index += 1) {
        playground.playground.discord.createMessage({ content: `earlier message ${index}\nwith a second line` });
      }
      await session.reload();
      await send(page, `/ask ${QUESTION}`);
      const answer = await waitForMessage(page, 'the answer', (m) => m.embeds[0]?.title === QUESTION && !m.thinking);
      await vi.waitFor(async () => expect(await pastBottom(page, answer.id)).toBeLessThanOrEqual(1), {
        timeout: SHOW_TIMEOUT_MS,
        interval: 50,
      });

      // A person reading further up is left where they are when an answer below them changes.
      await page.$eval('#messages', (list) => {
        list.scrollTop = 0;
      });
      // Clicked from the page itself: puppeteer's click would first scroll the button into view.
      await page.$$eval(`[data-message-id="${answer.id}"] .components button`, (buttons) => {
        for (const button of buttons)
          if (button.textContent === 'More results' && 'click' in button && typeof button.click === 'function') button.click();
      });
      await waitForMessage(page, 'the second page', (m) => m.id === answer.id && m.embeds[0]?.footer === 'Passages 4–6');
      expect(await page.$eval('#messages', (list) => list.scrollTop)).toBe(0);
      await send(page, '/help');
      await page.keyboard.press('Enter');
      await waitForMessage(page, 'the help', (m) => m.embeds[0]?.title === 'How to ask me about the articles');
      // Sending something brings the list back down, as on Discord.
      expect(await page.$eval('#messages', (list) => list.scrollHeight - list.scrollTop - list.clientHeight)).toBeLessThanOrEqual(1);
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    'shows Discord timestamps in every style (t T d D f F R) as dates and times, never as <t:…>',
    async () => {
      const { page } = session;
      await page.emulateTimezone('UTC');
      const shown: unknown = await page.evaluate(`(async () => {
        const { renderMarkdown } = await import('/markdown.js');
        const now = Date.UTC(2026, 10, 28, 16, 20, 0);
        const at = Math.floor(Date.UTC(2026, 10, 28, 16, 20, 30) / 1000);
        const text = (markdown) => {
          const box = document.createElement('div');
          box.append(renderMarkdown(markdown, { userName: () => undefined, now: () => now }));
          return box.textContent;
        };
        return {
          t: text('<t:' + at + ':t>'), T: text('<t:' + at + ':T>'), d: text('<t:' + at + ':d>'), D: text('<t:' + at + ':D>'),
          f: text('<t:' + at + ':f>'), plain: text('<t:' + at + '>'), F: text('<t:' + at + ':F>'), R: text('try again <t:' + at + ':R>.'),
          past: text('<t:' + (at - 7230) + ':R>'), days: text('<t:' + (at + 3 * 86400) + ':R>'), broken: text('<t:abc:R>'),
        };
      })()`);
      expect(shown).toEqual({
        t: '4:20 PM',
        T: '4:20:30 PM',
        d: '11/28/2026',
        D: 'November 28, 2026',
        f: 'November 28, 2026 4:20 PM',
        plain: 'November 28, 2026 4:20 PM',
        F: 'Saturday, November 28, 2026 4:20 PM',
        R: 'try again in 30 seconds.',
        past: '2 hours ago',
        days: 'in 3 days',
        broken: '<t:abc:R>',
      });
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    "sends a reply from Reply in a message's menu, and shows what it replies to in one line cut with an ellipsis",
    async () => {
      const { page, playground } = session;
      const long = `${'why is this so long '.repeat(95)}end`;
      await pasteInMessageBox(page, long);
      await page.keyboard.press('Enter');
      const mine = await waitForMessage(
        page,
        'my long message',
        (m) => m.author === 'you' && m.content?.startsWith('why is this') === true,
      );

      await clickMenuItem(page, mine.id, 'Reply');
      expect(await page.$eval('#reply-bar', (bar) => (bar.hasAttribute('hidden') ? null : bar.textContent))).toContain('Replying to you');
      await send(page, 'and this is my answer to it');
      const reply = await waitForMessage(page, 'my reply', (m) => m.content === 'and this is my answer to it');
      expect(await page.$eval('#reply-bar', (bar) => bar.hasAttribute('hidden'))).toBe(true);

      // What the server stored is a reply, as Discord's client would have sent it.
      const stored = playground.playground.discord.getMessage(reply.id);
      expect(stored?.message_reference?.message_id).toBe(mine.id);
      expect(stored?.referenced_message?.id).toBe(mine.id);

      // One line, cut: the preview is the start of the message and an ellipsis, no taller than a line of text.
      expect(reply.context).toMatch(/^@you why is this so long why is this so long .*…$/u);
      expect((reply.context ?? '').length).toBeLessThan(300);
      const preview = (await page.evaluate(`(() => {
        const line = document.querySelector('[data-message-id="${reply.id}"] .message-context');
        const snippet = line.querySelector('.message-context-snippet');
        return {
          height: line.getBoundingClientRect().height,
          lineHeight: Number.parseFloat(getComputedStyle(line).lineHeight),
          overflow: getComputedStyle(snippet).textOverflow,
        };
      })()`)) as { height: number; lineHeight: number; overflow: string };
      expect(preview.height).toBeLessThan(preview.lineHeight * 1.5);
      expect(preview.overflow).toBe('ellipsis');
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    "a reply to the bot's answer mentions the bot by default (Discord's @ ON), so that the bot may read it; @ OFF does not",
    async () => {
      const { page, playground } = session;
      const { discord } = playground.playground;
      await send(page, `@article-qa-bot ${QUESTION}`);
      const answer = await waitForMessage(
        page,
        'the answer',
        (m) => m.author === 'article-qa-bot' && m.context?.startsWith('@you') === true,
      );

      await clickMenuItem(page, answer.id, 'Reply');
      expect(await page.$eval('#reply-bar', (bar) => bar.textContent)).toContain('Replying to article-qa-bot');
      await send(page, 'how many times have they spoken?');
      const pinging = await waitForMessage(page, 'the reply', (m) => m.content === 'how many times have they spoken?');
      expect(discord.getMessage(pinging.id)?.mentions.map((user) => user.id)).toEqual([discord.botUser.id]);

      await clickMenuItem(page, answer.id, 'Reply');
      await page.click('#reply-ping');
      expect(await page.$eval('#reply-ping', (toggle) => toggle.getAttribute('aria-pressed'))).toBe('false');
      await send(page, 'a quiet reply');
      const quiet = await waitForMessage(page, 'the quiet reply', (m) => m.content === 'a quiet reply');
      expect(discord.getMessage(quiet.id)?.mentions).toEqual([]);
      expect(discord.getMessage(quiet.id)?.message_reference?.message_id).toBe(answer.id);
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    'shows the last 50 messages and loads earlier ones 50 at a time; keeps at most 200 on the page as new ones arrive',
    async () => {
      const { page, playground } = session;
      const { discord } = playground.playground;
      for (let index = 1; index <= 120; index += 1) discord.createMessage({ content: `old ${index}`, dm: true });
      await session.reload();
      await page.click('#view-dm');
      const contents = async () => (await shownMessages(page)).map((m) => m.content);
      expect(await contents()).toHaveLength(50);
      expect((await contents()).at(-1)).toBe('old 120');

      await page.click('#messages .history-start button');
      await vi.waitFor(async () => expect(await contents()).toHaveLength(100), { timeout: SHOW_TIMEOUT_MS, interval: 50 });
      await page.click('#messages .history-start button');
      await vi.waitFor(async () => expect(await contents()).toHaveLength(120), { timeout: SHOW_TIMEOUT_MS, interval: 50 });
      expect((await contents())[0]).toBe('old 1');
      // The beginning of the conversation: no more to load.
      expect(await page.$('#messages .history-start button')).toBeNull();

      for (let index = 1; index <= 150; index += 1) discord.createMessage({ content: `new ${index}`, dm: true });
      await vi.waitFor(async () => expect((await contents()).at(-1)).toBe('new 150'), { timeout: SHOW_TIMEOUT_MS, interval: 50 });
      expect((await contents()).length).toBeLessThanOrEqual(200);
      expect(await page.$('#messages .history-start button')).not.toBeNull();
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    "at 420 px wide, embeds and buttons wrap inside the screen, as Discord's mobile layout does, and the channels are a tap away",
    async () => {
      const { page } = session;
      await page.setViewport({ width: 420, height: 800 });
      await session.reload();
      await send(page, `/ask ${QUESTION}`);
      const answer = await waitForMessage(page, 'the answer', (m) => m.embeds[0]?.title === QUESTION && m.buttons.length > 0);
      const boxes = await page.$$eval(`[data-message-id="${answer.id}"] :is(.embed, .button, .embed-description)`, (nodes) =>
        nodes.map((node) => {
          const box = node.getBoundingClientRect();
          return { left: box.left, right: box.right };
        }),
      );
      expect(boxes.length).toBeGreaterThan(4);
      for (const box of boxes) {
        expect(box.left).toBeGreaterThanOrEqual(0);
        expect(box.right).toBeLessThanOrEqual(420);
      }
      expect(await page.$eval('html', (root) => root.scrollWidth)).toBeLessThanOrEqual(420);
      const box = await page.$eval('#message-box', (node) => node.getBoundingClientRect().right);
      expect(box).toBeLessThanOrEqual(420);

      await page.click('#open-channels');
      await page.click('#view-dm');
      expect(await page.$eval('#chat-title', (title) => title.textContent)).toBe('@article-qa-bot');
    },
    BROWSER_TEST_TIMEOUT_MS,
  );
});
