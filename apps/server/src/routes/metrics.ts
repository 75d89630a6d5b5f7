import type { JobAdmin, VideoStore } from '@movie-generator/jobs';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { clearJobGauges, type ServerMetrics, setJobGauges } from '../metrics.ts';
import { withTimeout } from '../timeout.ts';

/** Well inside Prometheus's default 10 s scrape timeout. */
const SCRAPE_READ_TIMEOUT_MS = 3000;

/**
 * How old the job counts may be when a scrape reports them. Counting by status reads the whole
 * jobs collection, so it runs at most this often however many scrapers there are.
 */
export const JOB_COUNTS_MAX_AGE_MS = 15_000;

export interface MetricsDeps {
  metrics: ServerMetrics;
  admin: Pick<JobAdmin, 'countsByStatus'>;
  videoStore: VideoStore;
  logger: Logger;
}

/**
 * The metrics listener's app: /metrics in the Prometheus text format, and nothing else. It is
 * served on METRICS_PORT, apart from the public port, so the Ingress and the web never expose it.
 */
export function createMetricsApp(deps: MetricsDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  const readCounts = cachedJobCounts(deps);
  app.get('/metrics', async (_req, res) => {
    await readCounts();
    res
      .set('Content-Type', deps.metrics.registry.contentType)
      .set('Cache-Control', 'no-store')
      .send(await deps.metrics.registry.metrics());
  });
  app.use((_req, res) => {
    res.status(404).type('text/plain').send('Not found');
  });
  return app;
}

/** Sets the job gauges from MongoDB at most once per JOB_COUNTS_MAX_AGE_MS (concurrent scrapes share a read). */
function cachedJobCounts(deps: MetricsDeps): () => Promise<void> {
  let readAt = Number.NEGATIVE_INFINITY;
  let reading: Promise<void> | null = null;
  return () => {
    if (Date.now() - readAt < JOB_COUNTS_MAX_AGE_MS) return Promise.resolve();
    reading ??= (async () => {
      try {
        const [counts, videoBytes] = await withTimeout(
          Promise.all([deps.admin.countsByStatus(), deps.videoStore.totalBytes()]),
          SCRAPE_READ_TIMEOUT_MS,
          'reading job counts',
        );
        setJobGauges(deps.metrics, counts, videoBytes);
        readAt = Date.now();
      } catch (error) {
        // No value is better than a stale one; the next scrape tries again.
        deps.logger.warn({ err: error }, 'metrics: could not read job counts from MongoDB');
        clearJobGauges(deps.metrics);
      } finally {
        reading = null;
      }
    })();
    return reading;
  };
}
