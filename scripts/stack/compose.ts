/**
 * A small compose for Podman 4.3 (no `podman compose`; Debian's podman-compose 1.0.3 ignores
 * `scale:`, profiles and `condition: service_healthy`, and breaks `CMD` healthchecks). It reads
 * compose.yaml plus override files the way `docker compose -f a -f b` does for the keys this
 * repository uses, and turns each service into `podman run` arguments. It throws on any service
 * key it does not know, so the file never silently means something else.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

type Json = Record<string, unknown>;

export interface Healthcheck {
  test: string[];
  interval?: string;
  timeout?: string;
  retries?: number;
  start_period?: string;
}

export interface Service {
  image: string;
  build?: unknown;
  command?: string[];
  restart?: string;
  env_file?: string | string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition?: string }>;
  healthcheck?: Healthcheck;
  stop_grace_period?: string;
  scale?: number | string;
  cpus?: number | string;
  mem_limit?: string;
  logging?: { driver?: string; options?: Record<string, string> };
  profiles?: string[];
}

export interface ComposeProject {
  name: string;
  /** Directory of the first file: relative paths resolve against it. */
  dir: string;
  services: Record<string, Service>;
  volumes: string[];
}

const KNOWN_KEYS = new Set([
  'image',
  'build',
  'command',
  'restart',
  'env_file',
  'environment',
  'ports',
  'volumes',
  'depends_on',
  'healthcheck',
  'stop_grace_period',
  'scale',
  'cpus',
  'mem_limit',
  'logging',
  'profiles',
]);

/** `${VAR}`, `${VAR:-default}` and `$$` as compose interpolates them. */
export function interpolate(text: string, vars: Record<string, string | undefined>): string {
  return text.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}/g, (match, name, fallback) => {
    if (match === '$$') return '$';
    const value = vars[name as string];
    if (value !== undefined && value !== '') return value;
    if (fallback !== undefined) return fallback as string;
    return '';
  });
}

function interpolateDeep(value: unknown, vars: Record<string, string | undefined>): unknown {
  if (typeof value === 'string') return interpolate(value, vars);
  if (Array.isArray(value)) return value.map((v) => interpolateDeep(v, vars));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolateDeep(v, vars)]));
  return value;
}

/** Mappings merge key by key; anything else (sequences too) is replaced by the override. */
export function mergeDeep(base: unknown, override: unknown): unknown {
  if (isMap(base) && isMap(override)) {
    const out: Json = { ...base };
    for (const [k, v] of Object.entries(override)) out[k] = k in out ? mergeDeep(out[k], v) : v;
    return out;
  }
  return override;
}

const isMap = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/** KEY=VALUE lines of a .env file (comments and blank lines skipped, quotes removed). */
export function parseDotEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(raw);
    if (m) out[m[1]!] = m[2]!.trim().replace(/^(['"])(.*)\1$/, '$2');
  }
  return out;
}

function listEnvironment(env: unknown): Record<string, string> {
  if (Array.isArray(env))
    return Object.fromEntries(
      env.map((e: string) => {
        const i = e.indexOf('=');
        return [e.slice(0, i), e.slice(i + 1)];
      }),
    );
  return Object.fromEntries(Object.entries((env ?? {}) as Json).map(([k, v]) => [k, String(v ?? '')]));
}

/**
 * Loads compose files (later ones override earlier ones), interpolated with `vars` (the
 * project's .env and the process environment, as `docker compose` does).
 */
export function loadCompose(files: string[], vars: Record<string, string | undefined>): ComposeProject {
  let merged: unknown = {};
  for (const file of files) merged = mergeDeep(merged, parseYaml(readFileSync(file, 'utf8')));
  const doc = interpolateDeep(merged, vars) as Json;
  const services: Record<string, Service> = {};
  for (const [name, raw] of Object.entries((doc.services ?? {}) as Record<string, Json>)) {
    const unknown = Object.keys(raw).filter((k) => !KNOWN_KEYS.has(k));
    if (unknown.length) throw new Error(`service ${name}: keys not supported here: ${unknown.join(', ')}`);
    const depends = Array.isArray(raw.depends_on)
      ? Object.fromEntries((raw.depends_on as string[]).map((d) => [d, {}]))
      : (raw.depends_on as Service['depends_on']);
    services[name] = {
      ...(raw as unknown as Service),
      environment: listEnvironment(raw.environment),
      depends_on: depends,
    };
  }
  return {
    name: vars.COMPOSE_PROJECT_NAME || 'movie-generator',
    dir: dirname(resolve(files[0]!)),
    services,
    volumes: Object.keys((doc.volumes ?? {}) as Json),
  };
}

/** Services that run with these profiles active, dependencies first. */
export function startOrder(project: ComposeProject, profiles: string[] = []): string[] {
  const active = Object.entries(project.services)
    .filter(([, s]) => !s.profiles || s.profiles.some((p) => profiles.includes(p)))
    .map(([n]) => n);
  const order: string[] = [];
  const visit = (name: string, path: string[]) => {
    if (order.includes(name)) return;
    if (path.includes(name)) throw new Error(`dependency cycle: ${[...path, name].join(' → ')}`);
    for (const dep of Object.keys(project.services[name]?.depends_on ?? {})) visit(dep, [...path, name]);
    order.push(name);
  };
  for (const name of active) visit(name, []);
  return order;
}

export function replicas(service: Service): number {
  return Number(service.scale ?? 1);
}

export const networkName = (project: ComposeProject) => `${project.name}_default`;
export const containerName = (project: ComposeProject, service: string, index: number) =>
  `${project.name}-${service}-${index}`;

/** Compose durations (`10m30s`, `20s`, `1h`) in whole seconds. */
export function seconds(duration: string): number {
  let total = 0;
  for (const [, n, unit] of duration.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s|us)/g)) {
    const factor = { h: 3600, m: 60, s: 1, ms: 0.001, us: 0.000001 }[unit as 'h'];
    total += Number(n) * factor;
  }
  return Math.ceil(total);
}

/** A healthcheck's test as one shell command (podman's --health-cmd takes a string or JSON array). */
function healthCommand(test: string[]): string {
  const [kind, ...rest] = test;
  if (kind === 'CMD') return JSON.stringify(rest);
  if (kind === 'CMD-SHELL') return JSON.stringify(['/bin/sh', '-c', rest.join(' ')]);
  throw new Error(`healthcheck test ${kind} is not supported`);
}

/** The `podman run` arguments (after `run`) for replica `index` of `service`. */
export function runArgs(project: ComposeProject, serviceName: string, index: number): string[] {
  const s = project.services[serviceName]!;
  const name = containerName(project, serviceName, index);
  const args = [
    '-d',
    '--name',
    name,
    '--hostname',
    name,
    '--network',
    networkName(project),
    '--network-alias',
    serviceName,
    '--label',
    `com.docker.compose.project=${project.name}`,
    '--label',
    `com.docker.compose.service=${serviceName}`,
    '--label',
    `com.docker.compose.container-number=${index}`,
  ];
  if (s.restart) args.push('--restart', s.restart === 'unless-stopped' ? 'always' : s.restart);
  const envFiles = typeof s.env_file === 'string' ? [s.env_file] : (s.env_file ?? []);
  for (const f of envFiles) args.push('--env-file', isAbsolute(f) ? f : resolve(project.dir, f));
  for (const [k, v] of Object.entries(s.environment ?? {})) args.push('--env', `${k}=${v}`);
  // Only the first replica publishes host ports (compose would fail on a second bind).
  if (index === 1) for (const p of s.ports ?? []) args.push('--publish', p);
  for (const v of s.volumes ?? []) {
    const [src, ...rest] = v.split(':');
    const named = project.volumes.includes(src!);
    args.push('--volume', [named ? `${project.name}_${src}` : resolve(project.dir, src!), ...rest].join(':'));
  }
  if (s.healthcheck?.test) {
    const h = s.healthcheck;
    args.push('--health-cmd', healthCommand(h.test));
    if (h.interval) args.push('--health-interval', h.interval);
    if (h.timeout) args.push('--health-timeout', h.timeout);
    if (h.retries !== undefined) args.push('--health-retries', String(h.retries));
    if (h.start_period) args.push('--health-start-period', h.start_period);
  }
  if (s.stop_grace_period) args.push('--stop-timeout', String(seconds(s.stop_grace_period)));
  if (s.cpus !== undefined) args.push('--cpus', String(s.cpus));
  if (s.mem_limit) args.push('--memory', s.mem_limit);
  if (s.logging?.driver === 'json-file') {
    // Podman's k8s-file is its json-file: same rotation options.
    args.push('--log-driver', 'k8s-file');
    const size = s.logging.options?.['max-size'];
    if (size) args.push('--log-opt', `max-size=${size}`);
  }
  args.push(s.image);
  if (s.command) args.push(...s.command);
  return args;
}
