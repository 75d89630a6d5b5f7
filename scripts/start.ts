/**
 * `npm start`: runs the whole product on embedded defaults — no API keys, no external services.
 * MongoDB: $MONGODB_URI, or else the embedded MongoDB-wire server (for trying the product only).
 * Starts the API server (which serves the built web app) and one worker, and serves the bundled
 * sample article on localhost so there is something to try offline.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 3000);
// This machine only, unless HOST says otherwise: the try-out fetches loopback URLs for anyone who
// can reach it, so it must not face a network by default.
// biome-ignore lint/suspicious/noUndeclaredEnvVars: read by `npm start` only, no turbo task
const host = process.env.HOST ?? '127.0.0.1';
const children: ChildProcess[] = [];
let stopEmbedded: (() => Promise<void>) | undefined;

function log(line: string) {
  console.log(`[start] ${line}`);
}

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, (await stat(join(entry.parentPath, entry.name))).mtimeMs);
  }
  return newest;
}

/** Builds the web app unless dist is newer than its sources. */
async function ensureWebBuilt(): Promise<void> {
  const web = join(root, 'apps/web');
  const built = await stat(join(web, 'dist/index.html')).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  const sources = Math.max(
    await newestMtime(join(web, 'src')),
    (await stat(join(web, 'index.html'))).mtimeMs,
  );
  if (built > sources) return;
  log('building the web app…');
  await run('npm', ['run', 'build', '-w', '@movie-generator/web']);
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}`)),
    );
  });
}

function startApp(name: string, entry: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: root, env, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (!shuttingDown) {
      log(`${name} exited (${code ?? signal}); stopping`);
      void shutdown(1);
    }
  });
  children.push(child);
  return child;
}

async function waitForReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not become ready`);
}

/** Where to reach the server from here: a wildcard listener answers on loopback. */
function readyHost(listenHost: string): string {
  if (listenHost === '0.0.0.0') return '127.0.0.1';
  if (listenHost === '::') return '[::1]';
  return listenHost.includes(':') ? `[${listenHost}]` : listenHost;
}

let shuttingDown = false;
async function shutdown(code: number): Promise<never> {
  shuttingDown = true;
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(
    children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))),
  );
  await stopEmbedded?.();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

let mongoUri = process.env.MONGODB_URI;
if (!mongoUri) {
  const { startEmbeddedMongo } = await import('@movie-generator/embedded-mongo');
  const embedded = await startEmbeddedMongo();
  stopEmbedded = embedded.stop;
  mongoUri = embedded.uri;
  console.warn(
    '\n  ⚠  MONGODB_URI is not set: using the embedded in-memory MongoDB-wire server.\n' +
      '     It is for trying the product only, NOT for production: data is lost when this stops,\n' +
      '     and it enforces no unique indexes or TTL. Set MONGODB_URI to use a real MongoDB.\n',
  );
}

await ensureWebBuilt();

const sample = await readFile(join(root, 'packages/pipeline/fixtures/articles/ja-utf8.html'));
const sampleServer = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(sample);
});
await new Promise<void>((resolve) => sampleServer.listen(0, '127.0.0.1', resolve));
const sampleUrl = `http://127.0.0.1:${(sampleServer.address() as AddressInfo).port}/sample-article`;

// Loopback URLs are allowed so the sample article (on 127.0.0.1) can be fetched; private networks,
// cloud metadata and link-local addresses stay refused.
const env: NodeJS.ProcessEnv = {
  ...process.env,
  MONGODB_URI: mongoUri,
  PORT: String(port),
  HOST: host,
  ALLOW_PRIVATE_NETWORK: process.env.ALLOW_PRIVATE_NETWORK ?? 'loopback',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
};
startApp('server', 'apps/server/src/main.ts', env);
startApp('worker', 'apps/worker/src/main.ts', env);

try {
  await waitForReady(`http://${readyHost(host)}:${port}/readyz`, 60_000);
} catch (error) {
  log(String(error));
  await shutdown(1);
}
const listening =
  host === '127.0.0.1' || host === 'localhost' || host === '::1'
    ? `${host} (this machine only; set HOST=0.0.0.0 to accept other machines)`
    : `${host} (reachable from other machines)`;
console.log(`
  movie-generator is running.

    Listening on:    ${listening}
    Web app:         http://localhost:${port}
    Sample article:  ${sampleUrl}   (paste it into the web app)
    Or from a shell: npm run submit -- ${sampleUrl}${port === 3000 ? '' : ` --server http://localhost:${port}`}

  URLs on this machine are allowed in this local try-out (ALLOW_PRIVATE_NETWORK=${env.ALLOW_PRIVATE_NETWORK});
  cloud metadata and link-local addresses are always refused.
  Press Ctrl-C to stop.
`);
