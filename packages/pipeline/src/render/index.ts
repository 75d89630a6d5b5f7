import { randomUUID } from 'node:crypto';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { type StageContext, throwIfAborted } from '../context.ts';
import { asStageError } from '../errors.ts';
import { msg } from '../i18n/messages.ts';
import { type Timeline, TimelineSchema } from '../schema/timeline.ts';
import { closeBrowser, getBrowser } from './browser.ts';
import { disposeBundle, getBundle } from './bundle.ts';
import { selectExplainer } from './composition.ts';
import { renderFast } from './fast.ts';
import { renderFull } from './full.ts';
import { progressBand } from './session.ts';
import type { RenderOptions, RenderResult } from './types.ts';

export { browserStats, closeBrowser, getBrowser } from './browser.ts';
export { buildBundle, bundleStats, getBundle } from './bundle.ts';
export { countFrames, meanSsim, type SsimResult } from './compare.ts';
export { planFrames } from './frame-plan.ts';
export type { RendererKind, RenderOptions, RenderResult } from './types.ts';

/** Progress spent on bundling, launching Chromium and resolving the composition. */
const SETUP_SHARE = 5;

/**
 * Renders the timeline with the narration to an MP4 (H.264 + AAC, faststart) at `outPath`.
 * The file appears only when complete: it is written under a temporary name in the same
 * directory and renamed at the end, and a failed or cancelled render leaves nothing behind.
 */
export async function renderVideo(
  timeline: Timeline,
  audioPath: string,
  outPath: string,
  options: RenderOptions,
  ctx: StageContext,
): Promise<RenderResult> {
  const renderer = options.renderer ?? 'fast';
  const partial = join(dirname(outPath), `.${basename(outPath)}.${randomUUID()}.partial`);
  try {
    const checked = TimelineSchema.parse(timeline);
    // Fail before minutes of rendering rather than at the final encode.
    await access(audioPath);
    await mkdir(dirname(outPath), { recursive: true });
    await mkdir(ctx.workDir, { recursive: true });
    ctx.onProgress(0, msg.bundling);
    const serveUrl = await getBundle({ bundleDir: options.bundleDir });
    throwIfAborted(ctx.signal);
    const browser = await getBrowser(options.chromiumPath);
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
    await rename(partial, outPath);
    ctx.log.info({ renderer, ...stats }, 'render: done');
    return { videoPath: outPath, frames: checked.durationInFrames, renderer, stats };
  } catch (error) {
    await rm(partial, { force: true });
    throw asStageError(error, 'RENDER_FAILED', ctx.signal);
  }
}

/** Closes the shared Chromium and deletes the bundle this process built (CLI and worker exit). */
export async function closeRenderer(): Promise<void> {
  await closeBrowser();
  await disposeBundle();
}
