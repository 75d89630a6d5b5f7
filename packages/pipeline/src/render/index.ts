import { access, mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type Timeline, TimelineSchema } from '@movie-generator/remotion/props';
import { type StageContext, throwIfAborted } from '../context.ts';
import { asStageError } from '../errors.ts';
import { msg } from '../i18n/messages.ts';
import { closeBrowser } from './browser.ts';
import { disposeBundle } from './bundle.ts';
import { selectExplainer } from './composition.ts';
import { renderFast } from './fast.ts';
import { renderFull } from './full.ts';
import { sanitizeTimeline } from './sanitize.ts';
import { progressBand } from './session.ts';
import { warmRenderer } from './setup.ts';
import { partialPath, type SidecarPaths, sidecarPaths, writeSidecars } from './sidecars.ts';
import type { RenderOptions, RenderResult } from './types.ts';

export { browserStats, closeBrowser, getBrowser } from './browser.ts';
export { buildBundle, bundleStats, getBundle } from './bundle.ts';
export { countFrames, meanSsim, type SsimResult } from './compare.ts';
export { planFrames } from './frame-plan.ts';
export { POSTER_WIDTH, posterFrame, posterSize } from './poster.ts';
export { sanitizeTimeline } from './sanitize.ts';
export { progressBand } from './session.ts';
export { type RendererSetup, warmRenderer } from './setup.ts';
export { type SidecarPaths, sidecarPaths } from './sidecars.ts';
export { type Cue, subtitleCues, toSrt, toWebVtt } from './subtitle-files.ts';
export type { RendererKind, RenderOptions, RenderResult } from './types.ts';

/** Progress spent on bundling, launching Chromium and resolving the composition. */
const SETUP_SHARE = 5;

/**
 * Renders the timeline with the narration to an MP4 (H.264 + AAC, faststart) at `outPath`, and
 * beside it the poster JPEG (the title slide) and the subtitles as WebVTT and SRT (see
 * `sidecarPaths`). The files appear only when all are complete: each is written under a
 * temporary name in the same directory and renamed at the end, and a failed or cancelled render
 * leaves none of them behind.
 */
export async function renderVideo(
  timeline: Timeline,
  audioPath: string,
  outPath: string,
  options: RenderOptions,
  ctx: StageContext,
): Promise<RenderResult> {
  const renderer = options.renderer ?? 'fast';
  const partial = partialPath(outPath);
  const finals = sidecarPaths(outPath);
  const partials: SidecarPaths = {
    posterPath: partialPath(finals.posterPath),
    vttPath: partialPath(finals.vttPath),
    srtPath: partialPath(finals.srtPath),
  };
  const keys = Object.keys(finals) as (keyof SidecarPaths)[];
  const renamed: string[] = [];
  try {
    const { timeline: checked, dropped } = sanitizeTimeline(TimelineSchema.parse(timeline));
    if (dropped) ctx.log.warn({ dropped }, 'render: pictures that were not local copies were dropped');
    // Fail before minutes of rendering rather than at the final encode.
    await access(audioPath);
    await mkdir(dirname(outPath), { recursive: true });
    await mkdir(ctx.workDir, { recursive: true });
    ctx.onProgress(0, msg.bundling);
    // Made once per process (the worker makes them at start); later renders reuse them.
    const { serveUrl, browser } = await warmRenderer(options);
    throwIfAborted(ctx.signal);
    const composition = await selectExplainer(serveUrl, checked, browser, options.chromiumPath);
    throwIfAborted(ctx.signal);
    ctx.log.debug({ renderer, frames: checked.durationInFrames }, 'render: start');

    const session = { serveUrl, browser, composition, chromiumPath: options.chromiumPath };
    const band = progressBand(ctx, SETUP_SHARE, 100);
    const stats =
      renderer === 'full'
        ? await renderFull(checked, audioPath, partial, band, session)
        : await renderFast(checked, audioPath, partial, band, session);
    throwIfAborted(ctx.signal);
    await writeSidecars(checked, partial, partials, ctx);
    throwIfAborted(ctx.signal);
    for (const key of keys) {
      await rename(partials[key], finals[key]);
      renamed.push(finals[key]);
    }
    await rename(partial, outPath);
    ctx.log.info({ renderer, ...stats }, 'render: done');
    return { videoPath: outPath, ...finals, frames: checked.durationInFrames, renderer, stats };
  } catch (error) {
    await Promise.all(
      [partial, ...keys.map((k) => partials[k]), ...renamed].map((p) => rm(p, { force: true })),
    );
    throw asStageError(error, 'RENDER_FAILED', ctx.signal);
  }
}

/** Closes the shared Chromium and deletes the bundle this process built (CLI and worker exit). */
export async function closeRenderer(): Promise<void> {
  await closeBrowser();
  await disposeBundle();
}
