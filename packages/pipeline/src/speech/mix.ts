import { rm, writeFile } from 'node:fs/promises';
import type { StageContext } from '../context.ts';
import { asStageError, PipelineError } from '../errors.ts';
import { runProcess } from '../process.ts';
import type { SpeechClip } from './types.ts';
import { readWavInfo } from './wav.ts';

export interface ClipPlacementSec {
  /** Index into the clips. */
  clipIndex: number;
  startSec: number;
}

export const MIX_SAMPLE_RATE = 48_000;

/** A clip and, when known, its channel count (mono clips are copied to both channels at full level). */
export type MixClip = SpeechClip & { channels?: number };

export interface MixPlan {
  /** ffmpeg inputs, in order ([0:a], [1:a], …). */
  inputs: string[];
  /** A filter graph whose output pad is [mix]. */
  filter: string;
  /** Exact output length. */
  totalSamples: number;
}

/**
 * Builds the ffmpeg filter graph for the narration track. The track is cut into back-to-back
 * segments of exact sample counts (leading silence, then each clip padded with silence up to the
 * next clip's start) and concatenated, so it is exactly `totalSec` long with no drift however many
 * clips there are. A clip longer than the gap to the next one is cut there (clips never overlap).
 */
export function buildMixPlan(
  clips: readonly MixClip[],
  placements: readonly ClipPlacementSec[],
  totalSec: number,
  sampleRate = MIX_SAMPLE_RATE,
): MixPlan {
  if (!(totalSec > 0) || !Number.isFinite(totalSec)) throw new Error(`invalid total length ${totalSec}`);
  const totalSamples = Math.round(totalSec * sampleRate);
  const starts = placements
    .map((placement) => {
      const clip = clips[placement.clipIndex];
      if (!clip) throw new Error(`placement refers to missing clip ${placement.clipIndex}`);
      if (!(placement.startSec >= 0) || !Number.isFinite(placement.startSec)) {
        throw new Error(`invalid start ${placement.startSec} for clip ${placement.clipIndex}`);
      }
      const start = Math.min(Math.round(placement.startSec * sampleRate), totalSamples);
      return { clip, start };
    })
    .sort((a, b) => a.start - b.start);

  const resample = `aresample=${sampleRate},aformat=sample_fmts=s16:sample_rates=${sampleRate}`;
  // ffmpeg's own mono→stereo upmix lowers the level by 3 dB; pan copies the channel as it is.
  const toStereo = (clip: MixClip) =>
    clip.channels === 1
      ? `${resample}:channel_layouts=mono,pan=stereo|c0=c0|c1=c0`
      : `${resample}:channel_layouts=stereo`;
  const inputs: string[] = [];
  const lines: string[] = [];
  const segments: string[] = [];
  const leading = starts[0]?.start ?? totalSamples;
  if (leading > 0) {
    lines.push(`anullsrc=r=${sampleRate}:cl=stereo,atrim=end_sample=${leading}[s0];`);
    segments.push('[s0]');
  }
  starts.forEach((placement, i) => {
    const length = (starts[i + 1]?.start ?? totalSamples) - placement.start;
    if (length <= 0) return; // Starts where the next clip starts (or at the very end): nothing of it is heard.
    const input = inputs.push(placement.clip.path) - 1;
    lines.push(
      `[${input}:a]${toStereo(placement.clip)},atrim=end_sample=${length},apad=whole_len=${length}[c${input}];`,
    );
    segments.push(`[c${input}]`);
  });
  lines.push(`${segments.join('')}concat=n=${segments.length}:v=0:a=1[mix]`);
  return { inputs, filter: lines.join('\n'), totalSamples };
}

/** ffmpeg arguments for a plan whose filter graph is in `filterScriptPath` (too long for a command line). */
export function buildMixArgs(plan: MixPlan, filterScriptPath: string, outPath: string): string[] {
  return [
    '-v',
    'error',
    '-nostdin',
    '-y',
    ...plan.inputs.flatMap((input) => ['-i', input]),
    '-filter_complex_script',
    filterScriptPath,
    '-map',
    '[mix]',
    '-c:a',
    'pcm_s16le',
    '-f',
    'wav',
    outPath,
  ];
}

export interface MixOptions {
  /** Default `ffmpeg` (Debian's). */
  ffmpeg?: string;
}

/**
 * Writes the narration track: every clip at its start time, silence elsewhere, exactly `totalSec`
 * long, 48 kHz stereo 16-bit WAV (the renderers encode it to AAC). Returns `outPath`.
 */
export async function mixNarration(
  clips: readonly MixClip[],
  placements: readonly ClipPlacementSec[],
  totalSec: number,
  outPath: string,
  ctx: StageContext,
  options: MixOptions = {},
): Promise<string> {
  const filterScriptPath = `${outPath}.filter.txt`;
  try {
    let plan: MixPlan;
    try {
      const used = new Set(placements.map((placement) => placement.clipIndex));
      const withChannels = await Promise.all(
        clips.map((clip, i) => (used.has(i) ? withChannelCount(clip) : clip)),
      );
      plan = buildMixPlan(withChannels, placements, totalSec);
    } catch (error) {
      throw new PipelineError('AUDIO_FAILED', {
        detail: `narration mix: ${(error as Error).message}`,
        cause: error,
      });
    }
    await writeFile(filterScriptPath, plan.filter);
    await runProcess(options.ffmpeg ?? 'ffmpeg', buildMixArgs(plan, filterScriptPath, outPath), {
      signal: ctx.signal,
      errorCode: 'AUDIO_FAILED',
    });
    ctx.log.debug({ outPath, clips: plan.inputs.length, totalSec }, 'narration mixed');
    return outPath;
  } catch (error) {
    throw asStageError(error, 'AUDIO_FAILED', ctx.signal);
  } finally {
    await rm(filterScriptPath, { force: true });
  }
}

async function withChannelCount(clip: MixClip): Promise<MixClip> {
  if (clip.channels !== undefined) return clip;
  return { ...clip, channels: (await readWavInfo(clip.path)).channels };
}
