/**
 * `npm run stack -- smoke`, against the stack `npm run stack -- up` started:
 *   1. a real article served from this host goes through `npm run submit -- <url> --server …`;
 *      the MP4 it downloads passes ffprobe;
 *   2. the worker container holding the next job is SIGKILLed mid-render; the job completes on
 *      the other worker, and no job is lost (every job completed, none failed);
 *   3. workers scale 2 → 3 → 2;
 *   4. /healthz, /health, /readyz and /metrics answer from inside the container network, and
 *      the operations guide's disk and job-data checks run (mg-ops stats, storage, work dir).
 * Article: STACK_ARTICLE (an HTML file), else a real page from ../shared/real-pages when present,
 * else the pipeline's sample article.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type ComposeProject, networkName, parseDotEnv } from './compose.ts';
import { scale } from './lifecycle.ts';
import { containers, podman, run } from './podman.ts';

const root = new URL('../..', import.meta.url).pathname;

function log(line: string) {
  console.log(`[smoke] ${line}`);
}

function articles(): string[] {
  if (process.env.STACK_ARTICLE) return [process.env.STACK_ARTICLE, process.env.STACK_ARTICLE];
  const real = [
    '/work/shared/real-pages/mozilla-1/source.html',
    '/work/shared/real-pages/ietf-1/source.html',
  ];
  if (real.every(existsSync)) return real;
  const sample = join(root, 'packages/pipeline/fixtures/articles/ja-utf8.html');
  return [sample, sample];
}

/** Serves the articles on every interface of this host: /article-0, /article-1. */
async function serveArticles(files: string[]) {
  const bodies = files.map((f) => readFileSync(f));
  const server = createServer((req, res) => {
    const body = bodies[Number(req.url?.split('-')[1])];
    if (!body) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

/** `npm run submit -- <url> -o <file> --server <server>`; resolves with the job id and exit code. */
function submit(url: string, outFile: string, server: string) {
  let created: string | undefined;
  const child = spawn('npm', ['run', '--silent', 'submit', '--', url, '-o', outFile, '--server', server], {
    cwd: root,
    env: { ...process.env, LANG: 'C' },
  });
  const seen = new Promise<string>((resolve) => {
    const onData = (c: Buffer) => {
      const m = /Job created: (\S+)/.exec(String(c));
      if (m && !created) {
        created = m[1]!;
        resolve(created);
      }
    };
    child.stderr.on('data', onData);
    child.stdout.on('data', onData);
  });
  let output = '';
  child.stderr.on('data', (c: Buffer) => (output += c));
  const done = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  // A refused submit ends without a job id: fail with what it said.
  const jobId = Promise.race([
    seen,
    done.then((code) =>
      Promise.reject(new Error(`npm run submit exited ${code} without a job: ${output.trim()}`)),
    ),
  ]);
  return { jobId, done };
}

async function ffprobe(file: string): Promise<{ duration: number; video: string; audio: string }> {
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-show_format',
    '-show_streams',
    '-of',
    'json',
    file,
  ]);
  const info = JSON.parse(stdout) as {
    format: { duration: string };
    streams: { codec_type: string; codec_name: string; width?: number; height?: number }[];
  };
  const v = info.streams.find((s) => s.codec_type === 'video');
  const a = info.streams.find((s) => s.codec_type === 'audio');
  if (!v || !a) throw new Error(`${file}: no video or no audio stream`);
  return {
    duration: Number(info.format.duration),
    video: `${v.codec_name} ${v.width}x${v.height}`,
    audio: a.codec_name,
  };
}

/** mg-ops inside the server container (the operations guide's `docker compose exec server mg-ops`). */
async function mgOps(p: ComposeProject, ...args: string[]): Promise<string> {
  const [server] = await containers(p.name, 'server');
  // Once, right after worker containers were removed, a connect to the database timed out
  // (30 s); a second attempt then answered at once. Retried, and said so.
  for (let attempt = 1; ; attempt++) {
    try {
      return (await podman(['exec', server!, 'mg-ops', ...args])).stdout;
    } catch (error) {
      if (attempt >= 3 || !/timed out/.test(String(error))) throw error;
      log(`mg-ops ${args[0]}: ${String(error).split('\n').at(-1)}; trying again`);
    }
  }
}

interface JobDoc {
  jobId: string;
  status: string;
  currentStep: string | null;
  workerId: string | null;
  attempts: number;
}

async function jobDoc(p: ComposeProject, jobId: string): Promise<JobDoc> {
  // `--`: job ids may start with a dash.
  return (JSON.parse(await mgOps(p, 'show', '--json', '--', jobId)) as { job: JobDoc }).job;
}

/** GET from inside the network (a throwaway container on it), so nothing relies on published ports. */
async function insideGet(p: ComposeProject, url: string): Promise<{ status: number; body: string }> {
  const image = p.services.server!.image;
  const script = `fetch(${JSON.stringify(url)}).then(async r=>{console.log(r.status);console.log((await r.text()).slice(0,4000))},e=>{console.log(0);console.log(String(e))})`;
  const { stdout } = await podman(['run', '--rm', '--network', networkName(p), image, 'node', '-e', script]);
  const [status, ...body] = stdout.split('\n');
  return { status: Number(status), body: body.join('\n') };
}

function check(ok: boolean, what: string) {
  if (!ok) throw new Error(`smoke failed: ${what}`);
  log(`ok  ${what}`);
}

export async function smoke(p: ComposeProject, port: number) {
  const t0 = Date.now();
  const secs = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
  const server = `http://localhost:${port}`;
  const outDir = join(root, '.stack/smoke');
  await mkdir(outDir, { recursive: true });
  const { stdout: gw } = await podman([
    'network',
    'inspect',
    networkName(p),
    '--format',
    '{{range .Subnets}}{{.Gateway}}{{end}}',
  ]);
  const files = articles();
  const host = await serveArticles(files);
  const url = (i: number) => `http://${gw.trim()}:${host.port}/article-${i}`;
  log(`articles ${files.join(', ')} served at ${url(0)}, ${url(1)}`);
  try {
    // 1. One job through the typed client, the MP4 checked.
    let t = Date.now();
    const first = submit(url(0), join(outDir, 'first.mp4'), server);
    const firstId = await first.jobId;
    check((await first.done) === 0, `job ${firstId}: npm run submit finished (${secs(t)})`);
    const probe1 = await ffprobe(join(outDir, 'first.mp4'));
    check(
      probe1.duration > 5,
      `first.mp4: ${probe1.video} + ${probe1.audio}, ${probe1.duration.toFixed(1)} s`,
    );

    // 2. The next job's worker is SIGKILLed mid-render; another worker completes it.
    t = Date.now();
    const second = submit(url(1), join(outDir, 'second.mp4'), server);
    const secondId = await second.jobId;
    let holder: JobDoc | undefined;
    for (;;) {
      const doc = await jobDoc(p, secondId);
      if (doc.status !== 'pending' && doc.status !== 'processing')
        throw new Error(`job ended ${doc.status} before the kill`);
      if (doc.status === 'processing' && doc.workerId && doc.currentStep === 'render') {
        holder = doc;
        break;
      }
      await sleep(300);
    }
    const victim = holder.workerId!.replace(/-\d+$/, '');
    await podman(['kill', '--signal', 'KILL', victim]);
    log(
      `SIGKILLed ${victim} holding job ${secondId} in step ${holder.currentStep} (${secs(t)} after submit)`,
    );
    // Out of the way for good, so only the other worker can take the job up (podman would restart it).
    await podman(['rm', '--force', victim]);
    check((await second.done) === 0, `job ${secondId} completed after the kill (${secs(t)})`);
    const after = await jobDoc(p, secondId);
    check(
      after.status === 'completed' && !!after.workerId && !after.workerId.startsWith(victim),
      `job ${secondId} completed by ${after.workerId}, not by ${victim} (attempts ${after.attempts})`,
    );
    const probe2 = await ffprobe(join(outDir, 'second.mp4'));
    check(
      probe2.duration > 5,
      `second.mp4: ${probe2.video} + ${probe2.audio}, ${probe2.duration.toFixed(1)} s`,
    );
    const stats = JSON.parse(await mgOps(p, 'stats', '--json')) as {
      jobs: Record<string, number>;
      storage: { videos: number; bytes: number; kind: string };
    };
    check(
      stats.jobs.completed === 2 &&
        stats.jobs.failed === 0 &&
        stats.jobs.pending === 0 &&
        stats.jobs.processing === 0,
      `0 jobs lost: ${JSON.stringify(stats.jobs)}`,
    );

    // 3. Scale 2 → 3 → 2 (the killed replica is gone, so first back to 2).
    t = Date.now();
    for (const n of [2, 3, 2]) {
      await scale(p, 'worker', n);
      const now = await containers(p.name, 'worker');
      check(now.length === n, `workers: ${now.join(', ')}`);
    }
    log(`scaling took ${secs(t)}`);

    // 4. Health and metrics from inside the network; the guide's disk and job-data checks.
    // The server's metrics port: its own METRICS_PORT when set, else the API port.
    const settings = {
      ...parseDotEnv(readFileSync(join(root, '.stack/stack.env'), 'utf8')),
      ...p.services.server!.environment,
    };
    const metricsPort = settings.METRICS_PORT || '3000';
    for (const [path, want] of [
      ['http://server:3000/healthz', /"ok"/],
      ['http://server:3000/health', /"ok"/],
      ['http://server:3000/readyz', /ready/],
      [`http://server:${metricsPort}/metrics`, /# TYPE/],
      ['http://worker:9464/healthz', /ok/],
      ['http://worker:9464/metrics', /# TYPE/],
    ] as const) {
      const r = await insideGet(p, path);
      check(r.status === 200 && want.test(r.body), `${path} → ${r.status}`);
    }
    log(`mg-ops stats:\n${await mgOps(p, 'stats')}`);
    const [worker] = await containers(p.name, 'worker');
    const du = await podman(['exec', worker!, 'du', '-sh', '/app/work', '/tmp']);
    log(`job data in ${worker}:\n${du.stdout.trim()}`);
    const df = await podman(['system', 'df']);
    log(`podman system df:\n${df.stdout.trim()}`);

    // 5. Operations-guide procedures against the running stack.
    // Block list: the host's address (as the server sees it) is refused at job.create, then let through again.
    await mgOps(p, 'block', gw.trim(), '--reason', 'smoke test');
    const blocked = submit(url(0), join(outDir, 'blocked.mp4'), server);
    const refusal = await blocked.jobId.then(
      () => 'created',
      (e: Error) => e.message,
    );
    check(refusal.includes('CLIENT_BLOCKED'), `a blocked client is refused: ${refusal.split('\n').at(-1)}`);
    await mgOps(p, 'unblock', gw.trim());
    // mg-ops run: with no worker running, a one-off worker container processes the job in the foreground.
    t = Date.now();
    await scale(p, 'worker', 0);
    const manual = submit(url(0), join(outDir, 'manual.mp4'), server);
    const manualId = await manual.jobId;
    const envFile = join(root, '.stack/stack.env');
    const oneOff = await podman(
      [
        'run',
        '--rm',
        '--network',
        networkName(p),
        '--env-file',
        envFile,
        '--env',
        `MONGODB_URI=${p.services.worker!.environment!.MONGODB_URI}`,
        p.services.worker!.image,
        'mg-ops',
        'run',
        manualId,
      ],
      { check: false },
    );
    check(oneOff.code === 0 && (await manual.done) === 0, `mg-ops run ${manualId} completed it (${secs(t)})`);
    check((await jobDoc(p, manualId)).status === 'completed', `job ${manualId} recorded as completed`);
    await scale(p, 'worker', 2);
    // Backup in the server container, restored into an empty database; a backed-up video plays.
    const [serverCtr] = await containers(p.name, 'server');
    await podman(['exec', serverCtr!, 'rm', '-rf', '/tmp/backup']);
    log((await podman(['exec', serverCtr!, 'mg-ops', 'backup', '--out', '/tmp/backup'])).stdout.trim());
    const restored = await podman([
      'exec',
      '--env',
      'MONGODB_DB=restore_check',
      serverCtr!,
      'mg-ops',
      'restore',
      '/tmp/backup',
      '--json',
    ]);
    const report = JSON.parse(restored.stdout) as { jobsRestored: number; videosRestored: number };
    check(
      report.jobsRestored === 3 && report.videosRestored === 3,
      `restore into an empty database: ${restored.stdout.replace(/\s+/g, ' ')}`,
    );
    await podman(['cp', `${serverCtr}:/tmp/backup/videos/${firstId}.mp4`, join(outDir, 'from-backup.mp4')]);
    const probe3 = await ffprobe(join(outDir, 'from-backup.mp4'));
    check(
      Math.abs(probe3.duration - probe1.duration) < 0.5,
      `from-backup.mp4 plays: ${probe3.video}, ${probe3.duration.toFixed(1)} s`,
    );
    log(`smoke passed in ${secs(t0)}`);
  } finally {
    host.server.close();
  }
}
