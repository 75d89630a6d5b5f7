import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { getBundle } from '@movie-generator/pipeline';
import { makeTempDir, startTestMongo, type TestMongo } from '@movie-generator/test-helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byKind, container, type Deployment, loadDeploymentFiles } from './helpers/deployment.ts';
import { repoRoot } from './helpers/files.ts';

/**
 * What the images run, run here: no Docker engine is available, so these start the same
 * commands the Dockerfiles' CMDs start, built the way the Dockerfiles build them, and probe
 * them on the paths the health checks and Kubernetes probes use.
 */

interface Started {
  child: ChildProcess;
  /** Every JSON log line so far. */
  logs: Record<string, unknown>[];
  stderr: () => string;
  exited: Promise<number | null>;
}

function start(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Started {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env });
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  let pending = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // Not a pino line.
      }
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, logs, stderr: () => stderr, exited };
}

async function waitForLog(p: Started, msg: string, timeoutMs: number): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const hit = p.logs.find((l) => l.msg === msg);
    if (hit) return hit;
    if (p.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no "${msg}" log line; stderr: ${p.stderr()}; logs: ${JSON.stringify(p.logs)}`);
}

function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c));
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A port free right now (WORKER_METRICS_PORT=0 turns the worker's metrics server off). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A minimal environment: nothing inherited that could make the bundle find node_modules. */
const bareEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, ...extra });

describe('what the images run', () => {
  let mongo: TestMongo;
  let tmp: Awaited<ReturnType<typeof makeTempDir>>;
  let probePaths: { server: string[]; worker: string[] };

  beforeAll(async () => {
    mongo = await startTestMongo();
    // Outside the repository: Node must not find the repository's node_modules from here.
    tmp = await makeTempDir('mg-images-');
    const files = await loadDeploymentFiles();
    const paths = (name: string) => {
      const c = container(byKind<Deployment>(files.base, 'Deployment', name));
      return [c.startupProbe, c.livenessProbe, c.readinessProbe].flatMap((p) =>
        p?.httpGet?.path ? [p.httpGet.path] : [],
      );
    };
    probePaths = { server: [...new Set(paths('server'))], worker: [...new Set(paths('worker'))] };
  });
  afterAll(async () => {
    await mongo?.stop();
    await tmp?.cleanup();
  });

  it('server image: the bundled server runs without node_modules, serves the web app, answers its probes, stops on SIGTERM', async () => {
    const app = join(tmp.dir, 'app');
    const bundled = await run(process.execPath, ['docker/bundle.mjs', app, 'server', 'ops'], {
      cwd: repoRoot,
    });
    expect(bundled.stderr).toBe('');
    expect(bundled.code).toBe(0);
    expect((await readdir(app)).filter((f) => f.endsWith('.mjs')).sort()).toEqual([
      'mg-ops.mjs',
      'server.mjs',
    ]);
    expect(existsSync(join(app, 'node_modules'))).toBe(false);

    const web = join(app, 'web');
    await mkdir(join(web, 'assets'), { recursive: true });
    await writeFile(join(web, 'index.html'), '<!doctype html><title>movie-generator test page</title>');
    await writeFile(join(web, 'assets', 'app-1234.js'), 'console.log(1)');

    const env = bareEnv({
      MONGODB_URI: mongo.uri,
      MONGODB_DB: mongo.dbName,
      PORT: '0',
      METRICS_PORT: '0',
      HOST: '127.0.0.1',
      WEB_DIST_DIR: web,
      NODE_ENV: 'production',
    });
    const server = start(process.execPath, [join(app, 'server.mjs')], { cwd: app, env });
    try {
      const listening = await waitForLog(server, 'server listening', 30_000);
      const base = `http://127.0.0.1:${(listening.address as { port: number }).port}`;

      expect(probePaths.server.sort()).toEqual(['/healthz', '/readyz']);
      for (const path of probePaths.server) {
        const res = await fetch(base + path);
        expect(res.status, path).toBe(200);
      }
      const home = await fetch(`${base}/`);
      expect(home.status).toBe(200);
      expect(await home.text()).toContain('movie-generator test page');
      // An unknown page is a 404 that still carries the app, which shows its own not-found page.
      const page = await fetch(`${base}/some/client/route`);
      expect(page.status).toBe(404);
      expect(await page.text()).toContain('movie-generator test page');
      const asset = await fetch(`${base}/assets/app-1234.js`);
      expect(asset.headers.get('cache-control')).toContain('immutable');
      const info = (await (await fetch(`${base}/trpc/system.info`)).json()) as {
        result: { data: { limits: object } };
      };
      expect(info.result.data.limits).toMatchObject({ dailyJobsPerIp: 5, maxPendingJobs: 10 });
      // Metrics live on their own port (METRICS_PORT), not on the public one.
      expect((await fetch(`${base}/metrics`)).status).toBe(404);
      const metricsPort = (listening.metricsAddress as { port: number }).port;
      const metrics = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
      expect(await metrics.text()).toContain('# TYPE');

      // The ops CLI of the image, against the same database.
      const ops = await run(process.execPath, [join(app, 'mg-ops.mjs'), 'stats', '--json'], {
        cwd: app,
        env,
      });
      expect(ops.stderr).toBe('');
      expect(ops.code).toBe(0);
      expect(JSON.parse(ops.stdout)).toMatchObject({ jobs: { total: 0 }, queue: { slotsCap: 10 } });

      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(server.logs.map((l) => l.msg)).toContain('stopped');
    } finally {
      server.child.kill('SIGKILL');
    }
  });

  it('worker image: the prebuilt Remotion bundle is used as is, and the worker starts with it, answers its probes and stops on SIGTERM', async () => {
    const bundleDir = join(tmp.dir, 'remotion-bundle');
    const prebundled = await run('npx', ['tsx', 'docker/prebundle.ts', bundleDir], { cwd: repoRoot });
    expect(prebundled.code, prebundled.stderr).toBe(0);
    expect(prebundled.stdout.trim()).toBe(join(bundleDir, 'index.html'));
    expect(existsSync(join(bundleDir, 'bundle.js'))).toBe(true);
    // The pipeline takes a directory with an index.html as is, without bundling again.
    expect(await getBundle({ bundleDir })).toBe(bundleDir);

    const workDir = join(tmp.dir, 'work');
    const metricsPort = await freePort();
    await mkdir(workDir);
    // The image's CMD, from the image's WORKDIR (the repository root here).
    const worker = start(process.execPath, ['--import', 'tsx', 'apps/worker/src/main.ts'], {
      cwd: repoRoot,
      env: bareEnv({
        MONGODB_URI: mongo.uri,
        MONGODB_DB: mongo.dbName,
        REMOTION_BUNDLE_DIR: bundleDir,
        WORK_DIR: workDir,
        CHROMIUM_PATH: '/usr/bin/chromium',
        WORKER_METRICS_PORT: String(metricsPort),
        WORKER_ID: 'image-test',
        HOME: tmp.dir,
      }),
    });
    try {
      await waitForLog(worker, 'worker: renderer ready', 60_000);
      const metricsLine = await waitForLog(worker, 'worker: metrics on /metrics, health on /healthz', 30_000);
      expect(metricsLine.port).toBe(metricsPort);
      const base = `http://127.0.0.1:${metricsPort}`;
      await waitForLog(worker, 'worker: started', 30_000);
      expect(probePaths.worker).toEqual(['/healthz']);
      for (const path of probePaths.worker) {
        const res = await fetch(base + path);
        expect(res.status, path).toBe(200);
        expect(await res.json()).toMatchObject({ status: 'ok', workerId: 'image-test', mongo: 'ok' });
      }
      worker.child.kill('SIGTERM');
      expect(await worker.exited).toBe(0);
      expect(worker.logs.map((l) => l.msg)).toContain('worker: bye');
    } finally {
      worker.child.kill('SIGKILL');
    }
  });
});
