import { ApiError, JobCreateInput, type JobService, type SystemInfo } from '@movie-generator/api-contract';
import {
  assertClientAllowed,
  createJobViewCache,
  type JobIntake,
  JobRefusedError,
} from '@movie-generator/jobs';

export interface JobServiceDeps {
  intake: JobIntake;
  /** Puts the job on the work queue (Agenda). */
  enqueue: (jobId: string) => Promise<void>;
  /** Refuses URLs that must not or cannot be fetched; the worker's fetch checks again. */
  urlCheck: JobUrlCheck;
  info: SystemInfo;
  /** How long a job read for `get` answers further polls (see createJobViewCache); 0 reads every time. */
  viewCacheMs?: number;
}

/** job.create's URL checks (url-check.ts); both throw ApiErrors. */
export interface JobUrlCheck {
  /** Without any network: syntax, scheme, port, refused names and address literals. */
  checkSyntax(url: string): void;
  /** With DNS: names that resolve into refused ranges or do not exist. */
  checkHost(url: string, clientKey: string): Promise<void>;
}

/**
 * The jobs store's refusals as the API's errors (the same codes; the daily limits say when
 * they reset). Anything else passes through unchanged.
 */
export function toApiError(error: unknown): unknown {
  if (!(error instanceof JobRefusedError)) return error;
  return new ApiError(error.code, error.resetsAt ? { resetsAt: error.resetsAt.toISOString() } : {});
}

async function asApi<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toApiError(error);
  }
}

/**
 * The API's JobService over MongoDB: block list → URL syntax → quota → queue cap → DNS → insert and
 * enqueue.
 * DNS comes after the quota and queue checks, so a client over its quota, or a full queue,
 * makes the server look nothing up.
 */
export function createJobService(deps: JobServiceDeps): JobService {
  const { intake } = deps;
  const views = createJobViewCache(intake, { ttlMs: deps.viewCacheMs ?? 0 });
  return {
    create: (input, clientIp) =>
      asApi(async () => {
        const request = JobCreateInput.parse(input);
        await assertClientAllowed(intake.c.db, clientIp);
        deps.urlCheck.checkSyntax(request.url);
        return intake.create(request, clientIp, deps.enqueue, new Date(), () =>
          deps.urlCheck.checkHost(request.url, clientIp),
        );
      }),
    get: (id) => views.view(id),
    cancel: (id) =>
      asApi(async () => {
        try {
          return await intake.cancel(id);
        } finally {
          views.forget(id);
        }
      }),
    quota: (clientIp) => intake.quota(clientIp),
    info: async () => deps.info,
  };
}
