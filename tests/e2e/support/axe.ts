import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
/** axe-core's browser build, injected into pages (the page context needs bypassCSP). */
const AXE_SOURCE = require.resolve('axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
  /** axe's own explanation for the first element (e.g. the colours and ratio it measured). */
  summary: string;
}

/** One axe-core run: the page state, the colour scheme and what axe found. */
export interface AxeRecord {
  state: string;
  scheme: 'light' | 'dark';
  violations: AxeViolation[];
  passes: number;
}

declare global {
  interface Window {
    axe?: {
      run(context: Document): Promise<{
        violations: {
          id: string;
          impact: string | null;
          help: string;
          nodes: { target: string[]; failureSummary?: string }[];
        }[];
        passes: unknown[];
      }>;
    };
  }
}

/** Runs axe-core (all default rules) over the page in light and in dark mode; returns both runs. */
export async function axeBothSchemes(page: Page, state: string): Promise<AxeRecord[]> {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.addScriptTag({ path: AXE_SOURCE });
  const records: AxeRecord[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    // Colours are checked at rest: the app's colour transitions (0.15 s) must not be caught
    // half-way, so motion is reduced (the app then shortens them) and the page is given 0.4 s.
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.waitForTimeout(400);
    const result = await page.evaluate(async () => {
      const { violations, passes } = await window.axe!.run(document);
      return {
        passes: passes.length,
        violations: violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          targets: v.nodes.map((n) => n.target.join(' ')),
          summary: v.nodes[0]?.failureSummary ?? '',
        })),
      };
    });
    records.push({ state, scheme, ...result });
  }
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  return records;
}
