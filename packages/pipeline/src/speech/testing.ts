// Helpers for this folder's tests (not exported from index.ts).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { LocalizedMessage, StageContext } from '../context.ts';
import { silentLogger } from '../logger.ts';

const execFileAsync = promisify(execFile);

export interface TestContext extends StageContext {
  controller: AbortController;
  progress: { percent: number; message: LocalizedMessage }[];
}

export function makeContext(workDir: string): TestContext {
  const controller = new AbortController();
  const progress: TestContext['progress'] = [];
  return {
    controller,
    progress,
    signal: controller.signal,
    onProgress: (percent, message) => progress.push({ percent, message }),
    log: silentLogger,
    workDir,
  };
}

/** A sine tone written by ffmpeg (a WAV unless `format` says otherwise), e.g. for engine stubs. */
export async function makeTone(
  path: string,
  {
    sec,
    sampleRate = 48_000,
    frequency = 440,
    args = [],
  }: { sec: number; sampleRate?: number; frequency?: number; args?: string[] },
): Promise<void> {
  await execFileAsync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `sine=f=${frequency}:r=${sampleRate}:d=${sec}`,
    ...args,
    path,
  ]);
}

/** Same, but written to stdout the way a streaming engine does it (RIFF/data sizes 0xFFFFFFFF). */
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
  const { stdout } = await execFileAsync('ffprobe', [
    '-v',
    'error',
    '-show_entries',
    'format=duration',
    '-of',
    'default=nw=1:nk=1',
    path,
  ]);
  return Number(stdout.trim());
}
