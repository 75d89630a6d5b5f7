import type { QuotaView } from '@movie-generator/api-contract';
import type { JobCollections } from './collections.ts';

export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export function nextUtcMidnight(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
}

export interface QuotaLimits {
  /** Jobs per client per UTC day; 0 means unlimited. */
  daily: number;
  /** Jobs per client per UTC day that may fail before any speech or rendering; 0 means unlimited. */
  dailyFailed: number;
}

/** Why a job was refused, or `ok`. */
export type QuotaDecision = 'ok' | 'QUOTA_EXCEEDED' | 'FAILED_JOB_LIMIT';

/**
 * Counts one job for the client today with a single atomic upsert, and says whether it is within
 * the limits. Concurrent requests and server replicas cannot exceed them: each gets its own count.
 */
export async function consumeQuota(
  c: JobCollections,
  ip: string,
  limits: QuotaLimits,
  now: Date,
): Promise<QuotaDecision> {
  const day = utcDay(now);
  const doc = await c.quotas.findOneAndUpdate(
    { ip, day },
    { $inc: { count: 1 }, $setOnInsert: { expiresAt: new Date(nextUtcMidnight(now).getTime() + 3600_000) } },
    { upsert: true, returnDocument: 'after' },
  );
  const count = doc?.count ?? 1;
  const decision: QuotaDecision =
    limits.daily > 0 && count > limits.daily
      ? 'QUOTA_EXCEEDED'
      : limits.dailyFailed > 0 && (doc?.failed ?? 0) >= limits.dailyFailed
        ? 'FAILED_JOB_LIMIT'
        : 'ok';
  if (decision !== 'ok') await refundQuota(c, ip, now);
  return decision;
}

/**
 * A job that failed before any speech or rendering gives its daily job back, and counts toward
 * the failed-jobs cap instead (so failures cannot be used to fetch without limit). `createdAt`
 * picks the day the job was counted on.
 */
export async function returnFailedJob(c: JobCollections, ip: string, createdAt: Date): Promise<void> {
  const day = utcDay(createdAt);
  const res = await c.quotas.updateOne({ ip, day, count: { $gt: 0 } }, { $inc: { count: -1, failed: 1 } });
  if (res.matchedCount === 0) await c.quotas.updateOne({ ip, day }, { $inc: { failed: 1 } });
}

/** Gives back one count (the job was not created after all). */
export async function refundQuota(c: JobCollections, ip: string, now: Date): Promise<void> {
  await c.quotas.updateOne({ ip, day: utcDay(now), count: { $gt: 0 } }, { $inc: { count: -1 } });
}

/** The client's quota today; `limit` 0 means unlimited (then `used` is the plain count). */
export async function readQuota(c: JobCollections, ip: string, limit: number, now: Date): Promise<QuotaView> {
  const doc = await c.quotas.findOne({ ip, day: utcDay(now) });
  const count = doc?.count ?? 0;
  return {
    limit,
    used: limit > 0 ? Math.min(limit, count) : count,
    resetsAt: nextUtcMidnight(now).toISOString(),
  };
}
