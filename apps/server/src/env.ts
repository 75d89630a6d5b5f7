import { fileURLToPath } from 'node:url';
import {
  int,
  JobsEnvSchema,
  LogEnvSchema,
  loadEnv as parseEnv,
  WorkerConcurrencyEnvSchema,
} from '@movie-generator/jobs/env';
import { AllowedPortsSetting, PrivateNetworkSetting } from '@movie-generator/url-policy';
import { z } from 'zod';
import pkg from '../package.json' with { type: 'json' };
import { parseTrustProxy } from './client-ip.ts';

/** Comma-separated origins (`https://example.com`), each checked to be a bare origin. */
const origins = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const list = (value ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    for (const origin of list) {
      let parsed: URL | null = null;
      try {
        parsed = new URL(origin);
      } catch {}
      if (!parsed || parsed.origin !== origin) {
        ctx.addIssue({ code: 'custom', message: `not an origin like https://example.com: ${origin}` });
      }
    }
    return list;
  });

/** apps/web/dist next to this app. */
const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

/**
 * Every environment variable the server reads: the jobs' settings (MongoDB, storage, retention,
 * queue cap), the workers' concurrency, the log level and its own. Listed in the README's
 * configuration table.
 */
export const ServerEnvSchema = z.object({
  ...JobsEnvSchema.shape,
  ...WorkerConcurrencyEnvSchema.shape,
  ...LogEnvSchema.shape,
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  /** /metrics listens here (same HOST), apart from the public port. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65_535).default(9465),
  HOST: z.string().min(1).default('0.0.0.0'),
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx) => {
      try {
        return parseTrustProxy(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  CORS_ORIGIN: origins,
  /** 0 means unlimited. */
  DAILY_JOB_LIMIT: int(5, 0),
  /** Jobs per client per day that may fail before any speech or rendering; 0 means unlimited. */
  DAILY_FAILED_JOB_LIMIT: int(20, 0),
  /** IPv6 clients share a quota and a rate limit per prefix of this length (a /64 is one home or host). */
  QUOTA_IPV6_PREFIX: z.coerce.number().int().min(16).max(128).default(64),
  /** API requests per client per minute; 0 turns the limit off. */
  API_RATE_LIMIT_PER_MIN: int(300, 0),
  /** How long a job read from MongoDB answers polls of job.get (0: read every time). */
  JOB_VIEW_CACHE_MS: z.coerce.number().int().min(0).max(10_000).default(1000),
  WORKER_REPLICAS: int(1, 1),
  WEB_DIST_DIR: z.string().min(1).default(defaultWebDist),
  ALLOW_PRIVATE_NETWORK: PrivateNetworkSetting,
  ALLOWED_PORTS: AllowedPortsSetting,
  APP_VERSION: z.string().min(1).default(pkg.version),
});
export type ServerEnv = z.infer<typeof ServerEnvSchema>;

/** Other names accepted for a setting: the operations guide calls the daily limit RATE_LIMIT_PER_DAY. */
export const ENV_ALIASES = { RATE_LIMIT_PER_DAY: 'DAILY_JOB_LIMIT' } as const;

/** Copies each alias to its setting unless the setting itself is given (it wins); empty counts as not given. */
function withAliases(env: Record<string, string | undefined>): Record<string, string | undefined> {
  const out = { ...env };
  for (const [alias, name] of Object.entries(ENV_ALIASES)) {
    if (!out[name] && out[alias]) out[name] = out[alias];
  }
  return out;
}

/**
 * Parses the environment once (see the jobs' loadEnv: empty values count as unset, one error
 * names every bad variable).
 */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): ServerEnv {
  return parseEnv(ServerEnvSchema, withAliases(source), 'server');
}
