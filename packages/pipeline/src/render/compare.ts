import { runProcess } from '../process.ts';
import { FFMPEG } from './ffmpeg.ts';

export interface SsimResult {
  /** Mean of the per-frame SSIM ("All": Y, U and V weighted 4:1:1). */
  mean: number;
  min: number;
  /** Index (in the first video) of the worst frame. */
  minFrame: number;
  framesCompared: number;
}

/**
 * Structural similarity of two videos of the same size, over `samples` frames spread evenly
 * across the first video (the same frame numbers are taken from both). 1 is identical;
 * above ~0.98 differences are hard to see.
 */
export async function meanSsim(
  videoA: string,
  videoB: string,
  options: { samples?: number; signal?: AbortSignal } = {},
): Promise<SsimResult> {
  const signal = options.signal ?? new AbortController().signal;
  const frames = await countFrames(videoA, signal);
  const step = Math.max(1, Math.floor(frames / (options.samples ?? 24)));
  const pick = `select='not(mod(n\\,${step}))',setpts=N/TB`;
  const { stdout } = await runProcess(
    FFMPEG,
    [
      '-hide_banner',
      '-nostdin',
      '-v',
      'error',
      '-i',
      videoA,
      '-i',
      videoB,
      '-lavfi',
      `[0:v]${pick}[a];[1:v]${pick}[b];[a][b]ssim=stats_file=-`,
      '-f',
      'null',
      '-',
    ],
    { signal, errorCode: 'RENDER_FAILED', captureStdout: true },
  );
  const values = [...stdout.toString('utf8').matchAll(/^n:(\d+) .*All:([0-9.]+)/gm)].map((m) => ({
    n: Number(m[1]),
    all: Number(m[2]),
  }));
  if (values.length === 0) throw new Error('ssim: ffmpeg compared no frames');
  const worst = values.reduce((a, b) => (b.all < a.all ? b : a));
  return {
    mean: values.reduce((sum, v) => sum + v.all, 0) / values.length,
    min: worst.all,
    // ssim numbers its frames from 1.
    minFrame: (worst.n - 1) * step,
    framesCompared: values.length,
  };
}

/** Decoded frame count of the first video stream (exact, by decoding). */
export async function countFrames(video: string, signal?: AbortSignal): Promise<number> {
  const { stdout } = await runProcess(
    'ffprobe',
    [
      '-v',
      'error',
      '-select_streams',
      'v:0',
      '-count_frames',
      '-show_entries',
      'stream=nb_read_frames',
      '-of',
      'csv=p=0',
      video,
    ],
    { signal: signal ?? new AbortController().signal, errorCode: 'RENDER_FAILED', captureStdout: true },
  );
  const frames = Number.parseInt(stdout.toString('utf8').trim(), 10);
  if (!Number.isFinite(frames)) throw new Error(`countFrames: no frame count for ${video}`);
  return frames;
}
