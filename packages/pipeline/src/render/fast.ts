import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Timeline } from '@movie-generator/remotion/props';
import { renderFrames } from '@remotion/renderer';
import type { StageContext } from '../context.ts';
import { msg } from '../i18n/messages.ts';
import { remotionCancelSignal } from './cancel.ts';
import { BT709_TAGS, narratedMp4Args, VIDEO } from './encoding.ts';
import { runFfmpeg } from './ffmpeg.ts';
import { ffconcatScript, planFrames } from './frame-plan.ts';
import { type RendererStats, type RenderSession, remotionSessionOptions, seconds } from './session.ts';

/**
 * Costs measured here (2 shared cores, 720p, worker path: 0.100–0.128 s per drawn frame and
 * 0.0026–0.0037 s per encoded frame), only to split the progress bar between drawing and encoding
 * so that it moves at one pace through both. Their ratio (~35) held at 1080p and under load too.
 */
const SEC_PER_RENDERED_FRAME = 0.105;
const SEC_PER_ENCODED_FRAME = 0.003;

/** Held pictures show for seconds, so a higher quality than renderMedia's default 80. */
const JPEG_QUALITY = 90;

const frameFile = (frame: number) => `f${String(frame).padStart(6, '0')}.jpeg`;

/**
 * The fast renderer. Static spans look the same on every frame, so Chromium draws only the
 * first frame of each static span and every frame of each animated span (Remotion's
 * renderFrames with an explicit frame list, on one tab), and a single ffmpeg run holds each
 * picture for its span through the concat demuxer while encoding H.264 + AAC.
 *
 * Frames are JPEG, like renderMedia's: Chromium encodes them faster than PNG and ffmpeg
 * decodes them faster (PNG cost ~40% more CPU end to end here). They decode as full-range
 * BT.601 (yuvj420p); zscale turns each picture once into limited-range BT.709 yuv420p, as
 * Remotion does for the full renderer with `colorSpace: 'bt709'`.
 */
export async function renderFast(
  timeline: Timeline,
  audioPath: string,
  outPath: string,
  ctx: StageContext,
  session: RenderSession,
): Promise<RendererStats> {
  const plan = planFrames(timeline);
  const total = timeline.durationInFrames;
  const renderCost = plan.frames.length * SEC_PER_RENDERED_FRAME;
  const renderShare = (100 * renderCost) / (renderCost + total * SEC_PER_ENCODED_FRAME);
  const framesDir = await mkdtemp(join(ctx.workDir, 'frames-'));
  const { cancelSignal, dispose } = remotionCancelSignal(ctx.signal);
  try {
    const started = performance.now();
    ctx.onProgress(0, msg.rendering(0, plan.frames.length));
    await renderFrames({
      ...remotionSessionOptions(session, timeline, cancelSignal),
      frames: plan.frames,
      imageFormat: 'jpeg',
      jpegQuality: JPEG_QUALITY,
      outputDir: null,
      onFrameBuffer: async (buffer, frame) => {
        // After a cancel the frames dir is being removed: drop late frames quietly.
        if (ctx.signal.aborted) return;
        await writeFile(join(framesDir, frameFile(frame)), buffer).catch((error: unknown) => {
          if (!ctx.signal.aborted) throw error;
        });
      },
      onStart: () => undefined,
      onFrameUpdate: (done) =>
        ctx.onProgress((renderShare * done) / plan.frames.length, msg.rendering(done, plan.frames.length)),
    });
    const renderSec = seconds(started);

    const encodeStarted = performance.now();
    ctx.onProgress(renderShare, msg.encoding);
    const list = join(framesDir, 'frames.ffconcat');
    await writeFile(list, ffconcatScript(plan.holds, timeline.fps, frameFile));
    await runFfmpeg(
      narratedMp4Args({
        pictureInput: ['-f', 'concat', '-safe', '0', '-i', list],
        audioPath,
        outputArgs: [
          // Convert each picture once, then hold it on the fps grid. `trim` (not -frames:v,
          // which would end the audio early too) drops the repeated last ffconcat entry's frame.
          '-vf',
          [
            'zscale=matrixin=470bg:rangein=full:matrix=709:range=limited',
            `format=${VIDEO.pixelFormat}`,
            `fps=${timeline.fps}`,
            `trim=end_frame=${total}`,
          ].join(','),
          '-c:v',
          'libx264',
          '-preset',
          VIDEO.fastX264Preset,
          '-tune',
          'stillimage',
          '-crf',
          String(VIDEO.crf),
          ...BT709_TAGS,
        ],
        frames: total,
        fps: timeline.fps,
        outPath,
      }),
      {
        signal: ctx.signal,
        workDir: framesDir,
        onFrames: (done) =>
          ctx.onProgress(renderShare + ((100 - renderShare) * Math.min(done, total)) / total, msg.encoding),
      },
    );
    ctx.onProgress(100, msg.encoding);
    return { framesRendered: plan.frames.length, renderSec, encodeSec: seconds(encodeStarted) };
  } finally {
    dispose();
    await rm(framesDir, { recursive: true, force: true });
  }
}
