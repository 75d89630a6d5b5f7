import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createJobAdmin,
  createJobRuns,
  createVideoStore,
  jobCollections,
  prepareJobCollections,
} from '@movie-generator/jobs';
import { closeRenderer, runPipeline, silentLogger, warmRenderer } from '@movie-generator/pipeline';
import { startTestServer, type TestServer } from '@movie-generator/server/src/testing/test-server.ts';
import {
  makeTempDir,
  startStaticServer,
  startTestMongo,
  type TestHttpServer,
  type TestMongo,
} from '@movie-generator/test-helpers';
import { loadConfig } from '@movie-generator/worker/src/env.ts';
import { createWorker, type Worker } from '@movie-generator/worker/src/worker.ts';
import { repoRoot } from './web-build.ts';

export type { TestServer };

const ARTICLES = join(repoRoot, 'packages/pipeline/fixtures/articles');

/**
 * The whole product in this process, as production wires it: the real server app (env parsing,
 * tRPC, video streaming, the built web app), real workers running the real pipeline at a tiny
 * frame size, one MongoDB-wire server, and a local article site.
 */
export interface WebStack {
  mongo: TestMongo;
  /** Serves /ja (the Japanese article fixture). */
  site: TestHttpServer;
  /**
   * A server over a database of its own, so quota and queue state never leak between tests.
   * `vars` are its environment variables; the built web app is always served.
   */
  startServer(vars?: Record<string, string>): Promise<TestServer>;
  /**
   * A worker taking the jobs of `server`'s database, rendering 320x180 videos of ≤ 3 sections
   * with `pipeline` (the real one, which a test may wrap).
   */
  startWorker(server: TestServer, pipeline?: typeof runPipeline): Promise<Worker>;
  close(): Promise<void>;
}

export async function startWebStack(webDistDir: string): Promise<WebStack> {
  const mongo = await startTestMongo();
  const workDir = await makeTempDir('mg-e2e-web-');
  const site = await startStaticServer({
    '/ja': {
      body: await readFile(join(ARTICLES, 'ja-utf8.html')),
      contentType: 'text/html; charset=utf-8',
    },
  });
  // Bundle the compositions and open Chromium before the first job, as the worker's main does.
  const { serveUrl: bundleDir } = await warmRenderer();

  const servers: TestServer[] = [];
  const workers: Worker[] = [];
  let databases = 0;

  return {
    mongo,
    site,
    async startServer(vars = {}) {
      databases += 1;
      const db = mongo.client.db(`${mongo.dbName}_${databases}`);
      const server = await startTestServer(db, { WEB_DIST_DIR: webDistDir, ...vars });
      servers.push(server);
      return server;
    },
    async startWorker(server, pipeline = runPipeline) {
      const config = loadConfig({
        MONGODB_URI: mongo.uri,
        MONGODB_DB: server.env.MONGODB_DB,
        WORKER_ID: `e2e-worker-${workers.length + 1}`,
        WORK_DIR: workDir.dir,
        ALLOW_PRIVATE_NETWORK: 'true',
        SCRIPT_MAX_SECTIONS: '3',
        SCRIPT_CHAR_BUDGET: '120',
        PIPELINE_FRAME: '320x180',
        REMOTION_BUNDLE_DIR: bundleDir,
        WORKER_CONCURRENCY: '1',
        QUEUE_POLL_MS: '200',
        CANCEL_POLL_MS: '500',
        MAX_PENDING_JOBS: String(server.env.MAX_PENDING_JOBS),
        LOG_LEVEL: 'silent',
      });
      const jobs = jobCollections(server.intake.c.db);
      await prepareJobCollections(jobs, config.jobs);
      const worker = createWorker({
        runs: createJobRuns(jobs, config.jobs),
        admin: createJobAdmin(jobs, config.jobs),
        videoStore: createVideoStore(config.storage.kind, server.intake.c.db, config.storage.dataDir),
        runPipeline: pipeline,
        config,
        log: silentLogger,
      });
      workers.push(worker);
      await worker.start();
      return worker;
    },
    async close() {
      for (const worker of workers.splice(0)) {
        worker.interrupt();
        await worker.stop(0);
      }
      for (const server of servers.splice(0)) {
        await server.close();
        await server.intake.c.db.dropDatabase().catch(() => {});
      }
      await site.close();
      await closeRenderer();
      await mongo.stop();
      await workDir.cleanup();
    },
  };
}
