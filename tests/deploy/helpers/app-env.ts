// The apps' own environment schemas: the one source of truth for the variable names that the
// deployment files must set or document. (Apps have no package exports; these imports reach
// into their env.ts files on purpose, for this cross-cutting check only.)
import { PipelineEnvSchema } from '@movie-generator/pipeline';
import { loadEnv as loadOpsEnv, OpsEnvSchema } from '../../../apps/ops/src/env.ts';
import { loadEnv as loadServerEnv, ServerEnvSchema } from '../../../apps/server/src/env.ts';
import { loadConfig as loadWorkerConfig, WorkerEnvSchema } from '../../../apps/worker/src/env.ts';

export const APP_ENV_KEYS = {
  server: Object.keys(ServerEnvSchema.shape),
  worker: Object.keys(WorkerEnvSchema.shape),
  pipeline: Object.keys(PipelineEnvSchema.shape),
  ops: Object.keys(OpsEnvSchema.shape),
} as const;

/** Every variable any app reads. */
export const ALL_ENV_KEYS: string[] = [...new Set(Object.values(APP_ENV_KEYS).flat())].sort();

export { loadOpsEnv, loadServerEnv, loadWorkerConfig };
