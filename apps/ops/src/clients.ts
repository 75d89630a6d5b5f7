import { ACTIVE_STATUSES, type JobStatus } from '@movie-generator/api-contract';
import { type JobDocument, matchBlock, parsePrefix } from '@movie-generator/jobs';
import type { OpsContext } from './context.ts';
import { type CancelResult, cancelJob } from './operations.ts';

/**
 * Jobs by client IP (trouble case 6 of the operations guide): `ip` is an address or a prefix
 * (`198.51.100.0/24`). Newest first. Jobs live for RETENTION_HOURS, so a scan is small.
 */
export async function listJobsByClient(
  ctx: OpsContext,
  ip: string,
  filter: { status?: JobStatus; limit?: number } = {},
): Promise<JobDocument[]> {
  const { prefix } = parsePrefix(ip);
  const range = [{ prefix, reason: null, createdAt: new Date(0) }];
  const found: JobDocument[] = [];
  const cursor = ctx.admin.c.jobs
    .find(filter.status ? { status: filter.status } : {})
    .sort({ createdAt: -1 });
  for await (const job of cursor) {
    if (!isAddress(job.clientIp) || !matchBlock(range, job.clientIp)) continue;
    found.push(job);
    if (found.length >= (filter.limit ?? 50)) break;
  }
  await cursor.close();
  return found;
}

function isAddress(value: string): boolean {
  try {
    parsePrefix(value);
    return true;
  } catch {
    return false;
  }
}

/** Cancels every pending or processing job of a client IP or prefix. */
export async function cancelJobsByClient(
  ctx: OpsContext,
  ip: string,
): Promise<{ jobId: string; result: CancelResult }[]> {
  const out: { jobId: string; result: CancelResult }[] = [];
  for (const status of ACTIVE_STATUSES) {
    for (const job of await listJobsByClient(ctx, ip, { status, limit: 10_000 }))
      out.push({ jobId: job.jobId, result: await cancelJob(ctx, job.jobId) });
  }
  return out;
}
