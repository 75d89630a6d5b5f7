import { JobCreateInput, type JobService, type SystemInfo } from '@movie-generator/api-contract';
import { assertClientAllowed } from './client-blocks.ts';
import type { JobStore } from './job-store.ts';
import { createJobViewCache } from './job-view-cache.ts';

export interface JobServiceDeps {
  store: JobStore;
  /** Puts the job on the work queue (Agenda). */
  enqueue: (jobId: string) => Promise<void>;
  /** Refuses URLs that must not or cannot be fetched; the worker's fetch checks again. */
  urlCheck: JobUrlCheck;
  info: SystemInfo;
  /** How long a job read for `get` answers further polls (see createJobViewCache); 0 reads every time. */
  viewCacheMs?: number;
}

/** job.create's URL checks (the server's url-check.ts); both throw ApiErrors. */
export interface JobUrlCheck {
  /** Without any network: syntax, scheme, port, refused names and address literals. */
  checkSyntax(url: string): void;
  /** With DNS: names that resolve into refused ranges or do not exist. */
  checkHost(url: string, clientKey: string): Promise<void>;
}

/**
 * The API's JobService over MongoDB: block list → URL syntax → quota → queue cap → DNS → insert and
 * enqueue.
 * DNS comes after the quota and queue checks, so a client over its quota, or a full queue,
 * makes the server look nothing up.
 */
export function createJobService(deps: JobServiceDeps): JobService {
  const views = createJobViewCache(deps.store, { ttlMs: deps.viewCacheMs ?? 0 });
  return {
    async create(input, clientIp) {
      const request = JobCreateInput.parse(input);
      await assertClientAllowed(deps.store.c.db, clientIp);
      deps.urlCheck.checkSyntax(request.url);
      return deps.store.create(request, clientIp, deps.enqueue, new Date(), () =>
        deps.urlCheck.checkHost(request.url, clientIp),
      );
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
