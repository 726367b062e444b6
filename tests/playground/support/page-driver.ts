/**
 * Drives the playground page as a person would (typing in the message box, clicking buttons and
 * menus) and reads back what it shows, message by message, as plain data for assertions.
 */
import { vi } from 'vitest';
import type { Page } from 'puppeteer-core';

/** How long the page may take to show what the bot did (generous: the machine is shared). */
export const SHOW_TIMEOUT_MS = 20_000;

export interface ShownEmbed {
  readonly title: string | null;
  readonly description: string | null;
  readonly footer: string | null;
  readonly fields: readonly { readonly name: string; readonly value: string }[];
  /** The `style` attribute: the colour bar. */
  readonly style: string | null;
  /** Texts of the bold runs in the description. */
  readonly bold: readonly string[];
  readonly quotes: number;
  readonly links: readonly { readonly text: string; readonly href: string }[];
}

export interface ShownMessage {
  readonly id: string;
  /** "you used /ask", or the message replied to. */
  readonly context: string | null;
  readonly author: string;
  readonly content: string | null;
  readonly embeds: readonly ShownEmbed[];
  readonly buttons: readonly { readonly label: string; readonly disabled: boolean }[];
  readonly ephemeralNote: string | null;
  readonly thinking: boolean;
  readonly mentions: readonly string[];
}

/** Every message the page shows now, top to bottom. */
export function shownMessages(page: Page): Promise<ShownMessage[]> {
  return page.$$eval('#messages > .message', (items) =>
    items.map((item) => ({
      id: item.getAttribute('data-message-id') ?? '',
      context: item.querySelector('.message-context')?.textContent ?? null,
      author: item.querySelector('.message-author')?.textContent ?? '',
      content: item.querySelector('.message-content')?.textContent ?? null,
      embeds: [...item.querySelectorAll('.embed')].map((embed) => ({
        title: embed.querySelector('.embed-title')?.textContent ?? null,
        description: embed.querySelector('.embed-description')?.textContent ?? null,
        footer: embed.querySelector('.embed-footer')?.textContent ?? null,
        fields: [...embed.querySelectorAll('.embed-field')].map((field) => ({
          name: field.querySelector('.embed-field-name')?.textContent ?? '',
          value: field.querySelector('.embed-field-value')?.textContent ?? '',
        })),
        style: embed.getAttribute('style'),
        bold: [...embed.querySelectorAll('.embed-description strong')].map((bold) => bold.textContent ?? ''),
        quotes: embed.querySelectorAll('.embed-description blockquote').length,
        links: [...embed.querySelectorAll('a')].map((link) => ({ text: link.textContent ?? '', href: link.getAttribute('href') ?? '' })),
      })),
      buttons: [...item.querySelectorAll('.components button')].map((button) => ({
        label: button.textContent ?? '',
        disabled: button.hasAttribute('disabled'),
      })),
      ephemeralNote: item.querySelector('.message-ephemeral-note')?.textContent ?? null,
      thinking: item.classList.contains('message-thinking'),
      mentions: [...item.querySelectorAll('.message-content .md-mention')].map((mention) => mention.textContent ?? ''),
    })),
  );
}

/** Waits until a shown message passes `predicate`; returns the last one that does. */
export async function waitForMessage(page: Page, what: string, predicate: (message: ShownMessage) => boolean): Promise<ShownMessage> {
  return vi.waitFor(
    async () => {
      const found = (await shownMessages(page)).filter(predicate).at(-1);
      if (found === undefined) throw new Error(`the page does not show ${what}`);
      return found;
    },
    { timeout: SHOW_TIMEOUT_MS, interval: 50 },
  );
}

/** Types into the box labelled "Message" (found by its accessible name, as a person finds it). */
export async function typeInMessageBox(page: Page, text: string): Promise<void> {
  const box = await page.waitForSelector('::-p-aria(Message)');
  if (box === null) throw new Error('no element labelled "Message"');
  await box.click();
  await box.type(text);
}

/**
 * Puts `text` in the message box at once, as a paste does (typing thousands of characters key by
 * key would take minutes), and lets the page react to it as to typing.
 */
export async function pasteInMessageBox(page: Page, text: string): Promise<void> {
  const box = await page.waitForSelector('::-p-aria(Message)');
  if (box === null) throw new Error('no element labelled "Message"');
  await box.click();
  await box.evaluate((node, value) => {
    if (!('value' in node)) throw new Error('the message box has no value');
    node.value = value;
    node.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

/** Opens the menu of message `messageId` (its ⋯ button) and clicks the item labelled `label`. */
export async function clickMenuItem(page: Page, messageId: string, label: string): Promise<void> {
  await page.click(`[data-message-id="${messageId}"] .message-menu-button`);
  const item = await page.waitForSelector(`#message-menu ::-p-text(${label})`);
  if (item === null) throw new Error(`the menu of message ${messageId} has no "${label}"`);
  await item.click();
}

/** Types `text` in the message box and presses Enter. */
export async function send(page: Page, text: string): Promise<void> {
  await typeInMessageBox(page, text);
  await page.keyboard.press('Enter');
}

/** Clicks the button labelled `label` on the message `messageId`. */
export async function clickButton(page: Page, messageId: string, label: string): Promise<void> {
  const buttons = await page.$$(`[data-message-id="${messageId}"] .components button`);
  for (const button of buttons) {
    if ((await button.evaluate((node) => node.textContent)) === label) {
      await button.click();
      return;
    }
  }
  throw new Error(`message ${messageId} has no button "${label}"`);
}

/** What the message box holds now. */
export function messageBoxValue(page: Page): Promise<string> {
  return page.$eval('#message-box', (box) => ('value' in box && typeof box.value === 'string' ? box.value : ''));
}

/** The text of the composer's error line, or null when none is shown. */
export function composerError(page: Page): Promise<string | null> {
  return page.$eval('#composer-error', (line) => (line.hasAttribute('hidden') ? null : line.textContent));
}
