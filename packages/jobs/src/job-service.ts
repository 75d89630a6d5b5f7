import { JobCreateInput, type JobService, type SystemInfo } from '@movie-generator/api-contract';
import { assertClientAllowed } from './client-blocks.ts';
import type { JobStore } from './job-store.ts';
import { createJobViewCache } from './job-view-cache.ts';

export interface JobServiceDeps {
  store: JobStore;
  /** Puts the job on the work queue (Agenda). */
  enqueue: (jobId: string) => Promise<void>;
  /**
   * Refuses URLs that must not be fetched (scheme, credentials, refused address ranges after
   * DNS); throws ApiError INVALID_URL or BLOCKED_ADDRESS. The worker's fetch checks again.
   */
  validateUrl: (url: string) => Promise<void>;
  info: SystemInfo;
  /** How long a job read for `get` answers further polls (see createJobViewCache); 0 reads every time. */
  viewCacheMs?: number;
}

/** The API's JobService over MongoDB, in the seed's order: block list → URL → quota → queue cap → insert and enqueue. */
export function createJobService(deps: JobServiceDeps): JobService {
  const views = createJobViewCache(deps.store, { ttlMs: deps.viewCacheMs ?? 0 });
  return {
    async create(input, clientIp) {
      const request = JobCreateInput.parse(input);
      await assertClientAllowed(deps.store.c.db, clientIp);
      await deps.validateUrl(request.url);
      return deps.store.create(request, clientIp, deps.enqueue);
    },
    get: (id) => views.view(id),
    async cancel(id) {
      try {
        return await deps.store.cancel(id);
      } finally {
        views.forget(id);
      }
    },
    quota: (clientIp) => deps.store.quota(clientIp),
    info: async () => deps.info,
  };
}
