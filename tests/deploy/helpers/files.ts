import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

export function repoPath(...parts: string[]): string {
  return join(repoRoot, ...parts);
}

export function readRepoFile(...parts: string[]): Promise<string> {
  return readFile(repoPath(...parts), 'utf8');
}

export async function readRepoYaml<T = Record<string, unknown>>(...parts: string[]): Promise<T> {
  return parseYaml(await readRepoFile(...parts)) as T;
}

// ---- .env files ----

export interface DotEnv {
  /** Variables given a value (uncommented lines). */
  values: Record<string, string>;
  /** Variables mentioned as `# NAME=...` (documented, left at their default). */
  commented: Set<string>;
}

/** Parses a .env file as `docker compose` reads env_file: KEY=VALUE lines, # comments. */
export function parseDotEnv(text: string): DotEnv {
  const values: Record<string, string> = {};
  const commented = new Set<string>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const set = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (set) {
      values[set[1]!] = set[2]!.replace(/^(['"])(.*)\1$/, '$2');
      continue;
    }
    const doc = /^#\s*([A-Z][A-Z0-9_]*)=/.exec(line);
    if (doc) commented.add(doc[1]!);
  }
  return { values, commented };
}

// ---- compose interpolation ----

/**
 * Compose's variable interpolation: `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `$VAR` and
 * `$$` (a literal `$`), applied to every string in the file, as compose does before validating.
 */
export function interpolate<T>(value: T, env: Record<string, string | undefined>): T {
  if (typeof value === 'string') {
    return value.replace(
      /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
      (match, name?: string, op?: string, fallback?: string, bare?: string) => {
        if (match === '$$') return '$';
        const key = (name ?? bare)!;
        const current = env[key];
        if (op === ':-') return current ? current : (fallback ?? '');
        if (op === '-') return current ?? fallback ?? '';
        return current ?? '';
      },
    ) as T;
  }
  if (Array.isArray(value)) return value.map((v) => interpolate(v, env)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, env)])) as T;
  }
  return value;
}

/**
 * Compose casts a few interpolated fields back to their types before validating
 * (compose-go's interpolation casts); `services.*.scale` is the one used here.
 */
export function castComposeTypes<T extends { services: Record<string, Record<string, unknown>> }>(
  compose: T,
): T {
  for (const service of Object.values(compose.services)) {
    if (typeof service.scale === 'string') service.scale = Number.parseInt(service.scale, 10);
  }
  return compose;
}

/** Compose durations (`1m30s`, `10m30s`, `500ms`) in milliseconds. */
export function composeDurationMs(text: string): number {
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  let rest = text.trim();
  while (rest.length > 0) {
    const m = /^(\d+(?:\.\d+)?)(ns|us|ms|s|m|h)/.exec(rest);
    if (!m) throw new Error(`not a compose duration: ${text}`);
    total += Number(m[1]) * units[m[2]!]!;
    rest = rest.slice(m[0].length);
  }
  return total;
}

// ---- Dockerfiles ----

export interface DockerInstruction {
  /** Upper-case keyword: FROM, RUN, COPY, ENV... */
  op: string;
  args: string;
  /** Index of the build stage (FROM) it belongs to. */
  stage: number;
}

export interface Dockerfile {
  instructions: DockerInstruction[];
  /** Stage names in order (the `AS` name, or the index as text). */
  stages: string[];
  /** ARG defaults declared before the first FROM. */
  globalArgs: Record<string, string>;
}

/** Parses a Dockerfile into instructions: continuation lines joined, comments dropped. */
export function parseDockerfile(text: string): Dockerfile {
  const logical: string[] = [];
  let current = '';
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (current === '' && (line.trim() === '' || line.trim().startsWith('#'))) continue;
    if (current !== '' && line.trim().startsWith('#')) continue;
    if (line.endsWith('\\')) {
      current += `${line.slice(0, -1)} `;
      continue;
    }
    logical.push((current + line).trim());
    current = '';
  }
  const instructions: DockerInstruction[] = [];
  const stages: string[] = [];
  const globalArgs: Record<string, string> = {};
  for (const line of logical) {
    const [, op = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const keyword = op.toUpperCase();
    if (keyword === 'FROM') stages.push(/\s+AS\s+(\S+)\s*$/i.exec(args)?.[1] ?? String(stages.length));
    if (keyword === 'ARG' && stages.length === 0) {
      const [name, value = ''] = args.split('=');
      globalArgs[name!.trim()] = value.trim();
    }
    instructions.push({ op: keyword, args, stage: stages.length - 1 });
  }
  return { instructions, stages, globalArgs };
}

/** `ENV A=1 B=2` (and the legacy `ENV A 1`) of one stage, merged in order. */
export function dockerEnv(file: Dockerfile, stage: number): Record<string, string> {
  const env: Record<string, string> = {};
  for (const i of file.instructions.filter((x) => x.op === 'ENV' && x.stage === stage)) {
    const pairs = [...i.args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S+)/g)];
    if (pairs.length === 0) {
      const [name, ...rest] = i.args.split(/\s+/);
      env[name!] = rest.join(' ');
    }
    for (const [, name, value] of pairs) env[name!] = value!.replace(/^"(.*)"$/, '$1');
  }
  return env;
}

/** The JSON (exec) form of CMD/ENTRYPOINT/HEALTHCHECK CMD, as an array. */
export function execForm(args: string): string[] {
  const json = args.slice(args.indexOf('['));
  return JSON.parse(json) as string[];
}
