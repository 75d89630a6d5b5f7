import type { QuotaView } from '@movie-generator/api-contract';
import type { JobCollections } from './collections.ts';

export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export function nextUtcMidnight(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
}

/**
 * Counts one job for the IP today with a single atomic upsert, and says whether it is within
 * the limit. Concurrent requests and server replicas cannot exceed it: each gets its own count.
 */
export async function consumeQuota(
  c: JobCollections,
  ip: string,
  limit: number,
  now: Date,
): Promise<{ allowed: boolean; count: number }> {
  const day = utcDay(now);
  const doc = await c.quotas.findOneAndUpdate(
    { ip, day },
    { $inc: { count: 1 }, $setOnInsert: { expiresAt: new Date(nextUtcMidnight(now).getTime() + 3600_000) } },
    { upsert: true, returnDocument: 'after' },
  );
  const count = doc?.count ?? 1;
  if (count > limit) {
    await refundQuota(c, ip, now);
    return { allowed: false, count: limit };
  }
  return { allowed: true, count };
}

/** Gives back one count (the job was not created after all). */
export async function refundQuota(c: JobCollections, ip: string, now: Date): Promise<void> {
  await c.quotas.updateOne({ ip, day: utcDay(now), count: { $gt: 0 } }, { $inc: { count: -1 } });
}

export async function readQuota(c: JobCollections, ip: string, limit: number, now: Date): Promise<QuotaView> {
  const doc = await c.quotas.findOne({ ip, day: utcDay(now) });
  return { limit, used: Math.min(limit, doc?.count ?? 0), resetsAt: nextUtcMidnight(now).toISOString() };
}
