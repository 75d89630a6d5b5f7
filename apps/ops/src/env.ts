import { type JobsEnv, JobsEnvSchema, loadEnv as parseEnv } from '@movie-generator/jobs/env';

/**
 * Every environment variable the ops CLI reads: the jobs' settings, with the same names,
 * defaults and limits as the server and the worker, so it runs with their environment
 * (`docker compose exec`, `kubectl exec`).
 */
export const OpsEnvSchema = JobsEnvSchema;
export type OpsEnv = JobsEnv;

/** Parses the environment once; empty values count as unset. Throws one readable error. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): OpsEnv {
  return parseEnv(OpsEnvSchema, source, 'ops');
}
