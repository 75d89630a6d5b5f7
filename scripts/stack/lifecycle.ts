/**
 * Up, scale, ps and down of the local container stack (scripts/stack.ts is its CLI): compose.yaml
 * plus the local-only compose.local.yaml, translated to podman commands by ./compose.ts.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type ComposeProject,
  containerName,
  loadCompose,
  networkName,
  parseDotEnv,
  replicas,
  runArgs,
  startOrder,
} from './compose.ts';
import { containers, hasHealthcheck, healthStatus, podman, waitHealthy } from './podman.ts';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const stateDir = process.env.STACK_STATE ?? join(root, '.stack');
const stateFile = join(stateDir, 'state.json');
const envFile = join(stateDir, 'stack.env');

/** Settings of the local stack on top of .env.example (what a tester would put in .env). */
const LOCAL_ENV: Record<string, string> = {
  WORKER_REPLICAS: '2',
  // The smoke test's article is served from this host, a private address.
  ALLOW_PRIVATE_NETWORK: 'true',
  DAILY_JOB_LIMIT: '50',
  // A killed worker's job is taken up after this (default 2 min).
  LOCK_LIFETIME_MS: '20000',
  // Workers stop within seconds on `down` (they hand running jobs back).
  SHUTDOWN_GRACE_MS: '5000',
  WORKER_CONCURRENCY: '1',
};

interface State {
  port: number;
}

function log(line: string) {
  console.log(`[stack] ${line}`);
}

/** Runs the bash side (containers.conf, base image, builds); returns its exit code. */
export function bash(script: string, args: string[] = []): number {
  return spawnSync('bash', [join(root, 'scripts/stack', script), ...args], { stdio: 'inherit' }).status ?? 1;
}

/** CONTAINERS_CONF (runc, cgroupfs, ulimits) as podman.sh writes it. */
export function usePodmanSettings() {
  const { stdout } = spawnSync(
    'bash',
    ['-c', `source ${join(root, 'scripts/stack/podman.sh')}; echo $CONTAINERS_CONF`],
    {
      encoding: 'utf8',
    },
  );
  process.env.CONTAINERS_CONF = stdout.trim();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export function readState(): State {
  try {
    return JSON.parse(readFileSync(stateFile, 'utf8')) as State;
  } catch {
    throw new Error('the stack is not up: npm run stack -- up');
  }
}

export function project(state: State): ComposeProject {
  const vars = { ...parseDotEnv(readFileSync(envFile, 'utf8')), ...process.env, PORT: String(state.port) };
  return loadCompose([join(root, 'compose.yaml'), join(root, 'compose.local.yaml')], vars);
}

/** Starts replicas first..last of a service. */
async function startReplicas(p: ComposeProject, service: string, first: number, last: number) {
  for (let i = first; i <= last; i++) {
    const name = containerName(p, service, i);
    await podman(['run', ...runArgs(p, service, i)]);
    log(`started ${name}`);
  }
}

/** Waits for every container of a service that has a healthcheck (its own or its image's). */
async function waitServiceHealthy(p: ComposeProject, service: string) {
  for (const name of await containers(p.name, service)) {
    if (!(await hasHealthcheck(name))) continue;
    const ms = await waitHealthy(name);
    log(`${name} healthy (${(ms / 1000).toFixed(1)} s)`);
  }
}

export async function up() {
  const started = Date.now();
  const env = `${readFileSync(join(root, '.env.example'), 'utf8')}\n# npm run stack (local test)\n${Object.entries(
    LOCAL_ENV,
  )
    .map(([k, v]) => `${k}=${v}`)
    .join('\n')}\n`;
  writeFileSync(envFile, env);
  const state: State = { port: Number(process.env.STACK_PORT ?? (await freePort())) };
  writeFileSync(stateFile, JSON.stringify(state));
  const p = project(state);
  if ((await containers(p.name)).length)
    throw new Error(`project ${p.name} already runs: npm run stack -- down`);
  // Podman 4.3 has no --ignore on these: an existing network or volume is fine.
  if ((await podman(['network', 'exists', networkName(p)], { check: false })).code !== 0)
    await podman(['network', 'create', networkName(p)]);
  for (const v of p.volumes)
    if ((await podman(['volume', 'exists', `${p.name}_${v}`], { check: false })).code !== 0)
      await podman(['volume', 'create', `${p.name}_${v}`]);
  for (const service of startOrder(p)) {
    for (const [dep, { condition }] of Object.entries(p.services[service]!.depends_on ?? {}))
      if (condition === 'service_healthy') await waitServiceHealthy(p, dep);
    await startReplicas(p, service, 1, replicas(p.services[service]!));
  }
  for (const service of startOrder(p)) await waitServiceHealthy(p, service);
  log(`up in ${((Date.now() - started) / 1000).toFixed(1)} s — http://localhost:${state.port}`);
}

export async function scale(p: ComposeProject, service: string, count: number) {
  const names = await containers(p.name, service);
  const numbers = names.map((n) => Number(n.slice(n.lastIndexOf('-') + 1))).sort((a, b) => a - b);
  const highest = numbers.at(-1) ?? 0;
  if (count > names.length) {
    await startReplicas(p, service, highest + 1, highest + count - names.length);
  } else {
    // Like compose: the highest-numbered replicas go; a stopping worker hands its jobs back.
    for (const n of numbers.slice(count).reverse()) {
      const name = containerName(p, service, n);
      await podman(['rm', '--force', '--time', '30', name]);
      log(`removed ${name}`);
    }
  }
  await waitServiceHealthy(p, service);
}

export async function ps() {
  const p = project(readState());
  for (const name of await containers(p.name)) {
    const { stdout } = await podman(['inspect', '--format', '{{.State.Status}}', name]);
    const health = await healthStatus(name);
    console.log(`${name.padEnd(32)} ${stdout.trim()}${health ? ` (${health})` : ''}`);
  }
}

export async function down() {
  let state: State;
  try {
    state = readState();
  } catch {
    state = { port: 0 };
    writeFileSync(envFile, '');
  }
  const p = project(state);
  for (const name of await containers(p.name)) {
    await podman(['rm', '--force', '--time', '10', name]);
    log(`removed ${name}`);
  }
  await podman(['network', 'rm', '--force', networkName(p)], { check: false });
  for (const v of p.volumes) await podman(['volume', 'rm', '--force', `${p.name}_${v}`], { check: false });
  log('down');
}
