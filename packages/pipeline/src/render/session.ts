import type { Timeline } from '@movie-generator/remotion/props';
import type { CancelSignal } from '@remotion/renderer';
import type { StageContext } from '../context.ts';
import { remotionBrowserOptions } from './browser.ts';
import type { ResolvedComposition } from './composition.ts';
import type { RendererSetup } from './setup.ts';

/** What both renderers need besides the timeline: the bundle, the shared browser, the composition. */
export interface RenderSession extends RendererSetup {
  chromiumPath: string | undefined;
  composition: ResolvedComposition;
}

/**
 * The options both renderers give Remotion (renderFrames / renderMedia): the session's bundle,
 * browser and composition, the timeline as props, one tab (more is no faster on 2 cores) and no
 * audio (the narration WAV is muxed in by ffmpeg afterwards).
 */
export function remotionSessionOptions(
  session: RenderSession,
  timeline: Timeline,
  cancelSignal: CancelSignal,
) {
  return {
    ...remotionBrowserOptions(session.chromiumPath),
    serveUrl: session.serveUrl,
    composition: session.composition,
    inputProps: timeline,
    puppeteerInstance: session.browser,
    concurrency: 1,
    muted: true,
    cancelSignal,
  };
}

/** What a renderer reports besides the file it wrote. */
export interface RendererStats {
  /** Pictures drawn by Chromium. */
  framesRendered: number;
  /** Seconds spent drawing them. */
  renderSec: number;
  /** Seconds spent in ffmpeg afterwards (the full renderer encodes while rendering: mux only). */
  encodeSec: number;
}

/** A context whose progress 0–100 lands in [from, to] of the parent's. */
export function progressBand(ctx: StageContext, from: number, to: number): StageContext {
  return {
    ...ctx,
    onProgress: (percent, message) =>
      ctx.onProgress(from + ((to - from) * Math.min(100, Math.max(0, percent))) / 100, message),
  };
}

export const seconds = (sinceMs: number) => (performance.now() - sinceMs) / 1000;
