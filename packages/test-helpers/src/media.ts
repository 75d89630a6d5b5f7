import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Runs ffmpeg quietly, overwriting `path`. */
async function ffmpegTo(path: string, args: string[]): Promise<string> {
  await execFileAsync('ffmpeg', ['-v', 'error', '-y', ...args, path]);
  return path;
}

/** An input from one of ffmpeg's generated sources (testsrc, color, sine...). */
const generated = (source: string) => ['-f', 'lavfi', '-i', source];

export interface TestVideoOptions {
  width: number;
  height: number;
  durationSec: number;
  fps: number;
  /** A plain background of this ffmpeg colour (e.g. '0x312e81') instead of the test pattern. */
  color?: string;
  /** Pitch of the sine soundtrack. */
  frequency?: number;
  /** An ffmpeg video filter chain drawn over the picture (e.g. drawtext). */
  filter?: string;
  /** x264 preset (ffmpeg's default when unset). */
  preset?: string;
  /** Moves the index to the front, as the pipeline's own MP4s have it. */
  faststart?: boolean;
}

/** A real H.264 (yuv420p) + AAC MP4 made by ffmpeg: a test pattern or plain colour and a sine tone. */
export async function makeTestVideo(path: string, options: TestVideoOptions): Promise<string> {
  const { width, height, durationSec, fps, color, frequency = 440, filter, preset, faststart } = options;
  const picture = color
    ? `color=c=${color}:s=${width}x${height}:r=${fps}:d=${durationSec}`
    : `testsrc=duration=${durationSec}:size=${width}x${height}:rate=${fps}`;
  return ffmpegTo(path, [
    ...generated(picture),
    ...generated(`sine=frequency=${frequency}:duration=${durationSec}`),
    ...(filter ? ['-vf', filter] : []),
    '-c:v',
    'libx264',
    ...(preset ? ['-preset', preset] : []),
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-shortest',
    ...(faststart ? ['-movflags', '+faststart'] : []),
  ]);
}

export interface ToneOptions {
  sec: number;
  sampleRate?: number;
  frequency?: number;
  /** Channels written (ffmpeg's sine source is mono; 2 copies it to both). */
  channels?: number;
  /** Further output arguments (codec, format...); by default the format follows the file name. */
  args?: string[];
}

/** A sine tone of exactly `sec` seconds written by ffmpeg (a WAV for a .wav path). */
export async function makeTone(
  path: string,
  { sec, sampleRate = 48_000, frequency = 440, channels, args = [] }: ToneOptions,
): Promise<string> {
  return ffmpegTo(path, [
    ...generated(`sine=f=${frequency}:r=${sampleRate}:d=${sec}`),
    ...(channels ? ['-ac', String(channels)] : []),
    ...args,
  ]);
}
