import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  interpolate,
  loadCompose,
  mergeDeep,
  replicas,
  runArgs,
  seconds,
  startOrder,
} from '../../scripts/stack/compose.ts';
import { parseDotEnv, repoPath } from './helpers/files.ts';

/**
 * The local container stack (`npm run stack`): its compose translation for Podman, read from
 * the same compose.yaml production uses plus the local-only override. The containers themselves
 * run in `npm run stack -- smoke` (not part of this suite: it needs Podman and ~10 minutes).
 */
const vars = {
  ...parseDotEnv(readFileSync(repoPath('.env.example'), 'utf8')).values,
  WORKER_REPLICAS: '2',
  PORT: '43210',
};
const files = [repoPath('compose.yaml'), repoPath('compose.local.yaml')];

describe('npm run stack: compose.yaml + compose.local.yaml as podman commands', () => {
  it('interpolates like compose and merges overrides key by key, sequences replaced', () => {
    // `$` + `{…}` spelt apart: a compose expression, not a template placeholder.
    const text = ['{A:-x}', '{B-y}', '{C}', '$'].map((part) => `$${part}`).join('/');
    expect(interpolate(text, { A: 'a', B: '' })).toBe('a/y//$');
    expect(mergeDeep({ a: { b: 1, c: [1] } }, { a: { c: [], d: 2 } })).toEqual({ a: { b: 1, c: [], d: 2 } });
    expect(seconds('10m30s')).toBe(630);
    expect(seconds('20s')).toBe(20);
  });

  it('production keeps mongo:7; only the local override swaps in the embedded MongoDB-wire server', () => {
    const production = loadCompose([repoPath('compose.yaml')], vars);
    expect(production.services.mongo!.image).toBe('mongo:7');
    const local = loadCompose(files, vars);
    expect(local.services.mongo!.image).toBe('movie-generator/embedded-mongo:0.1.0');
    expect(local.services.mongo!.volumes).toEqual([]);
    expect(local.services.server!.env_file).toBe('.stack/stack.env');
    // Only the database changes (and where settings come from).
    for (const name of ['server', 'worker'] as const) {
      const { env_file: _a, ...prod } = production.services[name]!;
      const { env_file: _b, ...loc } = local.services[name]!;
      expect(loc).toEqual(prod);
    }
  });

  it('starts the database first, WORKER_REPLICAS workers, and no profile service', () => {
    const p = loadCompose(files, vars);
    expect(startOrder(p)).toEqual(['mongo', 'server', 'worker']);
    expect(startOrder(p, ['voicevox'])).toContain('voicevox');
    expect(replicas(p.services.worker!)).toBe(2);
  });

  it('turns a service into podman run arguments: network alias, env, healthcheck, limits, grace', () => {
    const p = loadCompose(files, vars);
    const server = runArgs(p, 'server', 1);
    const flag = (args: string[], name: string) => args.filter((_, i) => args[i - 1] === name);
    expect(flag(server, '--name')).toEqual(['movie-generator-server-1']);
    expect(flag(server, '--network-alias')).toEqual(['server']);
    expect(flag(server, '--publish')).toEqual(['43210:3000']);
    expect(flag(server, '--env')).toEqual(
      expect.arrayContaining(['MONGODB_URI=mongodb://mongo:27017', 'PORT=3000']),
    );
    expect(flag(server, '--env-file')).toEqual([repoPath('.stack/stack.env')]);
    const health = JSON.parse(flag(server, '--health-cmd')[0]!) as string[];
    expect(health.slice(0, 2)).toEqual(['node', '-e']);
    expect(health[2]).toContain('/readyz');
    expect(flag(server, '--stop-timeout')).toEqual(['30']);
    expect(server.at(-1)).toBe('movie-generator/server:0.1.0');

    const worker2 = runArgs(p, 'worker', 2);
    expect(flag(worker2, '--publish')).toEqual([]);
    expect(flag(worker2, '--stop-timeout')).toEqual(['630']);
    expect(flag(worker2, '--cpus')).toEqual(['2']);
    expect(flag(worker2, '--memory')).toEqual(['2g']);
    expect(flag(worker2, '--log-opt')).toEqual(['max-size=10m']);

    const mongo = runArgs(p, 'mongo', 1);
    expect(mongo.slice(-3)).toEqual([
      'movie-generator/embedded-mongo:0.1.0',
      'node',
      '/app/embedded-mongo.mjs',
    ]);
  });

  it('refuses compose keys it does not translate instead of ignoring them', () => {
    expect(() =>
      loadCompose(
        [repoPath('compose.yaml'), repoPath('tests/deploy/fixtures/compose-unknown-key.yaml')],
        vars,
      ),
    ).toThrow(/keys not supported here: tmpfs/);
  });
});
