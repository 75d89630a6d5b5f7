import { existsSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { JobId } from '@movie-generator/api-contract';
import express, { Router } from 'express';
import type { Logger } from 'pino';

/** Paths the SPA fallback must never answer: the API's 404s stay 404s. */
const API_PREFIXES = ['/trpc', '/videos/', '/healthz', '/readyz', '/metrics'];

function isApiPath(path: string): boolean {
  return API_PREFIXES.some(
    (prefix) => path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`),
  );
}

/**
 * Serves the built web app (apps/web/dist) when it exists: its files, and index.html for any
 * other GET that is not an API path and does not name a file (client-side routes), with 404
 * for addresses the app has no page for.
 * Vite's hashed files under /assets/ are cached for good; index.html is always revalidated.
 */
export interface WebRouteOptions {
  dir: string;
  logger: Logger;
  /** True when a job page would show a job (an unknown or expired one is answered with 404). */
  jobExists: (jobId: string) => Promise<boolean>;
}

/**
 * The HTTP status of the app's page at `path`: 200 for the start page and the page of a job
 * that exists, 404 for everything else. The app renders its own not-found page either way.
 */
async function pageStatus(path: string, jobExists: WebRouteOptions['jobExists']): Promise<number> {
  if (path === '/') return 200;
  const job = /^\/jobs\/([^/]+)\/?$/.exec(path);
  if (job && JobId.safeParse(job[1]).success && (await jobExists(job[1]!))) return 200;
  return 404;
}

export function webRoutes(options: WebRouteOptions): Router {
  const router = Router();
  const dir = resolve(options.dir);
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    options.logger.info({ dir }, 'no built web app; serving the API only (build it with npm run build)');
    return router;
  }
  router.use(
    express.static(dir, {
      index: false,
      redirect: false,
      setHeaders(res, path) {
        const immutable = path.startsWith(join(dir, 'assets'));
        res.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  router.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path) || extname(req.path) !== '') {
      next();
      return;
    }
    pageStatus(req.path, options.jobExists).then(
      (status) => res.status(status).sendFile(index, { headers: { 'Cache-Control': 'no-cache' } }),
      next,
    );
  });
  return router;
}
