import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Parts, splitParts } from './parts.ts';

export interface ColdRun {
  wallSec: number;
  /** CPU seconds (user + system) of the CLI and everything it started: steadier than wall time on a shared machine. */
  cpuSec: number;
  videoDurationSec: number;
  parts: Parts & { exit: number };
  framesRendered: number;
}

interface LogLine {
  time?: number;
  stage?: string;
  seconds?: number;
  msg?: string;
  renderSec?: number;
  encodeSec?: number;
  framesRendered?: number;
}

/** CPU seconds of this process's waited-for children and their descendants (cutime + cstime). */
function childrenCpuSec(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 16 and 17 of /proc/<pid>/stat, counted from the state (field 3), in clock ticks.
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/**
 * One cold CLI run: a fresh `node bin/movie-generator.js` process (tsx start-up, bundle and
 * Chromium included), as `npx movie-generator` runs it. The parts come from its debug log (`-v`
 * writes pino JSON lines to stdout): each stage's end time and seconds, and the renderer's stats.
 * Start-up is from spawning to the first stage's start; exit is from the last stage's end to the
 * process's exit (closing Chromium, removing the bundle).
 */
export async function coldRun(
  pkgRoot: string,
  url: string,
  outPath: string,
  extraArgs: readonly string[],
): Promise<ColdRun> {
  const cpuBefore = childrenCpuSec();
  const spawnedAt = Date.now();
  const child = spawn(
    process.execPath,
    [
      join(pkgRoot, 'bin/movie-generator.js'),
      url,
      '-o',
      outPath,
      '--allow-private-network',
      '-v',
      ...extraArgs,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LANG: 'C.UTF-8' } },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const exitedAt = Date.now();
  if (code !== 0) throw new Error(`cold run failed (${code}): ${stderr.slice(-2000)}${stdout.slice(-2000)}`);
  const lines: LogLine[] = stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as LogLine);
  const stageSeconds: Record<string, number> = {};
  let firstStart = Number.POSITIVE_INFINITY;
  let lastEnd = 0;
  for (const l of lines) {
    if (l.msg === 'stage finished' && l.stage && l.seconds !== undefined && l.time) {
      stageSeconds[l.stage] = l.seconds;
      firstStart = Math.min(firstStart, l.time - l.seconds * 1000);
      lastEnd = Math.max(lastEnd, l.time);
    }
  }
  const done = lines.find((l) => l.msg === 'render: done');
  const duration = /\(([\d.]+) (?:s|秒),/.exec(stdout);
  if (!done || !duration)
    throw new Error(`cold run: no render log or duration in output:\n${stdout.slice(-2000)}`);
  const render = { renderSec: done.renderSec ?? 0, encodeSec: done.encodeSec ?? 0 };
  return {
    wallSec: (exitedAt - spawnedAt) / 1000,
    cpuSec: Number((childrenCpuSec() - cpuBefore).toFixed(2)),
    videoDurationSec: Number(duration[1]),
    parts: {
      ...splitParts(stageSeconds, render, (firstStart - spawnedAt) / 1000),
      exit: Number(((exitedAt - lastEnd) / 1000).toFixed(2)),
    },
    framesRendered: done.framesRendered ?? 0,
  };
}
