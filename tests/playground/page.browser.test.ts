/**
 * The playground page in a real browser (Debian's headless Chromium), against the real bot
 * started by the real start-up code: what a person types, clicks and sees.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { REPO_ROOT } from '../e2e/support/harness.js';
import { BROWSER_TEST_TIMEOUT_MS as TEST_TIMEOUT_MS, browserSession } from './support/browser-session.js';
import {
  clickButton,
  composerError,
  send,
  SHOW_TIMEOUT_MS,
  shownMessages,
  typeInMessageBox,
  waitForMessage,
  type ShownMessage,
} from './support/page-driver.js';

/**
 * Markup that runs script if a page ever treats text as HTML (it has no markdown characters, so
 * the bot's escaping leaves it as it is).
 */
const HOSTILE = '<img src=x onerror=alert(1)>';
const HOSTILE_ARTICLE = [
  '---',
  `title: ${HOSTILE} Lighthouse log`,
  'date: 2024-01-01',
  '---',
  '',
  `The lighthouse keeper climbed 120 steps ${HOSTILE} every evening to light the lamp.`,
  '',
].join('\n');

/** Where the README's picture of an answer is kept; written when SAVE_SCREENSHOT=1 (see README, Development). */
const README_SCREENSHOT = join(REPO_ROOT, 'docs', 'playground-answer.png');

const session = browserSession({ corpusFiles: { 'lighthouse.md': HOSTILE_ARTICLE } });
let shotDir: string;

beforeAll(async () => {
  shotDir = await mkdtemp(join(tmpdir(), 'article-qa-screenshots-'));
});

afterAll(async () => {
  if (shotDir !== undefined) await rm(shotDir, { recursive: true, force: true });
});

/** The answer of the bot to the command `/name` that `you` used, whose embed title is `title`. */
function answerTo(command: string, title: string): (message: ShownMessage) => boolean {
  return (message) => message.context === `you used ${command}` && message.embeds[0]?.title === title;
}

const FeedbackLine = z.object({
  user: z.string(),
  question: z.string(),
  article: z.string(),
  passage: z.string(),
  vote: z.enum(['up', 'down']),
});

async function feedbackLines(): Promise<z.infer<typeof FeedbackLine>[]> {
  const text = await readFile(session.playground.feedbackFile, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => FeedbackLine.parse(JSON.parse(line)));
}

describe('the playground page in Chromium', () => {
  it(
    'has a message box labelled "Message" where typing / lists the bot\'s commands',
    async () => {
      const { page } = session;
      const tag = await page.$eval('::-p-aria(Message)', (box) => box.tagName);
      expect(tag).toBe('TEXTAREA');
      await typeInMessageBox(page, '/');
      const suggestions = await page.$$eval('#suggestions .suggestion-label', (labels) => labels.map((label) => label.textContent));
      expect(suggestions).toEqual(['/ask', '/sources', '/help', '/reload', '/add', '/stats']);
      await page.keyboard.type('so');
      expect(await page.$$eval('#suggestions .suggestion-label', (labels) => labels.map((label) => label.textContent))).toEqual([
        '/sources',
      ]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'asks "/ask who makes decisions in russia?" on Enter and shows the answer embed as Discord does, with its sources and buttons',
    async () => {
      const { page } = session;
      await send(page, '/ask who makes decisions in russia?');
      const answer = await waitForMessage(page, 'the answer', answerTo('/ask', 'who makes decisions in russia?'));
      expect(answer.author).toBe('article-qa-bot');
      const [embed] = answer.embeds;
      expect(embed?.style).toContain('border-left-color: rgb(88, 101, 242)');
      expect(embed?.description).toContain(
        'Trump says he "didn\'t make any progress" with Putin on ending the war in Ukraine · Jul 3, 2025 · ¶ 14',
      );
      expect(embed?.description).toContain('only Putin makes decisions in Russia');
      // Discord markdown: the question's words in bold, each passage in a block quote.
      expect(embed?.bold).toEqual(expect.arrayContaining(['makes', 'decisions', 'Russia']));
      expect(embed?.quotes).toBe(3);
      expect(embed?.footer).toBe('Passages 1–3');
      expect(answer.buttons).toEqual([
        { label: 'Previous', disabled: true },
        { label: 'More results', disabled: false },
        { label: 'Show context', disabled: false },
        { label: '👍', disabled: false },
        { label: '👎', disabled: false },
      ]);
      expect(answer.ephemeralNote).toBeNull();

      const element = await page.$(`[data-message-id="${answer.id}"]`);
      const shot = join(shotDir, 'playground-answer.png');
      await element?.screenshot({ path: shot });
      const png = await readFile(shot);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      if (process.env.SAVE_SCREENSHOT === '1') {
        await mkdir(join(REPO_ROOT, 'docs'), { recursive: true });
        await copyFile(shot, README_SCREENSHOT);
      }
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'More results and Previous edit the answer in place; 👍 answers privately and appends the vote to FEEDBACK_FILE; Show context shows the paragraph',
    async () => {
      const { page } = session;
      await send(page, '/ask who makes decisions in russia?');
      const answer = await waitForMessage(page, 'the answer', answerTo('/ask', 'who makes decisions in russia?'));
      const countBefore = (await shownMessages(page)).length;

      await clickButton(page, answer.id, 'More results');
      const edited = await waitForMessage(page, 'the second page', (m) => m.id === answer.id && m.embeds[0]?.footer === 'Passages 4–6');
      expect(edited.embeds[0]?.title).toBe('who makes decisions in russia?');
      expect((await shownMessages(page)).length).toBe(countBefore);
      await clickButton(page, answer.id, 'Previous');
      await waitForMessage(page, 'the first page again', (m) => m.id === answer.id && m.embeds[0]?.footer === 'Passages 1–3');

      const votesBefore = (await feedbackLines()).length;
      await clickButton(page, answer.id, '👍');
      const thanks = await waitForMessage(page, 'the thanks', (m) => m.content === 'Thanks! Recorded your 👍 for this answer.');
      expect(thanks.ephemeralNote).toContain('Only you can see this');
      const votes = await vi.waitFor(
        async () => {
          const lines = await feedbackLines();
          if (lines.length <= votesBefore) throw new Error('no new line in FEEDBACK_FILE yet');
          return lines;
        },
        { timeout: SHOW_TIMEOUT_MS, interval: 50 },
      );
      expect(votes.at(-1)).toMatchObject({
        vote: 'up',
        question: 'who makes decisions in russia?',
        article: '2025-07-03-trump-putin-call',
        user: session.playground.playground.discord.memberUser.id,
      });

      await clickButton(page, answer.id, 'Show context');
      const context = await waitForMessage(
        page,
        'the context',
        (m) => m.ephemeralNote !== null && m.embeds.length === 1 && m.id !== answer.id,
      );
      expect(context.embeds[0]?.title).toContain('Trump says he');
      expect(context.embeds[0]?.description?.length ?? 0).toBeGreaterThan(50);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "shows the bot's autocomplete answers for article as you type; the picked article limits the answer",
    async () => {
      const { page } = session;
      await typeInMessageBox(page, '/ask what did zelensky say');
      const article = await page.waitForSelector('#option-ask-article');
      await article?.click();
      await article?.type('trump');
      const choice = await page.waitForSelector('.autocomplete-choice ::-p-text(Trump says he)', { timeout: SHOW_TIMEOUT_MS });
      const names = await page.$$eval('.autocomplete-choice', (choices) => choices.map((item) => item.textContent));
      expect(names).toEqual(['Trump says he "didn\'t make any progress" with Putin on ending the war in Ukraine (2025-07-03)']);
      await choice?.click();
      expect(await page.$eval('#option-ask-article', (input) => input.getAttribute('aria-expanded'))).toBe('false');
      await page.keyboard.press('Enter');
      const answer = await waitForMessage(page, 'the answer limited to the article', answerTo('/ask', 'what did zelensky say'));
      expect(answer.embeds[0]?.footer).toMatch(/· article: 2025-07-03-trump-putin-call$/);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'answers a message that mentions the bot with a reply, a DM in the DM view, and "Find in articles" from a message\'s menu',
    async () => {
      const { page } = session;
      await send(page, '@article-qa-bot who makes decisions in russia?');
      const mine = await waitForMessage(
        page,
        'my mention',
        (m) => m.author === 'you' && m.content?.includes('who makes decisions') === true,
      );
      expect(mine.mentions).toEqual(['@article-qa-bot']);
      const reply = await waitForMessage(page, 'the reply', (m) => m.context?.startsWith('@you') === true && m.embeds.length === 1);
      expect(reply.embeds[0]?.description).toContain('only Putin makes decisions in Russia');

      await page.click(`[data-message-id="${mine.id}"] .message-menu-button`);
      const item = await page.waitForSelector('#message-menu ::-p-text(Find in articles)');
      expect(await page.$eval('#message-menu .menu-heading', (heading) => heading.textContent)).toBe('Apps');
      await item?.click();
      const found = await waitForMessage(
        page,
        'the Find in articles answer',
        (m) => m.context === 'you used Find in articles' && m.embeds.length === 1,
      );
      expect(found.embeds[0]?.description).toContain('¶');

      await page.click('#view-dm');
      expect(await page.$eval('#chat-title', (title) => title.textContent)).toBe('@article-qa-bot');
      await send(page, 'who makes decisions in russia?');
      const dmAnswer = await waitForMessage(page, 'the DM answer', (m) => m.author === 'article-qa-bot' && m.embeds.length === 1);
      expect(dmAnswer.embeds[0]?.description).toContain('only Putin makes decisions in Russia');
      // The DM holds only its own conversation.
      const shown = await shownMessages(page);
      expect(shown.some((m) => m.id === reply.id)).toBe(false);
      await typeInMessageBox(page, '/');
      expect(await page.$$eval('#suggestions .suggestion-label', (labels) => labels.map((label) => label.textContent))).not.toContain(
        '/reload',
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'refuses /reload to a member without Manage Server, and reloads once the switch gives it',
    async () => {
      const { page } = session;
      await send(page, '/reload');
      // Enter picked the command from the list; a second Enter sends it.
      await page.keyboard.press('Enter');
      const refused = await waitForMessage(
        page,
        'the refusal',
        (m) => m.content === 'Only members with the Manage Server permission can reload the articles.',
      );
      expect(refused.ephemeralNote).toContain('Only you can see this');
      expect(refused.context).toBe('you used /reload');

      await page.click('#manage-server');
      await vi.waitFor(async () => expect((await fetchManageServer()).manageServer).toBe(true), { timeout: SHOW_TIMEOUT_MS, interval: 50 });
      await send(page, '/reload');
      await page.keyboard.press('Enter');
      const reloaded = await waitForMessage(
        page,
        'the reload',
        (m) => m.context === 'you used /reload' && m.embeds[0]?.title === 'Corpus reloaded',
      );
      expect(reloaded.embeds[0]?.description).toContain('Now answering from 2 articles');
      expect(reloaded.ephemeralNote).toContain('Only you can see this');
      await page.click('#manage-server');
      await vi.waitFor(async () => expect((await fetchManageServer()).manageServer).toBe(false), {
        timeout: SHOW_TIMEOUT_MS,
        interval: 50,
      });
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'shows /sources and /help as embeds with fields and links as text, and says plainly when a command does not exist',
    async () => {
      const { page } = session;
      await send(page, '/help');
      await page.keyboard.press('Enter');
      const help = await waitForMessage(page, 'the help', answerTo('/help', 'How to ask me about the articles'));
      expect(help.embeds[0]?.fields.map((field) => field.name)).toContain('/ask');
      await send(page, '/sources');
      await page.keyboard.press('Enter');
      const sources = await waitForMessage(page, 'the sources', answerTo('/sources', 'Articles I can answer from'));
      expect(sources.embeds[0]?.description).toContain(`${HOSTILE} Lighthouse log`);

      await send(page, '/nope and more');
      expect(await composerError(page)).toBe('There is no command /nope. Type / to see the commands.');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'shows markup in a question and in an article as the text it is: nothing is ever interpreted as HTML',
    async () => {
      const { page } = session;
      await send(page, `/ask ${HOSTILE} how many steps did the lighthouse keeper climb?`);
      const answer = await waitForMessage(
        page,
        'the answer',
        (m) => m.context === 'you used /ask' && m.embeds[0]?.title?.startsWith('<img') === true,
      );
      expect(answer.embeds[0]?.title).toBe(`${HOSTILE} how many steps did the lighthouse keeper climb?`);
      expect(answer.embeds[0]?.description).toContain(`${HOSTILE} Lighthouse log`);
      expect(answer.embeds[0]?.description).toContain(`climbed 120 steps ${HOSTILE} every evening`);

      await typeInMessageBox(page, '/ask lighthouse');
      const article = await page.waitForSelector('#option-ask-article');
      await article?.click();
      await article?.type('<img');
      await page.waitForSelector('.autocomplete-choice ::-p-text(Lighthouse log)', { timeout: SHOW_TIMEOUT_MS });
      const choices = await page.$$eval('.autocomplete-choice', (items) => items.map((item) => item.textContent));
      expect(choices).toContain(`${HOSTILE} Lighthouse log (2024-01-01)`);

      expect(await page.$$eval('img', (images) => images.length)).toBe(0);
      expect(session.dialogs).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "fills a command's first option from the text after its name, and the others from `name: value`, as Discord's client does",
    async () => {
      const { page } = session;
      const parsed: unknown = await page.evaluate(`(async () => {
        const { parseCommandText } = await import('/composer.js');
        const ask = { id: '1', type: 1, name: 'ask', description: '', default_member_permissions: null, options: [
          { type: 3, name: 'question', required: true }, { type: 3, name: 'article', autocomplete: true }, { type: 5, name: 'private' }] };
        return [
          parseCommandText(ask, 'who makes decisions in russia?'),
          parseCommandText(ask, 'who said it? article: 2025-07-03-trump-putin-call private: true'),
          parseCommandText(ask, 'question: why article:x private: no'),
          parseCommandText(ask, 'what is a question: mark'),
        ];
      })()`);
      expect(parsed).toEqual([
        { question: 'who makes decisions in russia?' },
        { question: 'who said it?', article: '2025-07-03-trump-putin-call', private: true },
        { question: 'why', article: 'x', private: false },
        // Once the question is typed as plain text, "question:" inside it is part of it: nothing is dropped.
        { question: 'what is a question: mark' },
      ]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'renders Discord markdown as Discord does: bold, italics, quotes, masked links (http only), escapes; "thinking…" and edits',
    async () => {
      const { page } = session;
      const rendered: unknown = await page.evaluate(`(async () => {
        const { renderMarkdown } = await import('/markdown.js');
        const { renderMessage } = await import('/render-message.js');
        const html = (text) => {
          const box = document.createElement('div');
          box.append(renderMarkdown(text, { userName: (id) => (id === '12345678901234567' ? 'article-qa-bot' : undefined) }));
          return box.innerHTML;
        };
        const view = { markdown: { userName: () => undefined }, onButton() {}, onMenu() {}, onDismiss() {} };
        const message = (fields) => renderMessage({ id: '1', type: 20, channel_id: '2', author: { id: '3', username: 'article-qa-bot', bot: true },
          content: '', timestamp: new Date(0).toISOString(), edited_timestamp: null, embeds: [], components: [], attachments: [], flags: 0, ...fields }, view).textContent;
        return {
          bold: html('**bold** and *italic* and _also_ and __under__ and ~~gone~~ and snake_case_word'),
          quote: html('> quoted **line**\\n> second\\nafter'),
          link: html('[the article](https://example.com/a?b=1) and [bad](javascript:alert(1))'),
          escapes: html('\\\\*not bold\\\\* and \\\\<b>tag'),
          markup: html('<img src=x onerror=alert(1)> <b>not bold</b>'),
          code: html('\`<i>code</i>\`'),
          mention: html('<@12345678901234567> hi'),
          thinking: message({ flags: 128 }),
          edited: message({ content: 'new text', edited_timestamp: new Date(0).toISOString() }),
          ephemeral: message({ content: 'just you', flags: 64 }),
        };
      })()`);
      expect(rendered).toEqual({
        bold: '<div class="md-paragraph"><strong class="md-bold">bold</strong> and <em class="md-italic">italic</em> and <em class="md-italic">also</em> and <u class="md-underline">under</u> and <s class="md-strike">gone</s> and snake_case_word</div>',
        quote:
          '<blockquote class="md-quote"><div class="md-paragraph">quoted <strong class="md-bold">line</strong><br>second</div></blockquote><div class="md-paragraph">after</div>',
        link: '<div class="md-paragraph"><a href="https://example.com/a?b=1" target="_blank" rel="noopener noreferrer nofollow">the article</a> and [bad](javascript:alert(1))</div>',
        escapes: '<div class="md-paragraph">*not bold* and &lt;b&gt;tag</div>',
        markup: '<div class="md-paragraph">&lt;img src=x onerror=alert(1)&gt; &lt;b&gt;not bold&lt;/b&gt;</div>',
        code: '<div class="md-paragraph"><code class="md-code">&lt;i&gt;code&lt;/i&gt;</code></div>',
        mention: '<div class="md-paragraph"><span class="md-mention">@article-qa-bot</span> hi</div>',
        thinking: expect.stringContaining('article-qa-bot is thinking…'),
        edited: expect.stringContaining('new text (edited)'),
        ephemeral: expect.stringContaining('Only you can see this'),
      });
    },
    TEST_TIMEOUT_MS,
  );
});

async function fetchManageServer(): Promise<{ manageServer: boolean }> {
  const response = await fetch(`${session.playground.url}/state`);
  return z.object({ manageServer: z.boolean() }).parse(await response.json());
}
