import type { HeadlessBrowser } from '@remotion/renderer';
import { getBrowser } from './browser.ts';
import { getBundle } from './bundle.ts';
import type { RenderOptions } from './types.ts';

/** What every render starts from: the bundled compositions and the process's Chromium. */
export interface RendererSetup {
  serveUrl: string;
  browser: HeadlessBrowser;
}

/**
 * The renderer's setup, in one place: bundles the compositions and opens Chromium, both at once.
 * Each is made once per process and reused by every later call (a browser that died is replaced),
 * so the worker calls this at start to have both ready before its first job, and every render
 * calls it again to get them.
 */
export async function warmRenderer(
  options: Pick<RenderOptions, 'bundleDir' | 'chromiumPath'> = {},
): Promise<RendererSetup> {
  const [serveUrl, browser] = await Promise.all([
    getBundle({ bundleDir: options.bundleDir }),
    getBrowser(options.chromiumPath),
  ]);
  return { serveUrl, browser };
}
