import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { runProcess } from '../process.ts';

/** Debian's ffmpeg (on PATH in the image and on this machine). */
export const FFMPEG = 'ffmpeg';

export interface FfmpegOptions {
  signal: AbortSignal;
  /** Where the progress file goes (deleted afterwards). */
  workDir: string;
  /** Called with the number of frames written so far, about every 250 ms. */
  onFrames?: (frames: number) => void;
}

const POLL_MS = 250;

/**
 * Runs ffmpeg through runProcess (no shell; the signal kills it). Progress comes from
 * `-progress <file>`, polled, because runProcess hands back output only at exit.
 */
export async function runFfmpeg(args: readonly string[], options: FfmpegOptions): Promise<void> {
  const progressFile = join(options.workDir, `ffmpeg-progress-${process.pid}-${Date.now()}.txt`);
  const { onFrames } = options;
  let lastFrames = -1;
  const poll = async () => {
    const text = await readFile(progressFile, 'utf8').catch(() => '');
    const frames = lastMatch(text, /^frame=(\d+)$/gm);
    if (frames !== undefined && frames !== lastFrames) {
      lastFrames = frames;
      onFrames?.(frames);
    }
  };
  const timer = onFrames ? setInterval(() => void poll(), POLL_MS) : undefined;
  try {
    await runProcess(
      FFMPEG,
      [
        '-hide_banner',
        '-nostdin',
        '-v',
        'error',
        '-y',
        '-progress',
        progressFile,
        '-stats_period',
        '0.25',
        ...args,
      ],
      { signal: options.signal, errorCode: 'RENDER_FAILED' },
    );
    if (onFrames) await poll();
  } finally {
    clearInterval(timer);
    await rm(progressFile, { force: true });
  }
}

function lastMatch(text: string, pattern: RegExp): number | undefined {
  let value: number | undefined;
  for (const m of text.matchAll(pattern)) value = Number(m[1]);
  return value;
}
