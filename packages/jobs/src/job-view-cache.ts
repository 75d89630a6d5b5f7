import type { JobView } from '@movie-generator/api-contract';
import { LRUCache } from 'lru-cache';
import type { JobSnapshot, JobStore } from './job-store.ts';

export interface JobViewCacheOptions {
  /** How long a job as read from MongoDB answers polls; 0 reads every time. */
  ttlMs: number;
  /** Jobs remembered at most (least recently polled go first). */
  maxJobs?: number;
}

export interface JobViewCache {
  view(jobId: string): Promise<JobView | null>;
  /** Drops a job this process just changed, so its next view is read fresh. */
  forget(jobId: string): void;
}

/**
 * Job views for polling clients, read from MongoDB at most once per job per `ttlMs`. Browsers
 * poll a job every second or two and a worker writes its progress at most once a second, so a
 * view up to a second old shows nothing a fresh read would not, while many polls of the same
 * job cost one findOne. Concurrent misses share one read. The view itself is made per request,
 * so its ETA and expiry follow the clock. Unknown ids are not remembered.
 */
export function createJobViewCache(store: JobStore, options: JobViewCacheOptions): JobViewCache {
  if (options.ttlMs <= 0) {
    return { view: (jobId) => store.view(jobId), forget: () => {} };
  }
  const snapshots = new LRUCache<string, JobSnapshot>({
    max: options.maxJobs ?? 10_000,
    ttl: options.ttlMs,
    fetchMethod: async (jobId) => (await store.snapshot(jobId)) ?? undefined,
  });
  return {
    async view(jobId) {
      return store.viewOf((await snapshots.fetch(jobId)) ?? null);
    },
    forget(jobId) {
      snapshots.delete(jobId);
    },
  };
}
