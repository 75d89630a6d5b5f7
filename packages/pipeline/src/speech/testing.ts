// Helpers for this folder's tests (not exported from index.ts).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ffprobe } from '@movie-generator/test-helpers';
import { makeTestContext, type TestContext } from '../test-context.ts';

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
