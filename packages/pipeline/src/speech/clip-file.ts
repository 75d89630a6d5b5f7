import { rename, rm, writeFile } from 'node:fs/promises';
import type { StageContext } from '../context.ts';
import { PipelineError } from '../errors.ts';
import { runProcess } from '../process.ts';
import type { SpeechClip, SpeechRequest } from './types.ts';
import {
  readWavInfo,
  silentWav,
  WAVE_FORMAT_IEEE_FLOAT,
  WAVE_FORMAT_PCM,
  type WavInfo,
  WavParseError,
} from './wav.ts';

/** What a narration with nothing speakable becomes: a short pause. */
export const PAUSE_CLIP_SEC = 0.5;

/**
 * Writes the pause that stands in for a narration with nothing speakable (only punctuation or
 * symbols), at the engine's sample rate, and says so in the log.
 */
export async function writePauseClip(
  request: SpeechRequest,
  ctx: StageContext,
  sampleRate?: number,
): Promise<void> {
  ctx.log.warn({ text: request.text }, 'narration has nothing speakable; using a pause');
  await writeFile(request.outPath, silentWav(PAUSE_CLIP_SEC, sampleRate));
}

export interface FinalizeClipOptions {
  /** Default `ffmpeg`. */
  ffmpeg?: string;
}

/**
 * Turns what an engine wrote at `path` into a measured WAV clip: PCM WAV files are measured from their
 * header; anything else (an mp3, a compressed WAV) is converted to 16-bit PCM WAV in place with ffmpeg first.
 */
export async function finalizeClip(
  path: string,
  ctx: StageContext,
  options: FinalizeClipOptions = {},
): Promise<SpeechClip> {
  let info = await readPcmWavInfo(path);
  if (!info) {
    ctx.log.debug({ path }, 'speech clip is not PCM WAV; converting with ffmpeg');
    await convertToPcmWav(path, ctx, options.ffmpeg ?? 'ffmpeg');
    info = await readPcmWavInfo(path);
    if (!info)
      throw new PipelineError('AUDIO_FAILED', { detail: `ffmpeg did not produce a PCM WAV: ${path}` });
  }
  if (info.durationSec <= 0)
    throw new PipelineError('AUDIO_FAILED', { detail: `empty speech clip: ${path}` });
  return { path, durationSec: info.durationSec };
}

async function readPcmWavInfo(path: string): Promise<WavInfo | undefined> {
  try {
    const info = await readWavInfo(path);
    return info.formatTag === WAVE_FORMAT_PCM || info.formatTag === WAVE_FORMAT_IEEE_FLOAT ? info : undefined;
  } catch (error) {
    if (error instanceof WavParseError) return undefined;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new PipelineError('AUDIO_FAILED', {
        detail: `the speech engine wrote no audio: ${path}`,
        cause: error,
      });
    }
    throw error;
  }
}

async function convertToPcmWav(path: string, ctx: StageContext, ffmpeg: string): Promise<void> {
  const tmp = `${path}.pcm.wav`;
  try {
    await runProcess(
      ffmpeg,
      ['-v', 'error', '-nostdin', '-y', '-i', path, '-map', '0:a:0', '-c:a', 'pcm_s16le', '-f', 'wav', tmp],
      { signal: ctx.signal, errorCode: 'AUDIO_FAILED' },
    );
    await rename(tmp, path);
  } finally {
    await rm(tmp, { force: true });
  }
}
