import { Router } from 'express';
import type { Db } from 'mongodb';
import { withTimeout } from '../timeout.ts';

export interface HealthDeps {
  db: Db;
  /** True once shutdown has begun: stop sending traffic here. */
  shuttingDown: () => boolean;
  /** How long MongoDB gets to answer a ping. */
  pingTimeoutMs?: number;
}

/** True when MongoDB answers a ping within the time limit. */
export async function mongoAnswers(db: Db, timeoutMs: number): Promise<boolean> {
  try {
    await withTimeout(db.command({ ping: 1 }, { timeoutMS: timeoutMs }), timeoutMs, 'MongoDB ping');
    return true;
  } catch {
    return false;
  }
}

/**
 * /healthz: the process is alive (/health is the same, the uptime-monitor path of the operations
 * guide). /readyz: it can serve (MongoDB answers, not shutting down).
 */
export function healthRoutes(deps: HealthDeps): Router {
  const router = Router();
  router.get(['/healthz', '/health'], (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    res.set('Cache-Control', 'no-store');
    if (deps.shuttingDown()) {
      res.status(503).json({ status: 'shutting down' });
      return;
    }
    const ok = await mongoAnswers(deps.db, deps.pingTimeoutMs ?? 2000);
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'mongodb unavailable' });
  });
  return router;
}
