import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Timeline } from '@movie-generator/remotion/props';
import { renderMedia } from '@remotion/renderer';
import type { StageContext } from '../context.ts';
import { msg } from '../i18n/messages.ts';
import { remotionCancelSignal } from './cancel.ts';
import { narratedMp4Args, VIDEO } from './encoding.ts';
import { runFfmpeg } from './ffmpeg.ts';
import { type RendererStats, type RenderSession, remotionSessionOptions, seconds } from './session.ts';

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
      ...remotionSessionOptions(session, timeline, cancelSignal),
      outputLocation: silentVideo,
      overwrite: true,
      codec: 'h264',
      crf: VIDEO.crf,
      x264Preset: VIDEO.fullX264Preset,
      pixelFormat: VIDEO.pixelFormat,
      colorSpace: 'bt709',
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
      narratedMp4Args({
        pictureInput: ['-i', silentVideo],
        audioPath,
        outputArgs: ['-c:v', 'copy', '-shortest'],
        frames: total,
        fps: timeline.fps,
        outPath,
      }),
      { signal: ctx.signal, workDir: ctx.workDir },
    );
    ctx.onProgress(100, msg.encoding);
    return { framesRendered: total, renderSec, encodeSec: seconds(muxStarted) };
  } finally {
    dispose();
    await rm(silentVideo, { force: true });
  }
}
