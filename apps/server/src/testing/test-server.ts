import { createServer } from 'node:http';
import { join } from 'node:path';
import { createClient } from '@movie-generator/api-contract/client';
import {
  type ArtifactKind,
  createJobAdmin,
  createJobRuns,
  type JobAdmin,
  type JobRuns,
  type StoredArtifacts,
  type VideoStore,
} from '@movie-generator/jobs';
import { listenLocally, makeTestVideo } from '@movie-generator/test-helpers';
import type { Db } from 'mongodb';
import { pino } from 'pino';
import { createApp } from '../app.ts';
import { loadEnv, type ServerEnv } from '../env.ts';
import { createMetrics } from '../metrics.ts';
import { createMetricsApp } from '../routes/metrics.ts';
import { createServices, type Services, type ServicesOverrides } from '../services.ts';

export interface TestServer extends Services {
  /** The run side over the same database, for tests that play the worker. */
  runs: JobRuns;
  /** The whole admin side (the server itself only counts), for tests that play the ops CLI. */
  admin: JobAdmin;
  /** http://127.0.0.1:<port> */
  url: string;
  /** The metrics listener (METRICS_PORT), http://127.0.0.1:<port> */
  metricsUrl: string;
  env: ServerEnv;
  /** The typed client, as a browser or script would use it. */
  client: ReturnType<typeof createClient>;
  clientWith(headers: Record<string, string>): ReturnType<typeof createClient>;
  /** What the server logged (at its LOG_LEVEL; tests default to silent), parsed. */
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

/**
 * The real app (real env parsing, job intake, Agenda queue, video store) on a random port,
 * over the given database. `vars` are environment variables as the server would read them.
 */
export async function startTestServer(
  db: Db,
  vars: Record<string, string> = {},
  options: { host?: string; overrides?: ServicesOverrides } = {},
): Promise<TestServer> {
  const env = loadEnv({
    MONGODB_URI: 'mongodb://unused-by-tests',
    MONGODB_DB: db.databaseName,
    LOG_LEVEL: 'silent',
    WEB_DIST_DIR: '/nonexistent/web/dist',
    ...vars,
  });
  const services = await createServices(env, db, options.overrides);
  const logs: Record<string, unknown>[] = [];
  const logger = pino({ level: env.LOG_LEVEL }, { write: (line: string) => logs.push(JSON.parse(line)) });
  const metrics = createMetrics();
  const app = createApp({ env, db, logger, ...services }, metrics);
  const { url, close } = await listenLocally(createServer(app), { host: options.host });
  const metricsListener = await listenLocally(
    createServer(createMetricsApp({ metrics, logger, ...services })),
  );
  const retentionMs = env.RETENTION_HOURS * 3600_000;
  return {
    ...services,
    runs: createJobRuns(services.intake.c, { retentionMs }),
    admin: createJobAdmin(services.intake.c, { retentionMs }),
    url,
    metricsUrl: metricsListener.url,
    env,
    client: createClient(url),
    clientWith: (headers) => createClient(url, { headers }),
    logs,
    close: async () => {
      await Promise.all([close(), metricsListener.close()]);
    },
  };
}

/** A real one-second 160x90 H.264/AAC MP4, made by ffmpeg. */
export function makeTinyMp4(dir: string): Promise<string> {
  return makeTestVideo(join(dir, 'tiny.mp4'), { width: 160, height: 90, durationSec: 1, fps: 10 });
}

/**
 * What a worker does with a job, in the same store calls: start, progress, (title,) save the video
 * (and the files beside it), complete.
 */
export async function finishJob(
  services: { runs: JobRuns; videoStore: VideoStore },
  jobId: string,
  mp4Path: string,
  extras: { title?: string; files?: Partial<Record<ArtifactKind, string>> } = {},
): Promise<void> {
  if (!(await services.runs.start(jobId, 'test-worker'))) throw new Error(`job ${jobId} could not start`);
  await services.runs.progress(jobId, {
    progress: 90,
    step: 'render',
    message: { ja: '書き出し中', en: 'Rendering' },
  });
  if (extras.title) await services.runs.annotate(jobId, { title: extras.title });
  const { video, size } = await services.videoStore.save(jobId, mp4Path);
  const artifacts: StoredArtifacts = {};
  for (const [kind, path] of Object.entries(extras.files ?? {}) as [ArtifactKind, string][]) {
    artifacts[kind] = await services.videoStore.saveArtifact(jobId, kind, path);
  }
  if (!(await services.runs.complete(jobId, { video, videoSize: size, durationSec: 1, artifacts }))) {
    throw new Error(`job ${jobId} could not complete`);
  }
}

/** A public address literal: passes the URL check without DNS. */
export const PUBLIC_URL = 'http://93.184.215.14/article';
