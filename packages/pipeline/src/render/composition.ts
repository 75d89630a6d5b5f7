import { EXPLAINER_COMPOSITION_ID } from '@movie-generator/remotion';
import type { Timeline } from '@movie-generator/remotion/props';
import type { HeadlessBrowser } from '@remotion/renderer';
import { selectComposition } from '@remotion/renderer';
import { remotionBrowserOptions } from './browser.ts';

/** What selectComposition resolves (Remotion's VideoConfig). */
export type ResolvedComposition = Awaited<ReturnType<typeof selectComposition>>;

/**
 * Resolves the Explainer composition (remotion/src/Root.tsx; its props are the Timeline, and
 * its calculateMetadata takes size, fps and length from it) and checks that it agrees.
 */
export async function selectExplainer(
  serveUrl: string,
  timeline: Timeline,
  browser: HeadlessBrowser,
  chromiumPath?: string,
): Promise<ResolvedComposition> {
  const composition = await selectComposition({
    ...remotionBrowserOptions(chromiumPath),
    serveUrl,
    id: EXPLAINER_COMPOSITION_ID,
    inputProps: timeline,
    puppeteerInstance: browser,
  });
  const expected = [timeline.width, timeline.height, timeline.fps, timeline.durationInFrames];
  const actual = [composition.width, composition.height, composition.fps, composition.durationInFrames];
  if (expected.join() !== actual.join()) {
    throw new Error(`composition ${actual.join('/')} does not match the timeline ${expected.join('/')}`);
  }
  return composition;
}
