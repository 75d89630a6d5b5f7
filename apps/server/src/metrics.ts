import { ApiError, type JobService, JobStatusSchema } from '@movie-generator/api-contract';
import type { RequestHandler } from 'express';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** The server's Prometheus metrics, in a registry of its own (one per app, so tests can build several). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    jobsCreated: new Counter({ name: 'jobs_created_total', help: 'Jobs created by this server', registers }),
    jobsCancelled: new Counter({
      name: 'jobs_cancelled_total',
      help: 'Jobs cancelled through this server',
      registers,
    }),
    jobsRejected: new Counter({
      name: 'jobs_rejected_total',
      help: 'job.create requests refused by this server, by error code',
      labelNames: ['code'] as const,
      registers,
    }),
    // The gauges below are read from MongoDB at scrape time, so every replica reports the same values.
    jobsByStatus: new Gauge({
      name: 'jobs_by_status',
      help: 'Jobs in the database by status',
      labelNames: ['status'] as const,
      registers,
    }),
    queueDepth: new Gauge({ name: 'jobs_queue_depth', help: 'Pending jobs waiting for a worker', registers }),
    processing: new Gauge({ name: 'jobs_processing', help: 'Jobs being processed by workers', registers }),
    videoBytes: new Gauge({
      name: 'videos_stored_bytes',
      help: 'Bytes of finished videos in storage',
      registers,
    }),
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by route and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
  };
}
export type ServerMetrics = ReturnType<typeof createMetrics>;

/** Sets the job gauges from counts read at scrape time. */
export function setJobGauges(
  metrics: ServerMetrics,
  counts: Record<string, number>,
  videoBytes: number,
): void {
  for (const status of JobStatusSchema.options) metrics.jobsByStatus.set({ status }, counts[status] ?? 0);
  metrics.queueDepth.set(counts.pending ?? 0);
  metrics.processing.set(counts.processing ?? 0);
  metrics.videoBytes.set(videoBytes);
}

/** Drops the job gauges (MongoDB did not answer): no value is better than a stale one. */
export function clearJobGauges(metrics: ServerMetrics): void {
  metrics.jobsByStatus.reset();
  metrics.queueDepth.reset();
  metrics.processing.reset();
  metrics.videoBytes.reset();
}

/** Counts what this server did with jobs, around the real JobService. */
export function countJobs(service: JobService, metrics: ServerMetrics): JobService {
  return {
    get: (id) => service.get(id),
    quota: (clientIp) => service.quota(clientIp),
    info: () => service.info(),
    async create(input, clientIp) {
      try {
        const created = await service.create(input, clientIp);
        metrics.jobsCreated.inc();
        return created;
      } catch (error) {
        metrics.jobsRejected.inc({ code: error instanceof ApiError ? error.code : 'INTERNAL' });
        throw error;
      }
    },
    async cancel(id) {
      const view = await service.cancel(id);
      if (view?.status === 'cancelled') metrics.jobsCancelled.inc();
      return view;
    },
  };
}

/** A bounded route label: never the raw path, so probing URLs cannot blow up the series count. */
export function routeLabel(path: string): string {
  if (path === '/trpc' || path.startsWith('/trpc/')) return '/trpc';
  if (path.startsWith('/videos/')) return '/videos/:id.mp4';
  if (path === '/healthz' || path === '/readyz' || path === '/metrics') return path;
  return 'web';
}

/** Observes every request's duration when its response finishes. */
export function timeRequests(metrics: ServerMetrics): RequestHandler {
  return (req, res, next) => {
    // Read the path now: mounted routers rewrite req.url while they run.
    const end = metrics.httpDuration.startTimer({ method: req.method, route: routeLabel(req.path) });
    res.on('finish', () => end({ status: String(res.statusCode) }));
    next();
  };
}
