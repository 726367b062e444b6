/**
 * The Chromium that ships inside the dev dependency @sparticuz/chromium, which the browser tests
 * drive on a machine without Debian's chromium (a fresh `npm ci && npm test`): it starts here,
 * with no install script and nothing downloaded, and shows the playground page as Debian's does.
 * Run everywhere, so that the fallback cannot break unnoticed where Debian's is installed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Chromium } from './support/browser.js';
import { packagedChromium } from './support/chromium-binary.js';
import { startTestPlayground, type TestPlayground } from './support/playground.js';
import { BROWSER_TEST_TIMEOUT_MS } from './support/browser-session.js';

let playground: TestPlayground;
let chromium: Chromium;

beforeAll(async () => {
  [playground, chromium] = await Promise.all([startTestPlayground(), packagedChromium().then((binary) => launchChromium(binary))]);
}, BROWSER_TEST_TIMEOUT_MS);

afterAll(async () => {
  await chromium?.close();
  await playground?.close();
});

describe('the Chromium inside @sparticuz/chromium', () => {
  it(
    "starts, runs the page's modules under its content security policy, and shows the welcome",
    async () => {
      const page = await chromium.browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      await page.goto(playground.url);
      await page.waitForSelector('body[data-ready="true"]');
      await page.waitForSelector('#messages .welcome .example-question');
      expect(await page.$eval('#messages .welcome h3', (heading) => heading.textContent)).toBe('Welcome to #general!');
      expect(await chromium.browser.version()).toMatch(/^HeadlessChrome\/\d+\./u);
      expect(errors).toEqual([]);
      await page.close();
    },
    BROWSER_TEST_TIMEOUT_MS,
  );
});
