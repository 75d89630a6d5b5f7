import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium; override with CHROMIUM_PATH. Playwright must never download a browser here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep headless Chromium quiet and offline on these machines (see ENVIRONMENT.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Launches headless Chromium for browser tests and screenshots. Playwright gives every launch a
 * fresh temporary --user-data-dir of its own and deletes it on close, so no state leaks between runs.
 * Close it with `await browser.close()`.
 */
export function launchChromium(options: { headless?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    args: CHROMIUM_ARGS,
  });
}
