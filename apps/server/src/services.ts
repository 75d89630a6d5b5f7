import type { JobService, SystemInfo } from '@movie-generator/api-contract';
import { MAX_URL_LENGTH } from '@movie-generator/api-contract';
import {
  createJobAdmin,
  createJobIntake,
  createQueue,
  createVideoStore,
  enqueueGenerateVideo,
  type JobAdmin,
  type JobIntake,
  jobCollections,
  prepareJobCollections,
  type VideoStore,
} from '@movie-generator/jobs';
import type { Agenda } from 'agenda';
import type { Db } from 'mongodb';
import type { ServerEnv } from './env.ts';
import { createJobService } from './job-service.ts';
import { createUrlCheck, type UrlCheckOptions } from './url-check.ts';

/** A job's processing time for the ETA until there is history to average (JobIntake does). */
const TYPICAL_JOB_SEC = 120;

export type ServicesEnv = Pick<
  ServerEnv,
  | 'DAILY_JOB_LIMIT'
  | 'DAILY_FAILED_JOB_LIMIT'
  | 'MAX_PENDING_JOBS'
  | 'RETENTION_HOURS'
  | 'JOB_VIEW_CACHE_MS'
  | 'WORKER_CONCURRENCY'
  | 'WORKER_REPLICAS'
  | 'STORAGE'
  | 'DATA_DIR'
  | 'ALLOW_PRIVATE_NETWORK'
  | 'ALLOWED_PORTS'
  | 'APP_VERSION'
>;

export interface Services {
  /** Creates, shows and cancels jobs (the JobService's store). */
  intake: JobIntake;
  /** Job counts for /metrics. */
  admin: Pick<JobAdmin, 'countsByStatus'>;
  /** Only enqueues: the server never starts Agenda's job processor. */
  queue: Agenda;
  videoStore: VideoStore;
  jobs: JobService;
}

export function systemInfo(env: ServicesEnv): SystemInfo {
  return {
    version: env.APP_VERSION,
    limits: {
      dailyJobsPerIp: env.DAILY_JOB_LIMIT,
      maxPendingJobs: env.MAX_PENDING_JOBS,
      // Jobs processed at once across all workers.
      workerConcurrency: env.WORKER_CONCURRENCY * env.WORKER_REPLICAS,
      retentionHours: env.RETENTION_HOURS,
      maxUrlLength: MAX_URL_LENGTH,
    },
  };
}

/** Knobs tests set that are no environment variable. */
export interface ServicesOverrides {
  urlCheck?: Pick<UrlCheckOptions, 'dnsServers' | 'dnsTimeoutMs' | 'maxChecksPerClient'>;
}

/** The jobs' intake (indexes and queue slots ready), the Agenda queue, video storage and the JobService. */
export async function createServices(
  env: ServicesEnv,
  db: Db,
  overrides: ServicesOverrides = {},
): Promise<Services> {
  const c = jobCollections(db);
  await prepareJobCollections(c, { maxPending: env.MAX_PENDING_JOBS });
  const retentionMs = env.RETENTION_HOURS * 3600_000;
  const intake = createJobIntake(c, {
    dailyLimit: env.DAILY_JOB_LIMIT,
    dailyFailedLimit: env.DAILY_FAILED_JOB_LIMIT,
    maxPending: env.MAX_PENDING_JOBS,
    retentionMs,
    totalConcurrency: env.WORKER_CONCURRENCY * env.WORKER_REPLICAS,
    typicalJobSec: TYPICAL_JOB_SEC,
  });
  const queue = createQueue(db);
  // Agenda connects its backend (and indexes agendaJobs) in the background; wait for it here.
  await queue.ready;
  const jobs = createJobService({
    intake,
    enqueue: (jobId) => enqueueGenerateVideo(queue, jobId),
    urlCheck: createUrlCheck({
      allowPrivateNetwork: env.ALLOW_PRIVATE_NETWORK,
      allowedPorts: env.ALLOWED_PORTS,
      ...overrides.urlCheck,
    }),
    info: systemInfo(env),
    viewCacheMs: env.JOB_VIEW_CACHE_MS,
  });
  return {
    intake,
    admin: createJobAdmin(c, { retentionMs }),
    queue,
    videoStore: createVideoStore(env.STORAGE, db, env.DATA_DIR),
    jobs,
  };
}
