import { z } from 'zod';

/**
 * Settings are declared once, by the package that uses them, as a zod fragment; each app
 * composes the fragments it needs into one schema (`z.object({ ...A.shape, ...B.shape, ...own })`)
 * and parses its environment once with `loadEnv`. This module holds the jobs' fragment and the
 * two helpers every app uses. It imports only zod, so an app's env module stays light.
 */

/** A whole number of at least `min`, `fallback` when unset. */
export const int = (fallback: number, min: number) => z.coerce.number().int().min(min).default(fallback);

/**
 * Where the jobs live and how long and how many: the server, the workers and the ops CLI read
 * these with the same names, defaults and limits, so they run with one environment.
 */
export const JobsEnvSchema = z.object({
  MONGODB_URI: z.string({ error: 'MONGODB_URI is required, e.g. mongodb://localhost:27017' }).min(1),
  MONGODB_DB: z.string().min(1).default('movie_generator'),
  STORAGE: z.enum(['gridfs', 'fs']).default('gridfs'),
  DATA_DIR: z.string().min(1).default('./data'),
  RETENTION_HOURS: z.coerce.number().positive().default(24),
  /**
   * At least 1 everywhere: with 0 the server would refuse every job (QUEUE_FULL). The worker
   * used to accept 0 (it only makes sure the places exist), which let a worker run with a
   * value the server refuses.
   */
  MAX_PENDING_JOBS: int(10, 1),
});
export type JobsEnv = z.infer<typeof JobsEnvSchema>;

/**
 * Jobs one worker process runs at once: the workers run that many, and the server counts
 * WORKER_CONCURRENCY × WORKER_REPLICAS places for its ETAs and the system info.
 */
export const WorkerConcurrencyEnvSchema = z.object({ WORKER_CONCURRENCY: int(2, 1) });

/** The levels a process may log at, quietest last. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** How much the server and the workers log. */
export const LogEnvSchema = z.object({ LOG_LEVEL: z.enum(LOG_LEVELS).default('info') });

/**
 * Parses the environment once with an app's composed schema. Empty values count as unset
 * (compose files often pass `FOO=`), so defaults apply. Throws one readable error naming every
 * bad variable: `Invalid <app> configuration:` and a line per variable.
 */
export function loadEnv<S extends z.ZodType>(
  schema: S,
  source: Record<string, string | undefined>,
  app: string,
): z.output<S> {
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid ${app} configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
