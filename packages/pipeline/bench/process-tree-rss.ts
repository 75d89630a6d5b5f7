import { readdirSync, readFileSync } from 'node:fs';

const PAGE_SIZE = 4096;

export interface TreeMemory {
  /** Resident set sizes summed: counts pages shared between Chromium's processes many times. */
  rss: number;
  /** Proportional set sizes summed: each shared page split among its sharers (the real footprint). */
  pss: number;
}

function pssOf(pid: number): number {
  const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const kb = /^Pss:\s+(\d+) kB/m.exec(rollup);
  return kb ? Number(kb[1]) * 1024 : 0;
}

/** Memory of a process and all its descendants (Chromium, ffmpeg...), from /proc. */
export function processTreeMemory(rootPid: number): TreeMemory {
  const parentOf = new Map<number, number>();
  const rssOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the ")" of the command name: state, ppid, ...
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parentOf.set(pid, Number(fields[1]));
      rssOf.set(pid, Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_SIZE);
    } catch {
      // The process ended while we looked.
    }
  }
  const total: TreeMemory = { rss: 0, pss: 0 };
  for (const [pid, rss] of rssOf) {
    let p: number | undefined = pid;
    while (p !== undefined && p > 1 && p !== rootPid) p = parentOf.get(p);
    if (p !== rootPid) continue;
    total.rss += rss;
    try {
      total.pss += pssOf(pid);
    } catch {
      // The process ended while we looked.
    }
  }
  return total;
}

/** Samples the tree's memory every `intervalMs` and remembers the peaks. */
export function startMemorySampler(rootPid = process.pid, intervalMs = 250) {
  let peak = processTreeMemory(rootPid);
  const sample = () => {
    const now = processTreeMemory(rootPid);
    peak = { rss: Math.max(peak.rss, now.rss), pss: Math.max(peak.pss, now.pss) };
  };
  const timer = setInterval(sample, intervalMs);
  return {
    reset: () => {
      peak = processTreeMemory(rootPid);
    },
    peak: (): TreeMemory => {
      sample();
      return peak;
    },
    stop: () => clearInterval(timer),
  };
}
