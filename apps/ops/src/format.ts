import type { JobDocument } from '@movie-generator/jobs';
import type { JobDetails, PurgeReport, QueueEntry, Stats } from './operations.ts';

/** Machine-readable output: dates as ISO strings, ObjectIds as hex (both have toJSON). */
export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

export function bytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString().replace(/\.\d{3}Z$/, 'Z') : '-');

/** Columns padded to their widest cell; the last column (the URL) is never padded. */
function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '))
    .join('\n');
}

export function jobTable(jobs: JobDocument[]): string {
  if (jobs.length === 0) return 'no jobs';
  const header = ['JOB ID', 'STATUS', 'PROGRESS', 'STEP', 'CREATED', 'ERROR', 'URL'];
  const rows = jobs.map((j) => [
    j.jobId,
    j.status,
    `${Math.round(j.progress)}%`,
    j.currentStep ?? '-',
    iso(j.createdAt),
    j.errorCode ?? '-',
    j.url,
  ]);
  return table([header, ...rows]);
}

function value(v: unknown): string {
  if (v === null || v === undefined) return '-';
  if (v instanceof Date) return iso(v);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function jobDetails(details: JobDetails): string {
  const { job } = details;
  const lines = Object.entries(job).map(([key, v]) => `${key.padEnd(16)} ${value(v)}`);
  if (details.expired) lines.push(`${'expired'.padEnd(16)} yes (the next cleanup deletes it)`);
  lines.push('', details.queueEntries.length ? 'queue entries:' : 'queue entries: none');
  for (const e of details.queueEntries) lines.push(`  ${queueEntry(e)}`);
  return lines.join('\n');
}

function queueEntry(e: QueueEntry): string {
  const parts = [`${e.id} ${e.state}`, `next run ${iso(e.nextRunAt)}`];
  if (e.lockedAt) parts.push(`locked ${iso(e.lockedAt)}`);
  if (e.lastFinishedAt) parts.push(`last finished ${iso(e.lastFinishedAt)}`);
  if (e.failReason) parts.push(`failed: ${e.failReason}`);
  return parts.join(', ');
}

export function purgeSummary(report: PurgeReport): string {
  return `removed ${report.jobsRemoved} job(s) and ${report.videosRemoved} video(s), freed ${bytes(report.bytesFreed)}`;
}

export function statsSummary(s: Stats): string {
  const j = s.jobs;
  const q = s.queue;
  return [
    `jobs:    ${j.total} in all — pending ${j.pending}, processing ${j.processing}, completed ${j.completed}, failed ${j.failed}, cancelled ${j.cancelled}`,
    `queue:   ${q.pending} pending, ${q.slotsHeld}/${q.slotsCap} places taken` +
      (q.oldestPendingSec === null ? '' : `, oldest waiting ${q.oldestPendingSec} s`),
    `agenda:  ${q.entries.total} generate-video entries — queued ${q.entries.queued}, running ${q.entries.running}, scheduled ${q.entries.scheduled}, failed ${q.entries.failed}`,
    `storage: ${s.storage.videos} video(s), ${bytes(s.storage.bytes)} in ${s.storage.kind}`,
  ].join('\n');
}
