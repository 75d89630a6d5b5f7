import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export type JobOutcome = 'completed' | 'failed' | 'cancelled' | 'interrupted' | 'skipped';

/** The worker's Prometheus metrics, in a registry of its own (several workers may share a process in tests). */
export class WorkerMetrics {
  readonly registry = new Registry();
  readonly completed = new Counter({
    name: 'jobs_completed_total',
    help: 'Jobs that produced a video',
    registers: [this.registry],
  });
  readonly failed = new Counter({
    name: 'jobs_failed_total',
    help: 'Jobs that failed, by error code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  readonly cancelled = new Counter({
    name: 'jobs_cancelled_total',
    help: 'Jobs cancelled while processing',
    registers: [this.registry],
  });
  readonly retries = new Counter({
    name: 'job_retries_total',
    help: 'Pipeline runs retried after a transient failure, by error code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  readonly running = new Gauge({
    name: 'jobs_running',
    help: 'Jobs this worker is processing now',
    registers: [this.registry],
  });
  readonly stageDuration = new Histogram({
    name: 'stage_duration_seconds',
    help: 'Wall time of each pipeline stage in successful runs',
    labelNames: ['stage'] as const,
    buckets: [0.1, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600],
    registers: [this.registry],
  });
  readonly jobDuration = new Histogram({
    name: 'job_duration_seconds',
    help: 'Wall time from start to the final state, by outcome',
    labelNames: ['outcome'] as const,
    buckets: [5, 10, 20, 30, 60, 120, 180, 300, 600, 900, 1800],
    registers: [this.registry],
  });

  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry });
  }
}

export interface Health {
  status: 'ok' | 'draining';
  workerId: string;
  runningJobs: number;
  mongo: 'ok' | 'down';
}

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

/**
 * `/metrics` (Prometheus text) and `/healthz` on a small HTTP server. /healthz answers 200 while
 * the process runs (a liveness probe must not kill a worker that is draining or waiting for
 * MongoDB to come back) and reports the details in its JSON body.
 */
export async function startMetricsServer(
  port: number,
  metrics: WorkerMetrics,
  health: () => Promise<Health>,
  host = '0.0.0.0',
): Promise<MetricsServer> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const reply = async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' }).end();
      } else if (path === '/metrics') {
        const body = await metrics.registry.metrics();
        res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(body);
      } else if (path === '/healthz') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(await health()));
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      }
    };
    reply().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
