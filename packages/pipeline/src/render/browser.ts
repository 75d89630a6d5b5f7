import { type ChromiumOptions, type HeadlessBrowser, openBrowser } from '@remotion/renderer';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/**
 * Options every Remotion call of ours passes. Without `browserExecutable` Remotion would try to
 * download a browser; `gl` stays unset (swangle is ~35% slower here); 'error' hides a harmless
 * cgroup-memory warning. A tab gets 120 s (Remotion's default is 30 s) to load the bundle and
 * draw a frame: two renders at once on a busy 2-core machine took longer than 30 s to load the
 * root component and failed; the render stage's own time limit still bounds a hung page.
 * Chromium runs as one process (`enableMultiProcessOnLinux: false`, i.e. --single-process): the
 * same pixels and speed here (bench: RTF 0.195–0.197 multi, 0.201–0.207 single) with the process
 * tree's peak summed RSS 1.67–1.70 GB → 0.97 GB, as the renderer, GPU, network and storage
 * processes no longer each carry their own copy of Chromium's memory.
 */
export function remotionBrowserOptions(chromiumPath = DEFAULT_CHROMIUM) {
  return {
    browserExecutable: chromiumPath,
    chromeMode: 'chrome-for-testing' as const,
    chromiumOptions: { enableMultiProcessOnLinux: false } satisfies ChromiumOptions,
    logLevel: 'error' as const,
    timeoutInMilliseconds: 120_000,
  };
}

/** How many browsers this process has launched (tests check that one is reused). */
export const browserStats = { launches: 0 };

let current: { browser: Promise<HeadlessBrowser>; chromiumPath: string } | undefined;

/**
 * The browser process answers this from its IO thread, in milliseconds even while a tab is
 * busy rendering; no answer for this long means it is hung (and it is replaced).
 */
const PING_TIMEOUT_MS = 15_000;

/**
 * The process's one Chromium, shared by all renders (each render opens its own tab). Launched
 * on first use; if it crashed or stopped answering it is replaced by a new one.
 */
export async function getBrowser(chromiumPath = DEFAULT_CHROMIUM): Promise<HeadlessBrowser> {
  if (current && current.chromiumPath === chromiumPath) {
    const pending = current;
    try {
      const browser = await pending.browser;
      if (await isAlive(browser)) return browser;
      await browser.close({ silent: true }).catch(() => undefined);
    } catch {
      // The launch failed; launch again below.
    }
    if (current === pending) current = undefined;
    // Another caller may have replaced it meanwhile.
    if (current) return getBrowser(chromiumPath);
  } else if (current) {
    await closeBrowser();
  }
  const launch = launchBrowser(chromiumPath);
  current = { browser: launch, chromiumPath };
  return launch;
}

/** Settles when a browser's DevTools connection closes (its process exited or was closed). */
const disconnected = new WeakMap<HeadlessBrowser, Promise<false>>();

/** The signals whose handlers Remotion adds for each browser it opens (see launchBrowser). */
const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;

async function launchBrowser(chromiumPath: string): Promise<HeadlessBrowser> {
  browserStats.launches += 1;
  const { browserExecutable, chromeMode, chromiumOptions, logLevel } = remotionBrowserOptions(chromiumPath);
  const before = new Map(SHUTDOWN_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const browser = await openBrowser('chrome', { browserExecutable, chromeMode, chromiumOptions, logLevel });
  // Remotion kills the browser on SIGTERM/SIGHUP and exits the process on SIGINT. The process
  // decides what a signal means (the worker lets running jobs finish, the CLI aborts and cleans
  // up), so those handlers go; its 'exit' handler, which kills the browser, stays.
  for (const signal of SHUTDOWN_SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  disconnected.set(
    browser,
    new Promise((resolve) =>
      browser.connection.transport.websocket.addEventListener('close', () => resolve(false)),
    ),
  );
  return browser;
}

/**
 * Asks the browser for its version. False as soon as the connection closes (a request on a
 * dead connection would never settle), or if the browser does not answer in time.
 */
async function isAlive(browser: HeadlessBrowser): Promise<boolean> {
  // `send` is typed for the commands Remotion uses; Browser.getVersion is a plain CDP command.
  const send = browser.connection.send.bind(browser.connection) as unknown as (
    method: string,
  ) => Promise<unknown>;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
  });
  try {
    return await Promise.race([
      send('Browser.getVersion').then(() => true),
      disconnected.get(browser) ?? false,
      timeout,
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Closes the shared browser, if any (its next use launches a new one). */
export async function closeBrowser(): Promise<void> {
  const pending = current;
  current = undefined;
  if (!pending) return;
  try {
    const browser = await pending.browser;
    await browser.close({ silent: true });
  } catch {
    // A browser that failed to launch or already died has nothing left to close.
  }
}
