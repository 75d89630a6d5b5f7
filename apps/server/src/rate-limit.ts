import { API_ERRORS, apiErrorMessage } from '@movie-generator/api-contract';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import type { Request, RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { clientKeyOf } from './client-ip.ts';

export interface ApiRateLimitOptions {
  /** Requests per client per minute; 0 turns the limit off. */
  perMinute: number;
  /** IPv6 clients are counted per network of this prefix length, like the quota. */
  ipv6Prefix: number;
}

/**
 * A per-client limit on API requests (express-rate-limit, in memory per replica), keyed like the
 * quota. A refused request gets HTTP 429 with the tRPC error shape the client understands, code
 * RATE_LIMITED, for every call of a batch. A page polling every 2 s makes 30 requests a minute.
 */
export function apiRateLimit(options: ApiRateLimitOptions): RequestHandler {
  if (options.perMinute === 0) return (_req, _res, next) => next();
  return rateLimit({
    windowMs: 60_000,
    limit: options.perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => clientKeyOf(req, options.ipv6Prefix),
    // The key is built from req.ip (trusted proxies only) with IPv6 grouping of our own.
    validate: { keyGeneratorIpFallback: false, xForwardedForHeader: false },
    handler: (req, res) => {
      res.status(429).json(rateLimitedBody(req));
    },
  });
}

/** What tRPC itself would answer for a TOO_MANY_REQUESTS error of each call in the request. */
function rateLimitedBody(req: Request) {
  const paths = req.path.replace(/^\//, '').split(',');
  const error = (path: string) => ({
    error: {
      message: API_ERRORS.RATE_LIMITED.en,
      code: TRPC_ERROR_CODES_BY_KEY.TOO_MANY_REQUESTS,
      data: {
        code: 'TOO_MANY_REQUESTS',
        httpStatus: 429,
        path,
        appCode: 'RATE_LIMITED',
        messages: apiErrorMessage('RATE_LIMITED'),
      },
    },
  });
  return req.query.batch === '1' ? paths.map(error) : error(paths[0] ?? '');
}
