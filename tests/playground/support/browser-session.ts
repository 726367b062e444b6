/**
 * One browser test file's set-up: the playground (started as `npm start` starts it) and Chromium
 * for the whole file, a fresh page for each test, opened on the playground once it is ready. After
 * each test, a script error or a refused resource on the page fails it, even when the test saw
 * what it wanted; an alert the page raised is recorded (hostile markup's handler would raise one).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { launchChromium, type Chromium } from './browser.js';
import { startTestPlayground, type TestPlayground } from './playground.js';

/** A test may take this long: the machine is shared, and Chromium is slow to start. */
export const BROWSER_TEST_TIMEOUT_MS = 90_000;

export interface BrowserSession {
  readonly playground: TestPlayground;
  readonly chromium: Chromium;
  /** The page of the running test. */
  readonly page: Page;
  /** Alerts the page raised in the running test. */
  readonly dialogs: readonly string[];
  /** Opens the playground in the page again (as a person reloading it) and waits until it is ready. */
  reload(): Promise<void>;
  /** For the running test only: console errors matching `pattern` are expected (e.g. a refused connection). */
  tolerate(pattern: RegExp): void;
}

export interface BrowserSessionOptions {
  /** Files added to the copy of the shipped corpus. */
  readonly corpusFiles?: Readonly<Record<string, string>>;
  /** The page's size at the start of each test. Default 1100 × 900. */
  readonly viewport?: { readonly width: number; readonly height: number };
}

/** Registers the file's hooks; the returned object is usable inside tests. */
export function browserSession(options: BrowserSessionOptions = {}): BrowserSession {
  let playground: TestPlayground | undefined;
  let chromium: Chromium | undefined;
  let page: Page | undefined;
  let pageErrors: string[] = [];
  let dialogs: string[] = [];
  let tolerated: RegExp[] = [];
  const open = async (target: Page): Promise<void> => {
    await target.goto(required(playground, 'the playground').url);
    await target.waitForSelector('body[data-ready="true"]');
  };

  beforeAll(async () => {
    [playground, chromium] = await Promise.all([startTestPlayground(options.corpusFiles), launchChromium()]);
  }, BROWSER_TEST_TIMEOUT_MS);

  afterAll(async () => {
    await chromium?.close();
    await playground?.close();
  });

  beforeEach(async () => {
    const next = await required(chromium, 'Chromium').browser.newPage();
    page = next;
    pageErrors = [];
    dialogs = [];
    tolerated = [];
    next.on('pageerror', (error) => pageErrors.push(String(error)));
    next.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    next.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await next.setViewport(options.viewport ?? { width: 1100, height: 900 });
    await open(next);
  }, BROWSER_TEST_TIMEOUT_MS);

  afterEach(async () => {
    await page?.close();
    expect(pageErrors.filter((error) => !tolerated.some((pattern) => pattern.test(error)))).toEqual([]);
  });

  return {
    get playground() {
      return required(playground, 'the playground');
    },
    get chromium() {
      return required(chromium, 'Chromium');
    },
    get page() {
      return required(page, 'a page');
    },
    get dialogs() {
      return dialogs;
    },
    reload: () => open(required(page, 'a page')),
    tolerate: (pattern) => {
      tolerated.push(pattern);
    },
  };
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is not started: use the session inside a test`);
  return value;
}
