/**
 * Headless Chromium, driven by puppeteer-core (which downloads no browser): the one
 * `chromiumBinary` finds (CHROMIUM_PATH, Debian's, or the one inside @sparticuz/chromium).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { chromiumBinary, type ChromiumBinary } from './chromium-binary.js';

/** Flags that work in a container: no sandbox or GPU, and nothing that calls home. */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Chromium {
  readonly browser: Browser;
  close(): Promise<void>;
}

/** Starts Chromium (`binary`, else the one `chromiumBinary` finds) with a fresh profile; `close` ends it and deletes the profile. */
export async function launchChromium(binary?: ChromiumBinary): Promise<Chromium> {
  const chromium = binary ?? (await chromiumBinary());
  const profile = await mkdtemp(join(tmpdir(), 'article-qa-profile-'));
  try {
    const browser = await puppeteer.launch({
      executablePath: chromium.path,
      headless: true,
      args: [...FLAGS, `--user-data-dir=${profile}`],
      env: { ...process.env, ...chromium.env },
      // A shared 2-core machine can be slow to answer; a hung browser still fails the test in the end.
      protocolTimeout: 120_000,
    });
    return {
      browser,
      close: async () => {
        await browser.close();
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}
