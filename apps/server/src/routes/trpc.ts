import { type JobService, MAX_BATCH_SIZE } from '@movie-generator/api-contract';
import { appRouter } from '@movie-generator/api-contract/router';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { clientKeyOf } from '../client-ip.ts';

/** The largest tRPC request body; a job.create is a few hundred bytes. */
export const MAX_TRPC_BODY_BYTES = 16 * 1024;

/**
 * The contract's router over HTTP (mount at /trpc). The context's `clientIp` is the client's key
 * for the quota: its address as the server sees it, IPv6 grouped by `ipv6Prefix` (see clientKey).
 */
export function trpcHandler(deps: { jobs: JobService; logger: Logger; ipv6Prefix: number }): RequestHandler {
  return createExpressMiddleware({
    router: appRouter,
    createContext: ({ req }) => ({ jobs: deps.jobs, clientIp: clientKeyOf(req, deps.ipv6Prefix) }),
    maxBodySize: MAX_TRPC_BODY_BYTES,
    maxBatchSize: MAX_BATCH_SIZE,
    onError({ error, path }) {
      // Expected refusals (quota, bad URL, not found) are answers, not failures.
      if (error.code === 'INTERNAL_SERVER_ERROR')
        deps.logger.error({ err: error.cause ?? error, path }, 'tRPC procedure failed');
    },
  });
}
