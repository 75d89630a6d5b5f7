import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Timeline } from '@movie-generator/remotion/props';
import { renderFrames } from '@remotion/renderer';
import type { StageContext } from '../context.ts';
import { msg } from '../i18n/messages.ts';
import { type Blend, writeBlends } from './blend.ts';
import { remotionCancelSignal } from './cancel.ts';
import { AUDIO_ARGS, BT709_TAGS, narratedMp4Args, VIDEO } from './encoding.ts';
import { runFfmpeg } from './ffmpeg.ts';
import { chunkHolds, ffconcatScript, type Hold, planFrames } from './frame-plan.ts';
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

/**
 * Output frames per encoded chunk (at least; holds are never split): 20 s at 30 fps. Larger
 * chunks leave more encoding after the last picture is drawn, smaller ones start more ffmpeg runs.
 */
const CHUNK_FRAMES = 600;

const frameFile = (frame: number) => `f${String(frame).padStart(6, '0')}.jpeg`;
/** A hold's picture: its drawn frame, or in a fade the blend made for it. */
const holdFile = (hold: Hold) =>
  hold.blend
    ? `b${hold.blend.under}-${hold.frame}-${Math.round(hold.blend.opacity * 1e6)}.jpeg`
    : frameFile(hold.frame);
const chunkFile = (index: number) => `chunk-${String(index).padStart(4, '0')}.mp4`;

/**
 * The fast renderer. Fades aside, static spans look the same on every frame, so Chromium draws
 * only the first frame of each static span (and every frame of an animated span, if any) of the
 * timeline without its fades (Remotion's renderFrames with an explicit frame list, on one tab).
 * Each frame of a fade is the drawn picture after the fade's start blended over the one before
 * it, which ffmpeg makes from those two stills (see blend.ts). The holds are cut into chunks of
 * about CHUNK_FRAMES frames, and each chunk is encoded to H.264 by its own ffmpeg run (one at a
 * time, through the concat demuxer, holding each picture for its span) as soon as its pictures
 * are drawn, while Chromium draws the next ones. A last ffmpeg run joins the chunks without
 * re-encoding them (every chunk starts with a keyframe and has the same settings) with the
 * narration, which another ffmpeg run encodes to AAC while Chromium draws.
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
  // What Chromium draws: the timeline without fades (and the composition resolved for it).
  const stills: Timeline = { ...timeline, fades: [] };
  const stillsSession = { ...session, composition: { ...session.composition, props: stills } };
  const total = timeline.durationInFrames;
  const renderCost = plan.frames.length * SEC_PER_RENDERED_FRAME;
  // Chunks are encoded while Chromium draws: what is left after the last picture is about one
  // chunk, so only that share of the bar waits for the encoder.
  const tailCost = Math.min(total, CHUNK_FRAMES) * SEC_PER_ENCODED_FRAME;
  const renderShare = (100 * renderCost) / (renderCost + tailCost);
  const framesDir = await mkdtemp(join(ctx.workDir, 'frames-'));
  const { cancelSignal, dispose } = remotionCancelSignal(ctx.signal);
  const chunks = chunkHolds(plan.holds, CHUNK_FRAMES);
  const drawn = new Set<number>();
  let queued = 0;
  let encodedFrames = 0;
  let drawingDone = false;
  let encodedWhenDrawn = 0;
  const encodeProgress = () => {
    if (drawingDone) {
      const left = Math.max(1, total - encodedWhenDrawn);
      const done = Math.min(encodedFrames, total) - encodedWhenDrawn;
      ctx.onProgress(renderShare + ((100 - renderShare) * done) / left, msg.encoding);
    }
  };
  // One chunk encodes at a time; `encoding` settles when the last queued one has.
  let encoding: Promise<void> = Promise.resolve();
  let encodeError: unknown;
  const queueReadyChunks = () => {
    const ready = (h: Hold) => drawn.has(h.frame) && (!h.blend || drawn.has(h.blend.under));
    while (queued < chunks.length && chunks[queued]!.every(ready)) {
      const index = queued++;
      const holds = chunks[index]!;
      encoding = encoding.then(async () => {
        if (encodeError !== undefined || ctx.signal.aborted) return;
        try {
          await encodeChunk(holds, index, framesDir, timeline.fps, ctx.signal);
          encodedFrames += holds.reduce((n, h) => n + h.durationInFrames, 0);
          encodeProgress();
        } catch (error) {
          encodeError = error;
        }
      });
    }
  };
  const narration = join(framesDir, 'narration.m4a');
  let audioError: unknown;
  const audio = runFfmpeg(['-i', audioPath, '-vn', ...AUDIO_ARGS, '-f', 'mp4', narration], {
    signal: ctx.signal,
    workDir: framesDir,
  }).catch((error: unknown) => {
    audioError = error;
  });
  try {
    const started = performance.now();
    ctx.onProgress(0, msg.rendering(0, plan.frames.length));
    await renderFrames({
      ...remotionSessionOptions(stillsSession, stills, cancelSignal),
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
        drawn.add(frame);
        queueReadyChunks();
      },
      onStart: () => undefined,
      onFrameUpdate: (done) =>
        ctx.onProgress(renderShare * (done / plan.frames.length), msg.rendering(done, plan.frames.length)),
    });
    const renderSec = seconds(started);

    const encodeStarted = performance.now();
    drawingDone = true;
    encodedWhenDrawn = Math.min(encodedFrames, total);
    ctx.onProgress(renderShare, msg.encoding);
    queueReadyChunks();
    encodeProgress();
    await Promise.all([encoding, audio]);
    if (audioError !== undefined) throw audioError;
    if (encodeError !== undefined) throw encodeError;
    if (queued !== chunks.length) throw new Error(`renderFast: ${chunks.length - queued} chunks never drawn`);
    const list = join(framesDir, 'chunks.ffconcat');
    await writeFile(
      list,
      `ffconcat version 1.0\n${chunks.map((_, i) => `file '${chunkFile(i)}'\n`).join('')}`,
    );
    await runFfmpeg(
      narratedMp4Args({
        pictureInput: ['-f', 'concat', '-safe', '0', '-i', list],
        audioPath: narration,
        outputArgs: ['-c:v', 'copy'],
        audioArgs: ['-c:a', 'copy'],
        frames: total,
        fps: timeline.fps,
        outPath,
      }),
      { signal: ctx.signal, workDir: framesDir },
    );
    ctx.onProgress(100, msg.encoding);
    // Encoding overlaps drawing: encodeSec is what is left of it after the last picture.
    return { framesRendered: plan.frames.length, renderSec, encodeSec: seconds(encodeStarted) };
  } finally {
    dispose();
    // A chunk's or the narration's ffmpeg may still be running (the signal stops it on a cancel).
    await Promise.all([encoding, audio]);
    await rm(framesDir, { recursive: true, force: true });
  }
}

/**
 * Encodes one chunk of holds to `chunk-NNNN.mp4` in `dir`: first the chunk's blends are made,
 * then each picture converted once to limited-range BT.709 yuv420p and held on the fps grid.
 * `trim` drops the repeated last ffconcat entry's frame.
 */
async function encodeChunk(
  holds: readonly Hold[],
  index: number,
  dir: string,
  fps: number,
  signal: AbortSignal,
): Promise<void> {
  const frames = holds.reduce((n, h) => n + h.durationInFrames, 0);
  const blends: Blend[] = holds.flatMap((h) =>
    h.blend
      ? [
          {
            under: join(dir, frameFile(h.blend.under)),
            over: join(dir, frameFile(h.frame)),
            opacity: h.blend.opacity,
            out: join(dir, holdFile(h)),
          },
        ]
      : [],
  );
  await writeBlends(blends, { signal, workDir: dir });
  const list = join(dir, `chunk-${index}.ffconcat`);
  await writeFile(list, ffconcatScript(holds, fps, holdFile));
  await runFfmpeg(
    [
      '-f',
      'concat',
      '-safe',
      '0',
      '-i',
      list,
      '-vf',
      [
        'zscale=matrixin=470bg:rangein=full:matrix=709:range=limited',
        `format=${VIDEO.pixelFormat}`,
        `fps=${fps}`,
        `trim=end_frame=${frames}`,
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
      '-an',
      '-f',
      'mp4',
      join(dir, chunkFile(index)),
    ],
    { signal, workDir: dir },
  );
}
