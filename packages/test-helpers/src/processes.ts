import { execFile } from 'node:child_process';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/**
 * Parses each complete line of `stream` that is JSON (a child's pino log lines) into the returned
 * array as it arrives; other lines are skipped.
 */
export function collectJsonLines(stream: Readable): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  let buffer = '';
  stream.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const complete = buffer.split('\n');
    buffer = complete.pop()!;
    for (const line of complete) {
      try {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // not a log line
      }
    }
  });
  return lines;
}

/** Names of the processes still alive in process group `pgid` (a killed child's Chromium, ffmpeg...). */
export async function processGroupMembers(pgid: number): Promise<string[]> {
  const { stdout } = await execFileAsync('ps', ['-eo', 'pid=,pgid=,comm=']);
  return stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => Number(cols[1]) === pgid)
    .map((cols) => cols.slice(2).join(' '));
}

/** Polls `check` every `pollMs` until it returns something other than undefined/false. */
export async function waitUntil<T>(
  check: () => T | Promise<T>,
  timeoutMs: number,
  what: string,
  pollMs = 50,
): Promise<Exclude<T, false | undefined>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value as Exclude<T, false | undefined>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
