import { hostname, tmpdir } from 'node:os';
import {
  int,
  JobsEnvSchema,
  LogEnvSchema,
  type LogLevel,
  loadEnv,
  WorkerConcurrencyEnvSchema,
} from '@movie-generator/jobs/env';
import { PipelineEnvSchema, type PipelineOptions, pipelineOptionsFromEnv } from '@movie-generator/pipeline';
import { z } from 'zod';

/** "2000,8000" → [2000, 8000] */
const msList = z
  .string()
  .regex(/^\d+(\s*,\s*\d+)*$/, 'a comma-separated list of milliseconds, e.g. 2000,8000')
  .transform((value) => value.split(',').map((part) => Number(part.trim())));

/**
 * Every environment variable the worker reads: the jobs' settings (MongoDB, storage, retention,
 * queue cap), its concurrency and log level (shared with the server), the pipeline's (providers, limits, renderer, stage timeouts, frame, bundle) and
 * its own.
 */
export const WorkerEnvSchema = z.object({
  ...JobsEnvSchema.shape,
  ...PipelineEnvSchema.shape,
  ...WorkerConcurrencyEnvSchema.shape,
  ...LogEnvSchema.shape,
  WORKER_ID: z.string().min(1).optional(),
  LOCK_LIFETIME_MS: int(120_000, 1000),
  QUEUE_POLL_MS: int(2000, 100),
  MAX_JOB_STARTS: int(3, 1),
  WORK_DIR: z.string().min(1).optional(),
  RETRY_ATTEMPTS: z.coerce.number().int().min(0).max(10).default(2),
  RETRY_BACKOFF_MS: msList.default([2000, 8000]),
  PROGRESS_INTERVAL_MS: int(1000, 100),
  CANCEL_POLL_MS: int(1000, 100),
  CLEANUP_INTERVAL: z.string().min(1).default('10 minutes'),
  WORK_DIR_MAX_AGE_MS: int(6 * 3600_000, 60_000),
  STUCK_JOB_MS: int(30 * 60_000, 60_000),
  SHUTDOWN_GRACE_MS: int(10 * 60_000, 0),
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65_535).default(9464),
});

export interface WorkerConfig {
  mongo: { uri: string; dbName: string };
  workerId: string;
  /** Jobs run at once by this process. */
  concurrency: number;
  /** Agenda lock lifetime; the job is touched well within it, a dead worker's job is taken up after it. */
  lockLifetimeMs: number;
  /** How often Agenda looks for due jobs. */
  queuePollMs: number;
  /** A job started this many times without finishing (its worker kept dying) is failed. */
  maxJobStarts: number;
  storage: { kind: 'gridfs' | 'fs'; dataDir: string };
  /** Parent of the per-job work directories (mg-job-*). */
  workDir: string;
  retry: { attempts: number; backoffMs: number[] };
  /** Pipeline options shared by every job (providers, limits, timeouts, frame). */
  pipeline: Omit<PipelineOptions, 'outPath'>;
  progressIntervalMs: number;
  cancelPollMs: number;
  cleanup: { interval: string; workDirMaxAgeMs: number; stuckJobMs: number };
  /** How long a completed job is kept, and the places of the queue it makes sure exist at start. */
  jobs: { retentionMs: number; maxPending: number };
  shutdownGraceMs: number;
  metricsPort: number;
  logLevel: LogLevel;
}

/** Parses and validates the environment once; throws a readable error listing every bad variable. */
export function loadConfig(rawEnv: NodeJS.ProcessEnv): WorkerConfig {
  const e = loadEnv(WorkerEnvSchema, rawEnv, 'worker');
  return {
    mongo: { uri: e.MONGODB_URI, dbName: e.MONGODB_DB },
    workerId: e.WORKER_ID ?? `${hostname()}-${process.pid}`,
    concurrency: e.WORKER_CONCURRENCY,
    lockLifetimeMs: e.LOCK_LIFETIME_MS,
    queuePollMs: e.QUEUE_POLL_MS,
    maxJobStarts: e.MAX_JOB_STARTS,
    storage: { kind: e.STORAGE, dataDir: e.DATA_DIR },
    workDir: e.WORK_DIR ?? tmpdir(),
    retry: { attempts: e.RETRY_ATTEMPTS, backoffMs: e.RETRY_BACKOFF_MS },
    pipeline: pipelineOptionsFromEnv(e),
    progressIntervalMs: e.PROGRESS_INTERVAL_MS,
    cancelPollMs: e.CANCEL_POLL_MS,
    cleanup: {
      interval: e.CLEANUP_INTERVAL,
      workDirMaxAgeMs: e.WORK_DIR_MAX_AGE_MS,
      stuckJobMs: e.STUCK_JOB_MS,
    },
    jobs: {
      retentionMs: e.RETENTION_HOURS * 3600_000,
      maxPending: e.MAX_PENDING_JOBS,
    },
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    metricsPort: e.WORKER_METRICS_PORT,
    logLevel: e.LOG_LEVEL,
  };
}
