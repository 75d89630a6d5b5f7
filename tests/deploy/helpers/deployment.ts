import type { Deployment, StatefulSet } from 'kubernetes-types/apps/v1.js';
import type { ConfigMap, Container, PodSpec, Secret, Service } from 'kubernetes-types/core/v1.js';
import {
  castComposeTypes,
  type Dockerfile,
  type DotEnv,
  dockerEnv,
  interpolate,
  parseDockerfile,
  parseDotEnv,
  readRepoFile,
  readRepoYaml,
  repoPath,
} from './files.ts';
import { buildKustomization, type K8sObject, loadYamlDocuments } from './kustomize.ts';

/** Every deployment file of the repository, parsed once. */
export interface DeploymentFiles {
  dotenv: DotEnv;
  /** compose.yaml with .env.example's values interpolated (as after `cp .env.example .env`). */
  compose: ComposeFile;
  base: K8sObject[];
  k3s: K8sObject[];
  keda: K8sObject[];
  secretExample: Secret;
  configMapText: string;
  dockerfiles: { server: Dockerfile; worker: Dockerfile };
}

/** The parts of a compose service the tests read (the schema test checks the rest). */
export interface ComposeService {
  image?: string;
  ports?: string[];
  environment?: Record<string, string>;
  env_file?: string;
  healthcheck?: { test: string[] };
  stop_grace_period?: string;
  container_name?: string;
  depends_on?: Record<string, { condition: string }>;
  restart?: string;
  logging?: unknown;
  profiles?: string[];
  volumes?: string[];
  scale?: number;
  [key: string]: unknown;
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

export async function loadDeploymentFiles(): Promise<DeploymentFiles> {
  const dotenv = parseDotEnv(await readRepoFile('.env.example'));
  const [secretExample] = (await loadYamlDocuments(repoPath('k8s/base/secret.example.yaml'))) as unknown as [
    Secret,
  ];
  return {
    dotenv,
    compose: castComposeTypes(interpolate(await readRepoYaml<ComposeFile>('compose.yaml'), dotenv.values)),
    base: await buildKustomization(repoPath('k8s/base')),
    k3s: await buildKustomization(repoPath('k8s/overlays/k3s')),
    keda: await buildKustomization(repoPath('k8s/optional/keda')),
    secretExample,
    configMapText: await readRepoFile('k8s/base/configmap.yaml'),
    dockerfiles: {
      server: parseDockerfile(await readRepoFile('docker/server.Dockerfile')),
      worker: parseDockerfile(await readRepoFile('docker/worker.Dockerfile')),
    },
  };
}

export function byKind<T>(objects: K8sObject[], kind: string, name: string): T {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`${kind}/${name} not found`);
  return found as unknown as T;
}

export function workloads(objects: K8sObject[]): (Deployment | StatefulSet)[] {
  return objects.filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet') as unknown as (
    | Deployment
    | StatefulSet
  )[];
}

export function podSpec(workload: Deployment | StatefulSet): PodSpec {
  const spec = workload.spec?.template.spec;
  if (!spec) throw new Error(`${workload.metadata?.name} has no pod spec`);
  return spec;
}

export function container(workload: Deployment | StatefulSet, name?: string): Container {
  const containers = podSpec(workload).containers;
  const found = name ? containers.find((c) => c.name === name) : containers[0];
  if (!found) throw new Error(`${workload.metadata?.name} has no container ${name ?? ''}`);
  return found;
}

/** The last stage of a Dockerfile: the image that runs. */
export function runtimeStage(file: Dockerfile): number {
  return file.stages.length - 1;
}

/**
 * The environment a container starts with in Kubernetes: the image's ENV, then envFrom
 * (ConfigMap, then the Secret), then `env` — the same order of precedence as the kubelet.
 * Values from the downward API become a placeholder.
 */
export function k8sContainerEnv(
  files: DeploymentFiles,
  objects: K8sObject[],
  workload: Deployment,
  image: Dockerfile,
): Record<string, string> {
  const c = container(workload);
  const env: Record<string, string> = { ...dockerEnv(image, runtimeStage(image)) };
  for (const source of c.envFrom ?? []) {
    if (source.configMapRef)
      Object.assign(env, byKind<ConfigMap>(objects, 'ConfigMap', source.configMapRef.name!).data);
    if (source.secretRef?.name === files.secretExample.metadata?.name)
      Object.assign(env, files.secretExample.stringData);
  }
  for (const e of c.env ?? []) env[e.name] = e.value ?? (e.valueFrom ? 'from-the-downward-api' : '');
  return env;
}

/** The environment a compose service's container starts with: image ENV, env_file (.env), environment. */
export function composeContainerEnv(
  files: DeploymentFiles,
  service: string,
  image: Dockerfile,
): Record<string, string> {
  return {
    ...dockerEnv(image, runtimeStage(image)),
    ...files.dotenv.values,
    ...(files.compose.services[service]?.environment ?? {}),
  };
}

export type { ConfigMap, Deployment, Secret, Service, StatefulSet };
