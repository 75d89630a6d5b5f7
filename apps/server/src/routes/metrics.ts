import type { JobStore, VideoStore } from '@movie-generator/jobs';
import { Router } from 'express';
import type { Logger } from 'pino';
import { clearJobGauges, type ServerMetrics, setJobGauges } from '../metrics.ts';
import { withTimeout } from '../timeout.ts';

/** Well inside Prometheus's default 10 s scrape timeout. */
const SCRAPE_READ_TIMEOUT_MS = 3000;

export interface MetricsDeps {
  metrics: ServerMetrics;
  store: JobStore;
  videoStore: VideoStore;
  logger: Logger;
}

/** /metrics in the Prometheus text format; the job gauges are read from MongoDB on each scrape. */
export function metricsRoutes(deps: MetricsDeps): Router {
  const router = Router();
  router.get('/metrics', async (_req, res) => {
    try {
      const [counts, videoBytes] = await withTimeout(
        Promise.all([deps.store.countsByStatus(), deps.videoStore.totalBytes()]),
        SCRAPE_READ_TIMEOUT_MS,
        'reading job counts',
      );
      setJobGauges(deps.metrics, counts, videoBytes);
    } catch (error) {
      deps.logger.warn({ err: error }, 'metrics: could not read job counts from MongoDB');
      clearJobGauges(deps.metrics);
    }
    res
      .set('Content-Type', deps.metrics.registry.contentType)
      .set('Cache-Control', 'no-store')
      .send(await deps.metrics.registry.metrics());
  });
  return router;
}
