import type { JobService } from '@movie-generator/api-contract';
import type { JobIntake, VideoStore } from '@movie-generator/jobs';
import cors from 'cors';
import express, { type ErrorRequestHandler, type Express } from 'express';
import helmet from 'helmet';
import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { clientIpOf } from './client-ip.ts';
import type { ServerEnv } from './env.ts';
import { countJobs, createMetrics, type ServerMetrics, timeRequests } from './metrics.ts';
import { apiRateLimit } from './rate-limit.ts';
import { healthRoutes } from './routes/health.ts';
import { trpcHandler } from './routes/trpc.ts';
import { videoRoutes } from './routes/videos.ts';
import { webRoutes } from './routes/web.ts';

export interface AppDeps {
  env: Pick<
    ServerEnv,
    'TRUST_PROXY' | 'CORS_ORIGIN' | 'WEB_DIST_DIR' | 'QUOTA_IPV6_PREFIX' | 'API_RATE_LIMIT_PER_MIN'
  >;
  db: Db;
  intake: Pick<JobIntake, 'find'>;
  jobs: JobService;
  videoStore: VideoStore;
  logger: Logger;
  /** True once shutdown has begun (readyz answers 503). */
  shuttingDown?: () => boolean;
}

/** Paths polled by probes: not worth a log line each. */
const QUIET_PATHS = new Set(['/healthz', '/readyz']);

/**
 * A successful API read (job.get, quota.get, system.info over GET): every open job page polls
 * job.get every 2 s, so at info level these would drown the log. They are logged at
 * debug; mutations, failures and video downloads stay at info.
 */
function isPoll(req: { method?: string; originalUrl?: string; url?: string }, status: number): boolean {
  // originalUrl: inside the /trpc router Express has cut the mount path off `url`.
  const path = req.originalUrl ?? req.url ?? '';
  return req.method === 'GET' && status < 400 && path.startsWith('/trpc/');
}

function securityHeaders(crossOrigin: boolean) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        mediaSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
        scriptSrcAttr: ["'none'"],
        // No upgrade-insecure-requests: self-hosted instances are often reached over plain http.
      },
    },
    // With a separate web origin configured, it may play and download the videos.
    crossOriginResourcePolicy: { policy: crossOrigin ? 'cross-origin' : 'same-origin' },
  });
}

/**
 * The server's Express app, not listening yet (main listens; tests mount it on port 0). It
 * records into `metrics`, which `createMetricsApp` serves on a port of its own.
 */
export function createApp(deps: AppDeps, metrics: ServerMetrics = createMetrics()): Express {
  const jobs = countJobs(deps.jobs, metrics);
  const app = express();
  app.set('trust proxy', deps.env.TRUST_PROXY);

  app.use(timeRequests(metrics));
  app.use(
    pinoHttp({
      logger: deps.logger,
      autoLogging: { ignore: (req) => QUIET_PATHS.has(req.url?.split('?')[0] ?? '') },
      // 503 is the server's deliberate "try again later" (the queue is full, shutting down): a
      // warning, not an error with a stack trace for every refused request.
      customLogLevel: (req, res, error) => {
        if (res.statusCode === 503) return 'warn';
        if (error || res.statusCode >= 500) return 'error';
        return isPoll(req, res.statusCode) ? 'debug' : 'info';
      },
      serializers: {
        req: (req: { id: unknown; method: string; url: string; raw: express.Request }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
          ip: clientIpOf(req.raw),
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(securityHeaders(deps.env.CORS_ORIGIN.length > 0));
  if (deps.env.CORS_ORIGIN.length > 0) {
    app.use(cors({ origin: deps.env.CORS_ORIGIN, methods: ['GET', 'HEAD', 'POST'], maxAge: 600 }));
  }

  app.use(
    '/trpc',
    apiRateLimit({ perMinute: deps.env.API_RATE_LIMIT_PER_MIN, ipv6Prefix: deps.env.QUOTA_IPV6_PREFIX }),
    trpcHandler({ jobs, logger: deps.logger, ipv6Prefix: deps.env.QUOTA_IPV6_PREFIX }),
  );
  app.use(videoRoutes(deps));
  app.use(healthRoutes({ db: deps.db, shuttingDown: deps.shuttingDown ?? (() => false) }));
  app.use(
    webRoutes({
      dir: deps.env.WEB_DIST_DIR,
      logger: deps.logger,
      jobExists: async (jobId) => (await deps.intake.find(jobId)) !== null,
    }),
  );

  app.use((_req, res) => {
    res.status(404).type('text/plain').send('Not found');
  });
  const onError: ErrorRequestHandler = (error, req, res, _next) => {
    // Errors Express raises for the request itself (a path whose percent-encoding does not
    // decode, say) carry a 4xx status: answer it, rather than a 500 for the client's mistake.
    const status = Number((error as { status?: unknown } | undefined)?.status);
    const clientError = Number.isInteger(status) && status >= 400 && status < 500;
    if (clientError) req.log.warn({ err: error, status }, 'bad request');
    else req.log.error({ err: error }, 'request failed');
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (clientError) {
      res.status(status).type('text/plain').send('Bad request');
      return;
    }
    res.status(500).type('text/plain').send('Internal server error');
  };
  app.use(onError);
  return app;
}
