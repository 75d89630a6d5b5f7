import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { JobStatusSchema } from '@movie-generator/api-contract';
import { jobCollections } from '@movie-generator/jobs';
import type { PodSpec } from 'kubernetes-types/core/v1.js';
import type { NetworkPolicy } from 'kubernetes-types/networking/v1.js';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1.js';
import type { Db } from 'mongodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_ENV_KEYS, loadOpsEnv, loadServerEnv, loadWorkerConfig } from './helpers/app-env.ts';
import {
  byKind,
  type ConfigMap,
  composeContainerEnv,
  container,
  type Deployment,
  type DeploymentFiles,
  k8sContainerEnv,
  loadDeploymentFiles,
  podSpec,
  runtimeStage,
  type Service,
  type StatefulSet,
  workloads,
} from './helpers/deployment.ts';
import { type Dockerfile, dockerEnv, execForm, readRepoFile, repoPath } from './helpers/files.ts';
import { imageName } from './helpers/kustomize.ts';

let files: DeploymentFiles;
beforeAll(async () => {
  files = await loadDeploymentFiles();
});

const labelsMatch = (
  selector: Record<string, string> | undefined,
  labels: Record<string, string> | undefined,
) =>
  selector !== undefined &&
  Object.keys(selector).length > 0 &&
  Object.entries(selector).every(([k, v]) => labels?.[k] === v);

/** Every npm workspace directory (root package.json's globs, one level deep). */
async function workspaceDirs(): Promise<string[]> {
  const root = JSON.parse(await readRepoFile('package.json')) as { workspaces: string[] };
  const dirs: string[] = [];
  for (const pattern of root.workspaces) {
    if (!pattern.endsWith('/*')) {
      dirs.push(pattern);
      continue;
    }
    const parent = pattern.slice(0, -2);
    for (const entry of await readdir(repoPath(parent), { withFileTypes: true })) {
      if (entry.isDirectory() && existsSync(repoPath(parent, entry.name, 'package.json')))
        dirs.push(`${parent}/${entry.name}`);
    }
  }
  return dirs.sort();
}

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** Every workspace's directory by its package name. */
async function workspacesByName(): Promise<Map<string, string>> {
  const byName = new Map<string, string>();
  for (const dir of await workspaceDirs()) {
    const manifest = JSON.parse(await readRepoFile(`${dir}/package.json`)) as Manifest;
    byName.set(manifest.name, dir);
  }
  return byName;
}

/**
 * The directories of the named workspaces and of every workspace they depend on, transitively
 * (`dependencies`, plus the named ones' `devDependencies` when `withDev`: what `npm install -w`
 * installs).
 */
async function workspaceClosure(names: string[], withDev: boolean): Promise<string[]> {
  const byName = await workspacesByName();
  const seen = new Set<string>();
  const visit = async (name: string, dev: boolean) => {
    const dir = byName.get(name);
    if (!dir || seen.has(dir)) return;
    seen.add(dir);
    const manifest = JSON.parse(await readRepoFile(`${dir}/package.json`)) as Manifest;
    const deps = { ...manifest.dependencies, ...(dev ? manifest.devDependencies : {}) };
    for (const dep of Object.keys(deps)) await visit(dep, false);
  };
  for (const name of names) await visit(name, withDev);
  return [...seen].sort();
}

/** The path a health-check command fetches; `'+(process.env.PORT||3000)+'` counts as its default. */
function httpGetPath(command: string[]): string {
  const text = command.join(' ').replace(/'\+\(process\.env\.\w+\|\|(\d+)\)\+'/g, '$1');
  const url = /https?:\/\/[^'"\s)]+/.exec(text)?.[0];
  if (!url) throw new Error(`no URL in ${command.join(' ')}`);
  return new URL(url).pathname;
}

describe('every environment variable the apps read is set or documented', () => {
  it('in .env.example (set, or commented out with its default)', () => {
    const documented = new Set([...Object.keys(files.dotenv.values), ...files.dotenv.commented]);
    expect(ALL_ENV_KEYS.filter((k) => !documented.has(k))).toEqual([]);
  });

  it('.env.example names nothing the apps or compose do not read', async () => {
    const compose = await readRepoFile('compose.yaml');
    const composeVars = new Set([...compose.matchAll(/\$\{(\w+)/g)].map((m) => m[1]!));
    const known = new Set([...ALL_ENV_KEYS, ...composeVars, 'COMPOSE_PROJECT_NAME']);
    const named = [...Object.keys(files.dotenv.values), ...files.dotenv.commented];
    expect(named.filter((k) => !known.has(k))).toEqual([]);
  });

  it('in Kubernetes: ConfigMap, Secret, container env, the images, or the ConfigMap’s comments', () => {
    const configMap = byKind<ConfigMap>(files.base, 'ConfigMap', 'movie-generator-config');
    const covered = new Set<string>([
      ...Object.keys(configMap.data ?? {}),
      ...Object.keys(files.secretExample.stringData ?? {}),
      ...[...files.configMapText.matchAll(/^\s*#\s+([A-Z][A-Z0-9_]+)\s/gm)].map((m) => m[1]!),
      ...Object.keys(dockerEnv(files.dockerfiles.server, runtimeStage(files.dockerfiles.server))),
      ...Object.keys(dockerEnv(files.dockerfiles.worker, runtimeStage(files.dockerfiles.worker))),
    ]);
    for (const w of workloads(files.base)) for (const e of container(w).env ?? []) covered.add(e.name);
    // "Set by the images or on the containers: PORT, HOST, ..." in the ConfigMap's comments.
    for (const m of files.configMapText.matchAll(/\b([A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+|PORT|HOST)\b/g))
      covered.add(m[1]!);
    expect(ALL_ENV_KEYS.filter((k) => !covered.has(k))).toEqual([]);
    // And the ConfigMap sets nothing the apps ignore (a typo would be silently unused).
    expect(Object.keys(configMap.data ?? {}).filter((k) => !ALL_ENV_KEYS.includes(k))).toEqual([]);
  });

  it('compose with .env.example: the server, the worker and the ops CLI accept their environment', () => {
    const server = loadServerEnv(composeContainerEnv(files, 'server', files.dockerfiles.server));
    expect(server).toMatchObject({
      PORT: 3000,
      MONGODB_URI: 'mongodb://mongo:27017',
      WEB_DIST_DIR: '/app/web',
    });
    const worker = loadWorkerConfig(composeContainerEnv(files, 'worker', files.dockerfiles.worker));
    expect(worker).toMatchObject({ metricsPort: 9464, workDir: '/app/work', concurrency: 2 });
    expect(worker.pipeline.render).toMatchObject({
      bundleDir: '/app/remotion-bundle',
      chromiumPath: '/usr/bin/chromium',
    });
    expect(loadOpsEnv(composeContainerEnv(files, 'server', files.dockerfiles.server)).MONGODB_URI).toBe(
      'mongodb://mongo:27017',
    );
  });

  it('Kubernetes (k3s overlay): the server and the worker accept their environment', () => {
    for (const objects of [files.base, files.k3s]) {
      const server = loadServerEnv(
        k8sContainerEnv(
          files,
          objects,
          byKind<Deployment>(objects, 'Deployment', 'server'),
          files.dockerfiles.server,
        ),
      );
      expect(server).toMatchObject({ PORT: 3000, HOST: '0.0.0.0', MONGODB_URI: 'mongodb://mongo:27017' });
      const worker = loadWorkerConfig(
        k8sContainerEnv(
          files,
          objects,
          byKind<Deployment>(objects, 'Deployment', 'worker'),
          files.dockerfiles.worker,
        ),
      );
      expect(worker).toMatchObject({
        metricsPort: 9464,
        workDir: '/app/work',
        workerId: 'from-the-downward-api',
      });
    }
    const k3sServer = loadServerEnv(
      k8sContainerEnv(
        files,
        files.k3s,
        byKind<Deployment>(files.k3s, 'Deployment', 'server'),
        files.dockerfiles.server,
      ),
    );
    expect(k3sServer.TRUST_PROXY).toEqual(['10.42.0.0/16']);
  });

  it('the limits agree between compose (.env.example) and Kubernetes', () => {
    const data = byKind<ConfigMap>(files.base, 'ConfigMap', 'movie-generator-config').data ?? {};
    for (const key of Object.keys(data).filter((k) => k in files.dotenv.values && k !== 'MONGODB_URI')) {
      expect(data[key], key).toBe(files.dotenv.values[key]);
    }
  });
});

describe('images, ports, probes and selectors agree', () => {
  it('compose and Kubernetes run the same images and tags', () => {
    for (const app of ['server', 'worker']) {
      const composeImage = files.compose.services[app]!.image!;
      for (const objects of [files.base, files.k3s]) {
        const k8sImage = container(byKind<Deployment>(objects, 'Deployment', app)).image!;
        expect(k8sImage, app).toBe(composeImage);
      }
      expect(imageName(composeImage)).toBe(`movie-generator/${app}`);
    }
    expect(container(byKind<StatefulSet>(files.base, 'StatefulSet', 'mongo')).image).toBe(
      files.compose.services.mongo!.image,
    );
  });

  it('the server listens where the image, compose and Kubernetes expect it', () => {
    const image = files.dockerfiles.server;
    const expose = image.instructions.filter((i) => i.op === 'EXPOSE' && i.stage === runtimeStage(image));
    expect(expose.map((i) => i.args)).toEqual(['3000']);
    expect(dockerEnv(image, runtimeStage(image)).PORT).toBe('3000');
    expect(files.compose.services.server!.ports).toEqual(['3000:3000']);
    const deployment = byKind<Deployment>(files.base, 'Deployment', 'server');
    const c = container(deployment);
    expect(c.ports).toEqual([
      { name: 'http', containerPort: 3000 },
      { name: 'metrics', containerPort: 9465 },
    ]);
    expect(c.env?.find((e) => e.name === 'PORT')?.value).toBe('3000');
  });

  it('the server’s /metrics port is scraped in Kubernetes and published nowhere', () => {
    const deployment = byKind<Deployment>(files.base, 'Deployment', 'server');
    expect(container(deployment).env?.find((e) => e.name === 'METRICS_PORT')?.value).toBe('9465');
    expect(files.compose.services.server!.environment?.METRICS_PORT).toBe('9465');
    expect(JSON.stringify(files.compose.services.server!.ports)).not.toContain('9465');
    expect(deployment.spec?.template.metadata?.annotations).toMatchObject({
      'prometheus.io/scrape': 'true',
      'prometheus.io/port': '9465',
      'prometheus.io/path': '/metrics',
    });
    const scrape = byKind<Service>(files.base, 'Service', 'server-metrics');
    expect(scrape.spec?.ports).toEqual([{ name: 'metrics', port: 9465, targetPort: 'metrics' }]);
    // The public Service (and so the Ingress behind it) has the web port only.
    const publicService = byKind<Service>(files.base, 'Service', 'server');
    expect(publicService.spec?.ports?.map((p) => p.targetPort)).toEqual(['http']);
    expect(loadServerEnv(composeContainerEnv(files, 'server', files.dockerfiles.server)).METRICS_PORT).toBe(
      9465,
    );
  });

  it('the worker’s metrics port agrees between the image, compose and Kubernetes', () => {
    const image = files.dockerfiles.worker;
    const expose = image.instructions.filter((i) => i.op === 'EXPOSE' && i.stage === runtimeStage(image));
    expect(expose.map((i) => i.args)).toEqual(['9464']);
    expect(dockerEnv(image, runtimeStage(image)).WORKER_METRICS_PORT).toBe('9464');
    expect(files.compose.services.worker!.environment?.WORKER_METRICS_PORT).toBe('9464');
    const c = container(byKind<Deployment>(files.base, 'Deployment', 'worker'));
    expect(c.ports).toEqual([{ name: 'metrics', containerPort: 9464 }]);
    expect(c.env?.find((e) => e.name === 'WORKER_METRICS_PORT')?.value).toBe('9464');
  });

  it('probes and health checks use /readyz (readiness) and /healthz (liveness) on the right ports', () => {
    const server = container(byKind<Deployment>(files.base, 'Deployment', 'server'));
    expect(server.readinessProbe?.httpGet).toEqual({ path: '/readyz', port: 'http' });
    expect(server.livenessProbe?.httpGet).toEqual({ path: '/healthz', port: 'http' });
    const worker = container(byKind<Deployment>(files.base, 'Deployment', 'worker'));
    for (const probe of [worker.startupProbe, worker.livenessProbe, worker.readinessProbe]) {
      expect(probe?.httpGet).toEqual({ path: '/healthz', port: 'metrics' });
    }
    const healthcheck = (file: Dockerfile) => {
      const hc = file.instructions.find((i) => i.op === 'HEALTHCHECK' && i.stage === runtimeStage(file));
      return execForm(hc!.args.slice(hc!.args.indexOf('CMD')));
    };
    expect(httpGetPath(healthcheck(files.dockerfiles.server))).toBe('/readyz');
    expect(healthcheck(files.dockerfiles.server).join(' ')).toMatch(/process\.env\.PORT\|\|3000/);
    expect(httpGetPath(healthcheck(files.dockerfiles.worker))).toBe('/healthz');
    expect(healthcheck(files.dockerfiles.worker).join(' ')).toMatch(
      /process\.env\.WORKER_METRICS_PORT\|\|9464/,
    );
    expect(httpGetPath(files.compose.services.server!.healthcheck!.test)).toBe('/readyz');
  });

  it('Services, the Ingress, PDBs and the NetworkPolicy select the pods they mean', () => {
    const pods = workloads(files.base).map((w) => ({
      name: w.metadata!.name!,
      labels: w.spec!.template.metadata?.labels,
      ports: container(w).ports ?? [],
    }));
    for (const w of workloads(files.base)) {
      expect(
        labelsMatch(w.spec!.selector.matchLabels, w.spec!.template.metadata?.labels),
        w.metadata!.name,
      ).toBe(true);
    }
    const services = files.base.filter((o) => o.kind === 'Service') as unknown as Service[];
    for (const svc of services) {
      const targets = pods.filter((p) => labelsMatch(svc.spec!.selector, p.labels));
      expect(targets.length, svc.metadata!.name).toBe(1);
      for (const port of svc.spec!.ports ?? []) {
        const names = targets[0]!.ports.map((p) => p.name);
        expect(names, `${svc.metadata!.name} → ${port.targetPort}`).toContain(port.targetPort);
      }
    }
    const ingress = byKind<{
      spec: {
        rules: { http: { paths: { backend: { service: { name: string; port: { name: string } } } }[] } }[];
      };
    }>(files.base, 'Ingress', 'server');
    for (const path of ingress.spec.rules.flatMap((r) => r.http.paths)) {
      const svc = services.find((s) => s.metadata!.name === path.backend.service.name);
      expect(svc?.spec?.ports?.map((p) => p.name)).toContain(path.backend.service.port.name);
    }
    for (const pdb of files.base.filter(
      (o) => o.kind === 'PodDisruptionBudget',
    ) as unknown as PodDisruptionBudget[]) {
      expect(
        pods.filter((p) => labelsMatch(pdb.spec!.selector!.matchLabels, p.labels)).map((p) => p.name),
      ).toEqual([pdb.metadata!.name]);
    }
    const mongoStatefulSet = byKind<StatefulSet>(files.base, 'StatefulSet', 'mongo');
    const headless = services.find((s) => s.metadata!.name === mongoStatefulSet.spec!.serviceName);
    expect(headless?.spec?.clusterIP).toBe('None');
    const policy = byKind<NetworkPolicy>(files.base, 'NetworkPolicy', 'mongo');
    expect(
      labelsMatch(policy.spec!.podSelector.matchLabels, mongoStatefulSet.spec!.template.metadata?.labels),
    ).toBe(true);
    const allowed = policy.spec!.ingress![0]!.from![0]!.podSelector!.matchExpressions![0]!;
    expect(allowed).toMatchObject({ key: 'app', operator: 'In' });
    expect([...allowed.values!].sort()).toEqual(['backup', 'server', 'worker']);
    // The backup CronJob's pods carry the label the policy lets through, and read the same settings.
    const backup = byKind<{
      spec: {
        jobTemplate: { spec: { template: { metadata: { labels: Record<string, string> }; spec: PodSpec } } };
      };
    }>(files.base, 'CronJob', 'backup');
    const backupPod = backup.spec.jobTemplate.spec.template;
    expect(backupPod.metadata.labels.app).toBe('backup');
    const backupContainer = backupPod.spec.containers[0]!;
    expect(backupContainer.image).toBe(
      container(byKind<Deployment>(files.base, 'Deployment', 'server')).image,
    );
    expect(backupContainer.command!.join(' ')).toContain('mg-ops backup --out /backups/');
    expect(backupContainer.envFrom).toEqual(
      container(byKind<Deployment>(files.base, 'Deployment', 'server')).envFrom,
    );
    expect(backupPod.spec.volumes).toEqual([
      { name: 'backups', persistentVolumeClaim: { claimName: 'backups' } },
    ]);
    expect(byKind(files.base, 'PersistentVolumeClaim', 'backups')).toBeDefined();
  });

  it('envFrom names the ConfigMap of the base and the example Secret (optional)', () => {
    for (const name of ['server', 'worker']) {
      const c = container(byKind<Deployment>(files.base, 'Deployment', name));
      expect(c.envFrom).toEqual([
        { configMapRef: { name: 'movie-generator-config' } },
        { secretRef: { name: files.secretExample.metadata!.name, optional: true } },
      ]);
    }
  });

  it('a stopping worker gets longer than SHUTDOWN_GRACE_MS to drain', () => {
    const data = byKind<ConfigMap>(files.base, 'ConfigMap', 'movie-generator-config').data ?? {};
    const drainMs = Number(data.SHUTDOWN_GRACE_MS);
    const worker = byKind<Deployment>(files.base, 'Deployment', 'worker');
    expect(podSpec(worker).terminationGracePeriodSeconds! * 1000).toBeGreaterThanOrEqual(drainMs + 30_000);
    expect(podSpec(worker).terminationGracePeriodSeconds).toBeGreaterThanOrEqual(630);
  });

  it('every pod runs as non-root on a read-only root, with limits and writable emptyDirs where it writes', () => {
    for (const w of workloads(files.base)) {
      const spec = podSpec(w);
      const name = w.metadata!.name!;
      expect(spec.securityContext?.runAsNonRoot, name).toBe(true);
      expect(spec.securityContext?.runAsUser, name).toBeGreaterThan(0);
      expect(spec.automountServiceAccountToken, name).toBe(false);
      for (const c of spec.containers) {
        expect(c.securityContext, name).toMatchObject({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        });
        expect(c.resources?.requests?.cpu && c.resources?.requests?.memory, name).toBeTruthy();
        expect(c.resources?.limits?.memory, name).toBeTruthy();
        expect(
          c.volumeMounts?.map((m) => m.mountPath),
          name,
        ).toContain('/tmp');
      }
    }
    const worker = byKind<Deployment>(files.base, 'Deployment', 'worker');
    expect(container(worker).resources?.limits).toEqual({ cpu: '2', memory: '2Gi' });
    const workDir = dockerEnv(files.dockerfiles.worker, runtimeStage(files.dockerfiles.worker)).WORK_DIR;
    const mount = container(worker).volumeMounts?.find((m) => m.mountPath === workDir);
    expect(podSpec(worker).volumes?.find((v) => v.name === mount?.name)?.emptyDir).toBeDefined();
  });

  it('the KEDA trigger counts the jobs collection of the configured database by real statuses', () => {
    const scaled = byKind<{
      spec: { scaleTargetRef: { name: string }; triggers: { metadata: Record<string, string> }[] };
    }>(files.keda, 'ScaledObject', 'worker');
    expect(byKind<Deployment>(files.base, 'Deployment', scaled.spec.scaleTargetRef.name)).toBeDefined();
    const meta = scaled.spec.triggers[0]!.metadata;
    const data = byKind<ConfigMap>(files.base, 'ConfigMap', 'movie-generator-config').data ?? {};
    expect(meta.dbName).toBe(data.MONGODB_DB);
    expect(meta.connectionStringFromEnv && meta.connectionStringFromEnv in data).toBe(true);
    const fakeDb = { collection: (name: string) => ({ collectionName: name }) } as unknown as Db;
    expect(meta.collection).toBe(jobCollections(fakeDb).jobs.collectionName);
    const query = JSON.parse(meta.query!) as { status: { $in: string[] } };
    for (const status of query.status.$in) expect(JobStatusSchema.options).toContain(status);
    // One worker per WORKER_CONCURRENCY busy or waiting jobs.
    expect(meta.queryValue).toBe(data.WORKER_CONCURRENCY);
  });
});

describe('Dockerfiles', () => {
  it('install with every workspace manifest present (npm workspaces need them all)', async () => {
    const manifests = (await workspaceDirs()).map((dir) => `${dir}/package.json`);
    for (const [name, file] of Object.entries(files.dockerfiles)) {
      for (let stage = 0; stage < file.stages.length; stage++) {
        const copies = file.instructions
          .filter((i) => i.op === 'COPY' && i.stage === stage)
          .map((i) => i.args);
        if (!copies.some((c) => c.startsWith('package.json package-lock.json'))) continue;
        for (const manifest of manifests) {
          expect(copies, `${name} stage ${file.stages[stage]}: ${manifest}`).toContain(
            `${manifest} ${manifest.replace(/package\.json$/, '')}`,
          );
        }
      }
    }
  });

  it('start from a pinned Node 20 Debian image and run as the non-root node user', () => {
    for (const [name, file] of Object.entries(files.dockerfiles)) {
      expect(file.globalArgs.NODE_IMAGE, name).toBe('node:20-bookworm-slim');
      for (const from of file.instructions.filter((i) => i.op === 'FROM'))
        expect(from.args, name).toMatch(/^\$\{NODE_IMAGE\} AS /);
      const users = file.instructions.filter((i) => i.op === 'USER' && i.stage === runtimeStage(file));
      expect(
        users.map((u) => u.args),
        name,
      ).toEqual(['node']);
      expect(execForm(file.instructions.find((i) => i.op === 'ENTRYPOINT')!.args)).toEqual([
        '/usr/bin/tini',
        '--',
      ]);
    }
  });

  it('the server image serves the web app from where WEB_DIST_DIR points, and runs the bundle', async () => {
    const file = files.dockerfiles.server;
    const env = dockerEnv(file, runtimeStage(file));
    const copies = file.instructions
      .filter((i) => i.op === 'COPY' && i.stage === runtimeStage(file))
      .map((i) => i.args);
    expect(copies).toContain(`--from=build /src/apps/web/dist/ ${env.WEB_DIST_DIR}/`);
    const { OUTPUTS } = (await import(repoPath('docker/bundle.mjs'))) as { OUTPUTS: Record<string, string> };
    expect(
      execForm(file.instructions.find((i) => i.op === 'CMD' && i.stage === runtimeStage(file))!.args),
    ).toEqual(['node', `/app/${OUTPUTS.server}.mjs`]);
  });

  it('the server image installs and bundles no workspace that needs the pipeline or Remotion', async () => {
    const file = files.dockerfiles.server;
    const install = file.instructions.find((i) => i.op === 'RUN' && i.args.includes('npm install'))!.args;
    const named = [...install.matchAll(/-w (@movie-generator\/[\w-]+)/g)].map((m) => m[1]!);
    expect(named.sort()).toEqual(['@movie-generator/ops', '@movie-generator/server', '@movie-generator/web']);
    const installed = await workspaceClosure(named, true);
    expect(installed).toContain('packages/url-policy');
    expect(installed).not.toContain('packages/pipeline');
    expect(installed).not.toContain('remotion');
  });

  it('the worker image copies the source of every workspace the worker runs', async () => {
    const file = files.dockerfiles.worker;
    const copies = file.instructions
      .filter((i) => i.op === 'COPY' && i.stage === runtimeStage(file))
      .map((i) => i.args);
    const needed = await workspaceClosure(['@movie-generator/worker'], false);
    expect(needed).toContain('packages/url-policy');
    for (const dir of needed) expect(copies, dir).toContain(`${dir}/ ${dir}/`);
  });

  it('the worker image has the Debian packages, the prebuilt bundle where REMOTION_BUNDLE_DIR points, and runs main.ts', () => {
    const file = files.dockerfiles.worker;
    const stage = runtimeStage(file);
    const runs = file.instructions.filter((i) => i.op === 'RUN' && i.stage === stage).map((i) => i.args);
    const apt = runs.find((r) => r.includes('apt-get install'))!;
    for (const pkg of [
      'chromium',
      'fonts-noto-cjk',
      'open-jtalk',
      'open-jtalk-mecab-naist-jdic',
      'hts-voice-nitech-jp-atr503-m001',
      'espeak-ng',
      'ffmpeg',
      'tini',
    ]) {
      expect(apt.split(/\s+/)).toContain(pkg);
    }
    expect(apt).toMatch(/Components: main contrib/);
    const env = dockerEnv(file, stage);
    expect(env.CHROMIUM_PATH).toBe('/usr/bin/chromium');
    const copies = file.instructions.filter((i) => i.op === 'COPY' && i.stage === stage).map((i) => i.args);
    expect(copies).toContain(`--from=build /out/remotion-bundle/ ${env.REMOTION_BUNDLE_DIR}/`);
    const build = file.instructions.filter((i) => i.op === 'RUN' && i.stage === 0).map((i) => i.args);
    expect(build.join('\n')).toContain('npx tsx docker/prebundle.ts /out/remotion-bundle');
    const cmd = execForm(file.instructions.find((i) => i.op === 'CMD' && i.stage === stage)!.args);
    expect(cmd).toEqual(['node', '--import', 'tsx', 'apps/worker/src/main.ts']);
    expect(existsSync(repoPath(cmd[3]!))).toBe(true);
    expect(runs.join('\n')).toContain(`mkdir -p ${env.WORK_DIR}`);
  });

  it('.dockerignore keeps dependencies, outputs, secrets and git out of the build context', async () => {
    const lines = (await readRepoFile('.dockerignore')).split('\n').map((l) => l.trim());
    for (const pattern of [
      '**/node_modules',
      '**/dist',
      '**/out',
      '.git',
      '.env',
      'test-artifacts',
      'bench-results',
    ]) {
      expect(lines).toContain(pattern);
    }
    // The tests workspace's manifest must stay in (npm needs every workspace).
    expect(lines).toContain('!tests/package.json');
    expect(existsSync(join(repoPath('tests'), 'package.json'))).toBe(true);
  });
});
