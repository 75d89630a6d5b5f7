import type { Collection, Db } from 'mongodb';
import type { JobDocument } from './document.ts';
import { ensureQueueSlots } from './queue-slots.ts';

export interface QuotaDocument {
  ip: string;
  /** UTC day, e.g. "2026-11-23". */
  day: string;
  count: number;
  /** Jobs that failed before any speech or rendering (their count was given back). */
  failed?: number;
  /** When the counter can be deleted (TTL index). */
  expiresAt: Date;
}

/** One document per place in the queue; a pending job holds one, so the queue cannot overfill. */
export interface QueueSlotDocument {
  n: number;
  holder: string | null;
  claimedAt?: Date;
}

export interface JobCollections {
  db: Db;
  jobs: Collection<JobDocument>;
  quotas: Collection<QuotaDocument>;
  queueSlots: Collection<QueueSlotDocument>;
}

export function jobCollections(db: Db): JobCollections {
  return {
    db,
    jobs: db.collection<JobDocument>('jobs'),
    quotas: db.collection<QuotaDocument>('quotas'),
    queueSlots: db.collection<QueueSlotDocument>('queue_slots'),
  };
}

/**
 * The indexes the code relies on (real MongoDB enforces the unique ones and expires the TTL
 * ones; the embedded test server does neither, and the code does not depend on it).
 */
export async function ensureIndexes(c: JobCollections): Promise<void> {
  await Promise.all([
    c.jobs.createIndex({ jobId: 1 }, { unique: true }),
    c.jobs.createIndex({ status: 1, createdAt: 1 }),
    c.jobs.createIndex({ expiresAt: 1 }),
    c.quotas.createIndex({ ip: 1, day: 1 }, { unique: true }),
    c.quotas.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 }),
    c.queueSlots.createIndex({ n: 1 }, { unique: true }),
    c.queueSlots.createIndex({ holder: 1 }),
    c.db.collection('stage_timings').createIndex({ key: 1 }, { unique: true }),
  ]);
}

/**
 * Indexes and the `maxPending` places of the queue; idempotent, run by the server and every
 * worker at start (the server also makes missing places again when it finds the queue full).
 */
export async function prepareJobCollections(
  c: JobCollections,
  settings: { maxPending: number },
): Promise<void> {
  await ensureIndexes(c);
  await ensureQueueSlots(c, settings.maxPending);
}
