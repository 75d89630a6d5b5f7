import { hostname, tmpdir } from 'node:os';
import {
  type PipelineOptions,
  parsePipelineEnv,
  pipelineOptionsFromEnv,
  type StageName,
  withoutEmptyValues,
} from '@movie-generator/pipeline';
import { z } from 'zod';

const int = (min: number, fallback: number) => z.coerce.number().int().min(min).default(fallback);
const optionalMs = z.coerce.number().int().positive().optional();

/** "2000,8000" → [2000, 8000] */
const msList = z
  .string()
  .regex(/^\d+(\s*,\s*\d+)*$/, 'a comma-separated list of milliseconds, e.g. 2000,8000')
  .transform((value) => value.split(',').map((part) => Number(part.trim())));

/** "320x180" → { width: 320, height: 180 } (even sizes: H.264 with yuv420p needs them). */
const frameSize = z
  .string()
  .regex(/^\d+x\d+$/, 'WIDTHxHEIGHT, e.g. 320x180')
  .transform((value) => {
    const [width, height] = value.split('x').map(Number) as [number, number];
    return { width, height };
  })
  .refine(
    (f) => f.width >= 16 && f.height >= 16 && f.width % 2 === 0 && f.height % 2 === 0,
    'even sizes, 16 or more',
  );

/**
 * The worker's own settings. Everything the pipeline reads (providers, script limits, renderer)
 * is parsed by `parsePipelineEnv` from the same environment.
 */
export const WorkerEnvSchema = z.object({
  MONGODB_URI: z.string().min(1, 'MONGODB_URI is required'),
  MONGODB_DB: z.string().min(1).default('movie_generator'),
  WORKER_ID: z.string().min(1).optional(),
  WORKER_CONCURRENCY: int(1, 2),
  LOCK_LIFETIME_MS: int(1000, 120_000),
  QUEUE_POLL_MS: int(100, 2000),
  MAX_JOB_STARTS: int(1, 3),
  STORAGE: z.enum(['gridfs', 'fs']).default('gridfs'),
  DATA_DIR: z.string().min(1).default('./data'),
  WORK_DIR: z.string().min(1).optional(),
  RETRY_ATTEMPTS: z.coerce.number().int().min(0).max(10).default(2),
  RETRY_BACKOFF_MS: msList.default([2000, 8000]),
  STAGE_TIMEOUT_FETCH_MS: optionalMs,
  STAGE_TIMEOUT_EXTRACT_MS: optionalMs,
  STAGE_TIMEOUT_SCRIPT_MS: optionalMs,
  STAGE_TIMEOUT_AUDIO_MS: optionalMs,
  STAGE_TIMEOUT_SLIDES_MS: optionalMs,
  STAGE_TIMEOUT_RENDER_MS: optionalMs,
  PIPELINE_FRAME: frameSize.optional(),
  REMOTION_BUNDLE_DIR: z.string().min(1).optional(),
  PROGRESS_INTERVAL_MS: int(100, 1000),
  CANCEL_POLL_MS: int(100, 1000),
  CLEANUP_INTERVAL: z.string().min(1).default('10 minutes'),
  WORK_DIR_MAX_AGE_MS: int(60_000, 6 * 3600_000),
  STUCK_JOB_MS: int(60_000, 30 * 60_000),
  RETENTION_HOURS: z.coerce.number().positive().default(24),
  MAX_PENDING_JOBS: int(0, 10),
  SHUTDOWN_GRACE_MS: int(0, 10 * 60_000),
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65_535).default(9464),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
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
  logLevel: string;
}

const STAGE_TIMEOUT_KEYS: Record<StageName, keyof z.infer<typeof WorkerEnvSchema>> = {
  fetch: 'STAGE_TIMEOUT_FETCH_MS',
  extract: 'STAGE_TIMEOUT_EXTRACT_MS',
  script: 'STAGE_TIMEOUT_SCRIPT_MS',
  audio: 'STAGE_TIMEOUT_AUDIO_MS',
  slides: 'STAGE_TIMEOUT_SLIDES_MS',
  render: 'STAGE_TIMEOUT_RENDER_MS',
};

/** Parses and validates the environment once; throws a readable error listing every bad variable. */
export function loadConfig(rawEnv: NodeJS.ProcessEnv): WorkerConfig {
  const env = withoutEmptyValues(rawEnv);
  const parsed = WorkerEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid worker configuration: ${problems}`);
  }
  const e = parsed.data;
  const base = pipelineOptionsFromEnv(parsePipelineEnv(env));

  const stageTimeoutsMs: Partial<Record<StageName, number>> = {};
  for (const [stage, key] of Object.entries(STAGE_TIMEOUT_KEYS) as [StageName, keyof typeof e][]) {
    const value = e[key];
    if (typeof value === 'number') stageTimeoutsMs[stage] = value;
  }

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
    pipeline: {
      ...base,
      stageTimeoutsMs,
      ...(e.PIPELINE_FRAME ? { frame: e.PIPELINE_FRAME } : {}),
      render: { ...base.render, ...(e.REMOTION_BUNDLE_DIR ? { bundleDir: e.REMOTION_BUNDLE_DIR } : {}) },
    },
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
