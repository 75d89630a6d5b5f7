// Helpers for this folder's tests (not exported from index.ts).
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { ffprobe } from '@movie-generator/test-helpers';
import { makeTestContext, type TestContext } from '../test-context.ts';
import { parseWav, WAVE_FORMAT_PCM } from './wav.ts';

const execFileAsync = promisify(execFile);

export interface SpeechTestContext extends TestContext {
  controller: AbortController;
}

/** A recording test context working in `workDir`, with the controller that aborts it. */
export function makeContext(workDir: string): SpeechTestContext {
  const controller = new AbortController();
  return { ...makeTestContext(controller.signal, workDir), controller };
}

/** A sine tone WAV written to stdout the way a streaming engine does it (RIFF/data sizes 0xFFFFFFFF). */
export async function makeStreamedWav(sec: number, sampleRate = 24_000): Promise<Buffer> {
  const { stdout } = await execFileAsync(
    'ffmpeg',
    [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      `sine=f=330:r=${sampleRate}:d=${sec}`,
      '-c:a',
      'pcm_s16le',
      '-f',
      'wav',
      '-',
    ],
    { encoding: 'buffer', maxBuffer: 64 << 20 },
  );
  return stdout;
}

/** Names of the child processes of this process (to check nothing is left running). */
export async function childProcessNames(): Promise<string[]> {
  try {
    const { stdout } = await execFileAsync('ps', ['-o', 'comm=', '--ppid', String(process.pid)]);
    return stdout
      .split('\n')
      .map((s) => s.trim())
      .filter((s) => s && s !== 'ps');
  } catch {
    return []; // ps exits 1 when there are none.
  }
}

export async function ffprobeDurationSec(path: string): Promise<number> {
  return Number((await ffprobe(path)).format.duration);
}

/** Semitones from `lowHz` up to `highHz`. */
export function semitones(lowHz: number, highHz: number): number {
  return 12 * Math.log2(highHz / lowHz);
}

/**
 * Median fundamental frequency (Hz) of the speech in a 16-bit mono WAV: normalised autocorrelation
 * over 40 ms frames every 10 ms, counting only voiced frames (loud enough, and periodic: correlation
 * ≥ 0.6). The period is the shortest lag within 90% of the best one, so a frame's second period
 * (half the pitch) is not taken for its first.
 */
export async function medianPitchHz(path: string, minHz = 60, maxHz = 700): Promise<number> {
  const bytes = await readFile(path);
  const info = parseWav(bytes);
  if (info.formatTag !== WAVE_FORMAT_PCM || info.bitsPerSample !== 16 || info.channels !== 1) {
    throw new Error(`${path}: not 16-bit mono PCM`);
  }
  // Averaged down to ≤ 24 kHz: plenty for voice pitch, and fewer lags to try.
  const factor = Math.max(1, Math.floor(info.sampleRate / 16_000));
  const rate = info.sampleRate / factor;
  const samples = new Float64Array(Math.floor(info.dataSize / 2 / factor));
  for (let i = 0; i < samples.length; i++) {
    let sum = 0;
    for (let k = 0; k < factor; k++) sum += bytes.readInt16LE(info.dataOffset + (i * factor + k) * 2);
    samples[i] = sum / factor / 32_768;
  }
  const window = Math.round(rate * 0.04);
  const hop = Math.round(rate * 0.01);
  const minLag = Math.floor(rate / maxHz);
  const maxLag = Math.ceil(rate / minHz);
  // squares[i]: the energy of samples [0, i), so any window's energy is one subtraction.
  const squares = new Float64Array(samples.length + 1);
  for (let i = 0; i < samples.length; i++) squares[i + 1] = squares[i]! + samples[i]! ** 2;
  const energy = (start: number) => squares[start + window]! - squares[start]!;
  const starts: number[] = [];
  for (let start = 0; start + window + maxLag + 2 <= samples.length; start += hop) starts.push(start);
  const loudest = Math.max(...starts.map(energy));
  const pitches: number[] = [];
  const correlation = new Float64Array(maxLag + 2);
  for (const start of starts) {
    const own = energy(start);
    // Quieter than 1/100 of the loudest frame (-20 dB): silence or breath.
    if (own < loudest / 100) continue;
    let best = 0;
    for (let lag = minLag - 1; lag <= maxLag + 1; lag++) {
      let cross = 0;
      for (let i = start; i < start + window; i++) cross += samples[i]! * samples[i + lag]!;
      correlation[lag] = cross / Math.sqrt(own * energy(start + lag) || 1);
      if (lag >= minLag && lag <= maxLag) best = Math.max(best, correlation[lag]!);
    }
    if (best < 0.6) continue;
    for (let lag = minLag; lag <= maxLag; lag++) {
      const [before, r, after] = [correlation[lag - 1]!, correlation[lag]!, correlation[lag + 1]!];
      if (r >= 0.9 * best && r >= before && r >= after) {
        // The peak between samples: the vertex of the parabola through the three correlations.
        const curve = before - 2 * r + after;
        const offset = curve < 0 ? (before - after) / (2 * curve) : 0;
        pitches.push(rate / (lag + offset));
        break;
      }
    }
  }
  if (pitches.length === 0) throw new Error(`${path}: no voiced frames`);
  pitches.sort((a, b) => a - b);
  return pitches[Math.floor(pitches.length / 2)]!;
}

/** Median pitch of each character's clip, with the asker − explainer gap in semitones, printed for the record. */
export async function characterPitches(
  engine: string,
  clips: { narrator: string; asker: string; explainer: string },
): Promise<{ hz: { narrator: number; asker: number; explainer: number }; apart: number }> {
  const hz = {
    narrator: await medianPitchHz(clips.narrator),
    asker: await medianPitchHz(clips.asker),
    explainer: await medianPitchHz(clips.explainer),
  };
  const apart = semitones(hz.explainer, hz.asker);
  console.log(
    `${engine} median pitch: narrator ${hz.narrator.toFixed(1)} Hz, asker ${hz.asker.toFixed(1)} Hz, ` +
      `explainer ${hz.explainer.toFixed(1)} Hz; asker − explainer ${apart.toFixed(2)} semitones`,
  );
  return { hz, apart };
}
