import { JobCreateInput, type JobService, type SystemInfo } from '@movie-generator/api-contract';
import type { JobStore } from './job-store.ts';

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
}

/** The API's JobService over MongoDB, in the seed's order: URL → quota → queue cap → insert and enqueue. */
export function createJobService(deps: JobServiceDeps): JobService {
  return {
    async create(input, clientIp) {
      const request = JobCreateInput.parse(input);
      await deps.validateUrl(request.url);
      return deps.store.create(request, clientIp, deps.enqueue);
    },
    get: (id) => deps.store.view(id),
    cancel: (id) => deps.store.cancel(id),
    quota: (clientIp) => deps.store.quota(clientIp),
    info: async () => deps.info,
  };
}
