import type { JobView } from '@movie-generator/api-contract';
import { LRUCache } from 'lru-cache';
import type { JobIntake, JobSnapshot } from './job-intake.ts';

export interface JobViewCacheOptions {
  /** The oldest a job as read from MongoDB may be when it answers a poll; 0 reads every time. */
  ttlMs: number;
  /** Jobs remembered at most (least recently polled go first). */
  maxJobs?: number;
  /**
   * How long an unknown id is remembered as unknown (default 5 s). Ids are random and a job is
   * inserted before its id is handed out, so no id is polled before its job exists; remembering
   * misses makes a flood of made-up ids cost one read per id, not one per poll.
   */
  missTtlMs?: number;
}

export interface JobViewCache {
  view(jobId: string): Promise<JobView | null>;
  /** Drops a job this process just changed, so its next view is read fresh. */
  forget(jobId: string): void;
}

interface Entry {
  snapshot: JobSnapshot;
  /** When the read that produced it started. */
  readAt: number;
}

/**
 * Job views for polling clients, read from MongoDB at most about once per job per `ttlMs`.
 * Browsers poll a job every second or two and a worker writes its progress at most once a
 * second, so a view up to a second old shows nothing a fresh read would not, while many polls
 * of the same job cost one findOne.
 *
 * A read older than half the TTL still answers, and starts a fresh read in the background: a
 * busily polled job never makes its pollers wait for MongoDB. One older than the TTL is not
 * used. Concurrent reads of one job are shared. The view is made per request, so its ETA and
 * expiry follow the clock. Unknown ids are remembered for `missTtlMs`, apart from the jobs.
 */
export function createJobViewCache(
  store: Pick<JobIntake, 'view' | 'snapshot' | 'viewOf'>,
  options: JobViewCacheOptions,
): JobViewCache {
  const { ttlMs } = options;
  if (ttlMs <= 0) {
    return { view: (jobId) => store.view(jobId), forget: () => {} };
  }
  const entries = new LRUCache<string, Entry>({ max: options.maxJobs ?? 10_000, ttl: ttlMs });
  const unknown = new LRUCache<string, true>({
    max: options.maxJobs ?? 10_000,
    ttl: options.missTtlMs ?? 5000,
  });
  const reading = new Map<string, Promise<Entry | null>>();

  const read = (jobId: string): Promise<Entry | null> => {
    const pending = reading.get(jobId);
    if (pending) return pending;
    const readAt = Date.now();
    const promise = store
      .snapshot(jobId)
      .then((snapshot) => {
        // A forget() while this read was under way wins: the read may predate the change.
        if (reading.get(jobId) !== promise) return snapshot && { snapshot, readAt };
        if (!snapshot) {
          unknown.set(jobId, true);
          return null;
        }
        const entry = { snapshot, readAt };
        entries.set(jobId, entry, { ttl: Math.max(1, ttlMs - (Date.now() - readAt)) });
        return entry;
      })
      .finally(() => {
        if (reading.get(jobId) === promise) reading.delete(jobId);
      });
    reading.set(jobId, promise);
    return promise;
  };

  return {
    async view(jobId) {
      if (unknown.get(jobId)) return null;
      const cached = entries.get(jobId);
      if (cached && Date.now() - cached.readAt > ttlMs / 2) {
        // Refresh ahead; a failure here leaves the entry to expire, and the next poll reads again.
        read(jobId).catch(() => {});
      }
      const entry = cached ?? (await read(jobId));
      return store.viewOf(entry?.snapshot ?? null);
    },
    forget(jobId) {
      reading.delete(jobId);
      entries.delete(jobId);
      unknown.delete(jobId);
    },
  };
}
