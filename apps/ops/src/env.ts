import { z } from 'zod';

/**
 * Every environment variable the ops CLI reads: the same names and defaults as the server and
 * the worker, so it runs with their environment (`docker compose exec`, `kubectl exec`).
 */
export const OpsEnvSchema = z.object({
  MONGODB_URI: z.string({ error: 'MONGODB_URI is required, e.g. mongodb://localhost:27017' }).min(1),
  MONGODB_DB: z.string().min(1).default('movie_generator'),
  STORAGE: z.enum(['gridfs', 'fs']).default('gridfs'),
  DATA_DIR: z.string().min(1).default('./data'),
  RETENTION_HOURS: z.coerce.number().positive().default(24),
  MAX_PENDING_JOBS: z.coerce.number().int().min(1).default(10),
});
export type OpsEnv = z.infer<typeof OpsEnvSchema>;

/** Parses the environment once; empty values count as unset. Throws one readable error. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): OpsEnv {
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = OpsEnvSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid ops configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
