import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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
import { holdPictures } from './h264-holds.ts';
import { type RendererStats, type RenderSession, remotionSessionOptions, seconds } from './session.ts';

/**
 * Costs measured here (2 shared cores, 720p, worker path), only to split the progress bar between
 * drawing and the encoding left after it so that it moves at one pace through both: a drawn frame
 * costs ~0.1 s, a chunk's encode (an ffmpeg start, its blends and x264 on its pictures) ~0.3 s.
 */
const SEC_PER_RENDERED_FRAME = 0.105;
const SEC_PER_CHUNK = 0.3;

/** At most this many frames from one IDR picture to the next (x264's default keyint). */
const KEYINT_FRAMES = 250;

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

/**
 * The fast renderer. Fades aside, static spans look the same on every frame, so Chromium draws
 * only the first frame of each static span (and every frame of an animated span, if any) of the
 * timeline without its fades (Remotion's renderFrames with an explicit frame list, on one tab).
 * Each frame of a fade is the drawn picture after the fade's start blended over the one before
 * it, which ffmpeg makes from those two stills (see blend.ts).
 *
 * The holds are cut into chunks of about CHUNK_FRAMES frames, each encoded as soon as its
 * pictures are drawn, while Chromium draws the next ones (one chunk at a time): x264 encodes
 * each picture of the chunk once (through the concat demuxer), and holdPictures repeats each
 * for its frames by appending skipped P frames to the H.264 stream, so x264 never sees the held
 * frames. The chunks' streams are appended to one raw H.264 file (each chunk starts with an IDR
 * picture); a last ffmpeg run puts it in the MP4 without re-encoding it, with the narration,
 * which another ffmpeg run encodes to AAC while Chromium draws.
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
  const tailCost = SEC_PER_CHUNK;
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
          const chunkStarted = performance.now();
          await encodeChunk(holds, index, framesDir, video, timeline.fps, ctx.signal);
          const frames = holds.reduce((n, h) => n + h.durationInFrames, 0);
          encodedFrames += frames;
          ctx.log.debug({ chunk: index, frames, seconds: seconds(chunkStarted) }, 'render: chunk encoded');
          encodeProgress();
        } catch (error) {
          encodeError = error;
        }
      });
    }
  };
  const video = join(framesDir, 'video.h264');
  const narration = join(framesDir, 'narration.m4a');
  let audioError: unknown;
  const audioStarted = performance.now();
  const audio = runFfmpeg(['-i', audioPath, '-vn', ...AUDIO_ARGS, '-f', 'mp4', narration], {
    signal: ctx.signal,
    workDir: framesDir,
  })
    .then(() => ctx.log.debug({ seconds: seconds(audioStarted) }, 'render: narration encoded'))
    .catch((error: unknown) => {
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
    ctx.log.debug({ frames: plan.frames.length, seconds: renderSec }, 'render: pictures drawn');

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
    await runFfmpeg(
      narratedMp4Args({
        pictureInput: ['-f', 'h264', '-framerate', String(timeline.fps), '-i', video],
        audioPath: narration,
        // The raw stream's timestamps are in 1/1200000 s: the MP4 track counts in 1/(512 fps)
        // s (as x264 in MP4 does), where every frame lasts exactly 512.
        outputArgs: ['-c:v', 'copy', '-video_track_timescale', String(512 * timeline.fps)],
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
 * Encodes one chunk of holds and appends it to the raw H.264 file `video`: first the chunk's
 * blends are made, then x264 encodes each hold's picture once, converted to limited-range BT.709
 * yuv420p (an IDR picture at the chunk's start and at the first hold at least KEYINT_FRAMES
 * frames after the last one), and holdPictures repeats each picture for its hold.
 */
async function encodeChunk(
  holds: readonly Hold[],
  index: number,
  dir: string,
  video: string,
  fps: number,
  signal: AbortSignal,
): Promise<void> {
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
  const keyframes: number[] = [];
  let sinceKeyframe = 0;
  holds.forEach((hold, i) => {
    if (i === 0 || sinceKeyframe >= KEYINT_FRAMES) {
      keyframes.push(i);
      sinceKeyframe = 0;
    }
    sinceKeyframe += hold.durationInFrames;
  });
  const list = join(dir, `chunk-${index}.ffconcat`);
  const pictures = join(dir, `chunk-${index}.h264`);
  await writeFile(
    list,
    ffconcatScript(
      holds.map((h) => ({ ...h, durationInFrames: 1 })),
      fps,
      holdFile,
    ),
  );
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
        `trim=end_frame=${holds.length}`,
      ].join(','),
      '-c:v',
      'libx264',
      '-preset',
      VIDEO.fastX264Preset,
      '-tune',
      'stillimage',
      '-crf',
      String(VIDEO.crf),
      '-force_key_frames',
      `expr:${keyframes.map((i) => `eq(n,${i})`).join('+')}`,
      '-forced-idr',
      '1',
      ...BT709_TAGS,
      '-an',
      '-f',
      'h264',
      pictures,
    ],
    { signal, workDir: dir },
  );
  const held = holdPictures(
    await readFile(pictures),
    holds.map((h) => h.durationInFrames),
  );
  await appendFile(video, held);
  await rm(pictures);
}
