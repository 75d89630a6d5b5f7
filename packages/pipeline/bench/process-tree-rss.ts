import { readdirSync, readFileSync } from 'node:fs';

const PAGE_SIZE = 4096;

/** Resident memory in bytes of a process and all its descendants (Chromium, ffmpeg...), from /proc. */
export function processTreeRss(rootPid: number): number {
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
  let total = 0;
  for (const [pid, rss] of rssOf) {
    let p: number | undefined = pid;
    while (p !== undefined && p > 1 && p !== rootPid) p = parentOf.get(p);
    if (p === rootPid) total += rss;
  }
  return total;
}

/** Samples the tree's RSS every `intervalMs` and remembers the peak. */
export function startRssSampler(rootPid = process.pid, intervalMs = 250) {
  let peak = processTreeRss(rootPid);
  const timer = setInterval(() => {
    peak = Math.max(peak, processTreeRss(rootPid));
  }, intervalMs);
  return {
    reset: () => {
      peak = processTreeRss(rootPid);
    },
    peak: () => Math.max(peak, processTreeRss(rootPid)),
    stop: () => clearInterval(timer),
  };
}
