import type { JobCollections } from './collections.ts';

/**
 * Makes sure slots 0..cap-1 exist; returns how many were missing. Idempotent; safe to run from
 * every replica at start.
 */
export async function ensureQueueSlots(c: JobCollections, cap: number): Promise<number> {
  if (cap <= 0) return 0;
  const existing = new Set((await c.queueSlots.find({ n: { $lt: cap } }).toArray()).map((s) => s.n));
  const missing = Array.from({ length: cap }, (_, n) => n).filter((n) => !existing.has(n));
  for (const n of missing) {
    await c.queueSlots.updateOne({ n }, { $setOnInsert: { n, holder: null } }, { upsert: true });
  }
  return missing.length;
}

/**
 * Takes a free place in the queue for the job; false when the queue is full. Each attempt is a
 * conditional update of one named slot (holder still null), which is atomic per document, so
 * two requests can never hold the same place.
 */
export async function claimQueueSlot(c: JobCollections, jobId: string, cap: number): Promise<boolean> {
  if (await claimFreeSlot(c, jobId, cap)) return true;
  // Slots held by jobs that are no longer pending (a crash between two writes) are freed here,
  // and slots that are missing (a database restored or restarted empty) are made again:
  // otherwise the queue would look full until every server restarted.
  const freed = (await releaseStaleQueueSlots(c)) + (await ensureQueueSlots(c, cap));
  if (freed === 0) return false;
  return claimFreeSlot(c, jobId, cap);
}

async function claimFreeSlot(c: JobCollections, jobId: string, cap: number): Promise<boolean> {
  const free = await c.queueSlots.find({ n: { $lt: cap }, holder: null }, { projection: { n: 1 } }).toArray();
  // Random order spreads concurrent requests over different slots instead of racing for the first.
  for (const { n } of shuffle(free)) {
    const res = await c.queueSlots.updateOne(
      { n, holder: null },
      { $set: { holder: jobId, claimedAt: new Date() } },
    );
    if (res.modifiedCount === 1) return true;
  }
  return false;
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Frees the job's place in the queue (it started, was cancelled, or was never created). */
export async function releaseQueueSlot(c: JobCollections, jobId: string): Promise<void> {
  await c.queueSlots.updateMany({ holder: jobId }, { $set: { holder: null } });
}

/** A slot is claimed just before its job is inserted; younger claims are never judged stale. */
const STALE_AFTER_MS = 60_000;

/** Frees slots whose holder is not a pending job; returns how many. */
export async function releaseStaleQueueSlots(c: JobCollections, now = new Date()): Promise<number> {
  const held = await c.queueSlots
    .find({ holder: { $ne: null }, claimedAt: { $lt: new Date(now.getTime() - STALE_AFTER_MS) } })
    .toArray();
  if (held.length === 0) return 0;
  const holders = held.map((s) => s.holder!);
  const pending = new Set(
    (
      await c.jobs
        .find({ jobId: { $in: holders }, status: 'pending' }, { projection: { jobId: 1 } })
        .toArray()
    ).map((j) => j.jobId),
  );
  let freed = 0;
  for (const holder of holders) {
    if (pending.has(holder)) continue;
    // Only clears the slot if it is still held by that same job.
    const res = await c.queueSlots.updateMany({ holder }, { $set: { holder: null } });
    freed += res.modifiedCount;
  }
  return freed;
}
