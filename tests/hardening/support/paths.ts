import { fileURLToPath } from 'node:url';

/** apps/worker: child workers run its src/main.ts, as in production. */
export const WORKER_APP_DIR = fileURLToPath(new URL('../../../apps/worker/', import.meta.url));
/** apps/server: the load test runs its src/main.ts in a process of its own. */
export const SERVER_APP_DIR = fileURLToPath(new URL('../../../apps/server/', import.meta.url));
/** The built web app, served by the server for the browser check. */
export const WEB_DIST_DIR = fileURLToPath(new URL('../../../apps/web/dist/', import.meta.url));
export const ARTICLE_FIXTURES = fileURLToPath(
  new URL('../../../packages/pipeline/fixtures/articles/', import.meta.url),
);
/** Where the suite writes its figures (test-artifacts/ is ignored by git). */
export const ARTIFACTS_DIR = fileURLToPath(new URL('../../../test-artifacts/hardening/', import.meta.url));
