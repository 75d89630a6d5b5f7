import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { renderMedia } from '@remotion/renderer';
import type { StageContext } from '../context.ts';
import { msg } from '../i18n/messages.ts';
import type { Timeline } from '../schema/timeline.ts';
import { remotionBrowserOptions } from './browser.ts';
import { remotionCancelSignal } from './cancel.ts';
import { AUDIO_ARGS, durationArg, FASTSTART, VIDEO } from './encoding.ts';
import { runFfmpeg } from './ffmpeg.ts';
import { type RendererStats, type RenderSession, seconds } from './session.ts';

/** Share of the progress bar for Remotion's render+encode; the mux takes the rest. */
const RENDER_SHARE = 95;

/**
 * The reference renderer: Remotion's renderMedia draws and encodes every frame (about 75 ms
 * each here), then ffmpeg muxes the narration in without re-encoding the video.
 */
export async function renderFull(
  timeline: Timeline,
  audioPath: string,
  outPath: string,
  ctx: StageContext,
  session: RenderSession,
): Promise<RendererStats> {
  const silentVideo = join(ctx.workDir, `render-full-${randomUUID()}.mp4`);
  const total = timeline.durationInFrames;
  const started = performance.now();
  const { cancelSignal, dispose } = remotionCancelSignal(ctx.signal);
  try {
    let lastRendered = -1;
    await renderMedia({
      ...remotionBrowserOptions(session.chromiumPath),
      serveUrl: session.serveUrl,
      composition: session.composition,
      inputProps: timeline,
      puppeteerInstance: session.browser,
      outputLocation: silentVideo,
      overwrite: true,
      codec: 'h264',
      // The narration WAV is muxed afterwards; the composition has no audio of its own.
      muted: true,
      concurrency: 1,
      crf: VIDEO.crf,
      x264Preset: VIDEO.fullX264Preset,
      pixelFormat: VIDEO.pixelFormat,
      colorSpace: 'bt709',
      cancelSignal,
      onProgress: ({ renderedFrames, progress }) => {
        if (renderedFrames === lastRendered) return;
        lastRendered = renderedFrames;
        ctx.onProgress(progress * RENDER_SHARE, msg.rendering(renderedFrames, total));
      },
    });
    const renderSec = seconds(started);

    const muxStarted = performance.now();
    ctx.onProgress(RENDER_SHARE, msg.encoding);
    await runFfmpeg(
      [
        '-i',
        silentVideo,
        '-i',
        audioPath,
        '-map',
        '0:v:0',
        '-map',
        '1:a:0',
        '-c:v',
        'copy',
        ...AUDIO_ARGS,
        '-t',
        durationArg(total, timeline.fps),
        '-shortest',
        ...FASTSTART,
        '-f',
        'mp4',
        outPath,
      ],
      { signal: ctx.signal, workDir: ctx.workDir },
    );
    ctx.onProgress(100, msg.encoding);
    return { framesRendered: total, renderSec, encodeSec: seconds(muxStarted) };
  } finally {
    dispose();
    await rm(silentVideo, { force: true });
  }
}
