/**
 * `npm run stack -- kube [down]`: the k3s overlay as far as `podman kube play` runs it.
 *
 * Renders k8s/overlays/k3s with the repository's kustomize (tests/deploy/helpers/kustomize.ts),
 * keeps the server and worker Deployments, the ConfigMap and a Secret shaped like
 * secret.example.yaml, and plays them on a Podman network next to the embedded MongoDB-wire
 * server (the StatefulSet's mongo:7 cannot be pulled here), reachable as `mongo` (the ConfigMap's
 * URI) and under the Secret's own name. Then, from the manifests themselves, it checks:
 *   - every probe's path and named port answers 200 in its container (podman does not run
 *     Kubernetes probes: its own healthchecks need systemd, and httpGet becomes curl, which the
 *     images lack);
 *   - env (ConfigMap, Secret, fieldRef WORKER_ID = pod name), the command that runs, the
 *     read-only root filesystem with its emptyDir mounts writable, the non-root user;
 *   - a real article submitted to the server pod is rendered by the worker pod.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { buildKustomization, type K8sObject } from '../../tests/deploy/helpers/kustomize.ts';
import { podman, run } from './podman.ts';

const root = new URL('../..', import.meta.url).pathname;
const NETWORK = 'movie-generator-kube';
const DB = 'movie-generator-kube-mongo';
const DB_ALIAS = 'mongo-from-secret';
const TAG = '0.1.0';

function log(line: string) {
  console.log(`[kube] ${line}`);
}

function check(ok: boolean, what: string) {
  if (!ok) throw new Error(`kube check failed: ${what}`);
  log(`ok  ${what}`);
}

interface Probe {
  httpGet?: { path: string; port: string | number };
}
interface ContainerSpec {
  name: string;
  image: string;
  ports?: { name?: string; containerPort: number }[];
  startupProbe?: Probe;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  volumeMounts?: { name: string; mountPath: string }[];
  securityContext?: { readOnlyRootFilesystem?: boolean };
}
interface Deployment extends K8sObject {
  spec: {
    replicas: number;
    template: { spec: { containers: ContainerSpec[]; securityContext?: { runAsUser?: number } } };
  };
}

/** The objects `podman kube play` gets, and the Deployments they come from. */
export async function kubeObjects(hostPorts: {
  next(): number;
}): Promise<{ objects: K8sObject[]; deployments: Deployment[] }> {
  const rendered = await buildKustomization(join(root, 'k8s/overlays/k3s'));
  const pick = (kind: string, name: string) => {
    const found = rendered.find((o) => o.kind === kind && o.metadata.name === name);
    if (!found) throw new Error(`the k3s overlay has no ${kind} ${name}`);
    return structuredClone(found);
  };
  const configMap = pick('ConfigMap', 'movie-generator-config') as K8sObject & {
    data: Record<string, string>;
  };
  // The test article is served from this host (a private address): the one added setting.
  configMap.data.ALLOW_PRIVATE_NETWORK = 'true';
  const secret: K8sObject = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'movie-generator-secrets', namespace: configMap.metadata.namespace },
    type: 'Opaque',
    data: { MONGODB_URI: Buffer.from(`mongodb://${DB_ALIAS}:27017`).toString('base64') },
  };
  const deployments = [pick('Deployment', 'server'), pick('Deployment', 'worker')] as Deployment[];
  // Besides that setting, what is played differs from the manifests in two ways only: one pod
  // each (enough to prove them, and light), and a free hostPort on each containerPort, because podman 4.3 publishes
  // every containerPort on the host (and 3000 may be taken) where Kubernetes publishes none.
  const played = deployments.map((d) => {
    const copy = structuredClone(d);
    copy.spec.replicas = 1;
    for (const c of copy.spec.template.spec.containers)
      for (const port of c.ports ?? []) Object.assign(port, { hostPort: hostPorts.next() });
    return copy;
  });
  return { objects: [configMap, secret, ...played], deployments };
}

async function execIn(container: string, ...cmd: string[]) {
  return podman(['exec', container, ...cmd], { check: false });
}

async function httpIn(container: string, port: number, path: string): Promise<number> {
  const script = `fetch('http://127.0.0.1:${port}${path}').then(r=>console.log(r.status),()=>console.log(0))`;
  const { stdout } = await execIn(container, 'node', '-e', script);
  return Number(stdout.trim());
}

async function waitFor(what: string, test: () => Promise<boolean>, timeoutMs = 180_000) {
  const started = Date.now();
  while (!(await test())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2000));
  }
  log(`${what} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.listen(0, () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export async function kubeDown() {
  const file = join(root, '.stack/kube.yaml');
  if (existsSync(file)) await podman(['kube', 'down', file], { check: false });
  await podman(['rm', '--force', DB], { check: false });
  await podman(['secret', 'rm', 'movie-generator-secrets'], { check: false });
  await podman(['network', 'rm', '--force', NETWORK], { check: false });
  log('down');
}

export async function kube(args: string[]) {
  if (args[0] === 'down') return kubeDown();
  const t0 = Date.now();
  const free: number[] = [];
  for (let i = 0; i < 4; i++) free.push(await freePort());
  const { objects, deployments } = await kubeObjects({ next: () => free.shift()! });
  mkdirSync(join(root, '.stack'), { recursive: true });
  const file = join(root, '.stack/kube.yaml');
  writeFileSync(file, objects.map((o) => stringify(o)).join('---\n'));
  log(
    `rendered k8s/overlays/k3s → ${file}: ${objects.map((o) => `${o.kind}/${o.metadata.name}`).join(', ')}`,
  );

  if ((await podman(['network', 'exists', NETWORK], { check: false })).code !== 0)
    await podman(['network', 'create', NETWORK]);
  await podman([
    'run',
    '-d',
    '--name',
    DB,
    '--network',
    NETWORK,
    '--network-alias',
    DB_ALIAS,
    '--network-alias',
    'mongo',
    `movie-generator/embedded-mongo:${TAG}`,
  ]);
  const play = await podman(['kube', 'play', '--network', NETWORK, file]);
  log(`podman kube play:\n${play.stdout.trim()}`);

  const pods: Record<string, string> = {};
  for (const d of deployments) {
    // kube play names a Deployment's pods <name>-pod[-N] and their containers <pod>-<container>.
    const { stdout: podNames } = await podman(['pod', 'ps', '--format', '{{.Name}}']);
    const pod = podNames.split('\n').find((n) => n.startsWith(`${d.metadata.name}-pod`));
    const { stdout } = pod
      ? await podman(['ps', '-a', '--filter', `pod=${pod}`, '--format', '{{.Names}}'])
      : { stdout: '' };
    const name = stdout.split('\n').find((n) => n && !n.endsWith('-infra'));
    check(!!name, `Deployment ${d.metadata.name} runs as container ${name}`);
    pods[d.metadata.name] = name!;
  }

  // Probes, from the manifests: every path on its named port answers 200.
  for (const d of deployments) {
    const c = d.spec.template.spec.containers[0]!;
    const ctr = pods[d.metadata.name]!;
    const portOf = (p: string | number) =>
      typeof p === 'number' ? p : c.ports!.find((x) => x.name === p)!.containerPort;
    const probes = (['startupProbe', 'livenessProbe', 'readinessProbe'] as const).filter(
      (k) => c[k]?.httpGet,
    );
    await waitFor(
      `${d.metadata.name}: ${probes[0]} ${c[probes[0]!]!.httpGet!.path} answers`,
      async () =>
        (await httpIn(ctr, portOf(c[probes[0]!]!.httpGet!.port), c[probes[0]!]!.httpGet!.path)) === 200,
    );
    for (const k of probes) {
      const { path, port } = c[k]!.httpGet!;
      const status = await httpIn(ctr, portOf(port), path);
      check(
        status === 200,
        `${d.metadata.name} ${k}: GET ${path} on port ${port} (${portOf(port)}) → ${status}`,
      );
    }
    // Read-only root filesystem, emptyDir mounts writable, the manifest's user.
    const user = await execIn(ctr, 'id', '-u');
    check(
      user.stdout.trim() === String(d.spec.template.spec.securityContext?.runAsUser),
      `${d.metadata.name} runs as uid ${user.stdout.trim()}`,
    );
    if (c.securityContext?.readOnlyRootFilesystem) {
      const root = await execIn(ctr, 'touch', '/app/.write-test');
      check(root.code !== 0, `${d.metadata.name}: root filesystem is read-only`);
    }
    for (const m of c.volumeMounts ?? []) {
      const w = await execIn(ctr, 'touch', `${m.mountPath}/.write-test`);
      check(w.code === 0, `${d.metadata.name}: volume ${m.name} writable at ${m.mountPath}`);
    }
    const cmd = await execIn(ctr, 'cat', '/proc/1/cmdline');
    const pid1 = cmd.stdout.split('\0').filter(Boolean).join(' ');
    const env = await execIn(ctr, 'printenv');
    const vars = Object.fromEntries(
      env.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    // Kubernetes: the Secret (listed after the ConfigMap in envFrom) wins. podman 4.3 ignores an
    // optional secretRef (and refuses a required one: "secret … is not valid JSON"), so here the
    // ConfigMap's value arrives; both names reach the database, and the log says which was used.
    const fromSecret = vars.MONGODB_URI === `mongodb://${DB_ALIAS}:27017`;
    check(
      fromSecret || vars.MONGODB_URI === 'mongodb://mongo:27017',
      `${d.metadata.name}: MONGODB_URI=${vars.MONGODB_URI} (${fromSecret ? 'from the Secret' : 'from the ConfigMap: podman 4.3 ignored the optional Secret'})`,
    );
    check(
      vars.MAX_PENDING_JOBS === '10' && vars.STORAGE === 'gridfs',
      `${d.metadata.name}: ConfigMap values present`,
    );
    log(`${d.metadata.name} pid 1: ${pid1}`);
  }
  const workerEnv = await execIn(pods.worker!, 'printenv', 'WORKER_ID');
  check(
    workerEnv.stdout.trim().length > 0,
    `worker: WORKER_ID from fieldRef metadata.name = ${workerEnv.stdout.trim()}`,
  );
  const serverEnv = await execIn(pods.server!, 'printenv', 'TRUST_PROXY');
  check(
    serverEnv.stdout.trim() === '10.42.0.0/16',
    'server: the k3s overlay patch (TRUST_PROXY) reached the pod',
  );

  // One real job: submitted to the server pod, rendered by the worker pod.
  const { stdout: ip } = await podman([
    'inspect',
    '--format',
    `{{(index .NetworkSettings.Networks "${NETWORK}").IPAddress}}`,
    pods.server!,
  ]);
  const { stdout: gw } = await podman([
    'network',
    'inspect',
    NETWORK,
    '--format',
    '{{range .Subnets}}{{.Gateway}}{{end}}',
  ]);
  const article = existsSync('/work/shared/real-pages/wikipedia-2/source.html')
    ? '/work/shared/real-pages/wikipedia-2/source.html'
    : join(root, 'packages/pipeline/fixtures/articles/ja-utf8.html');
  const body = readFileSync(article);
  const host = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(body));
  await new Promise<void>((r) => host.listen(0, '0.0.0.0', r));
  const url = `http://${gw.trim()}:${(host.address() as AddressInfo).port}/article`;
  const out = join(root, '.stack/kube.mp4');
  try {
    const t = Date.now();
    const submit = await run(
      'npm',
      ['run', '--silent', 'submit', '--', url, '-o', out, '--server', `http://${ip.trim()}:3000`],
      { check: false, env: { ...process.env, LANG: 'C' } },
    );
    if (submit.code !== 0) log(submit.stderr.trim().split('\n').slice(-3).join('\n'));
    check(
      submit.code === 0,
      `job through the server pod and the worker pod (${((Date.now() - t) / 1000).toFixed(1)} s)`,
    );
    const probe = await run('ffprobe', [
      '-v',
      'error',
      '-show_entries',
      'format=duration',
      '-of',
      'csv=p=0',
      out,
    ]);
    check(Number(probe.stdout) > 5, `kube.mp4 plays: ${Number(probe.stdout).toFixed(1)} s`);
  } finally {
    host.close();
  }
  log(`passed in ${((Date.now() - t0) / 1000).toFixed(1)} s (npm run stack -- kube down removes it)`);
}
