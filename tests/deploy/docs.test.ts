import { existsSync } from 'node:fs';
import { API_ERRORS } from '@movie-generator/api-contract';
import { PIPELINE_ERRORS } from '@movie-generator/pipeline';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProgram } from '../../apps/ops/src/cli.ts';
import { readRepoFile, repoPath } from './helpers/files.ts';

let guide: string;
beforeAll(async () => {
  guide = await readRepoFile('docs/operations.md');
});

const opsCommands = () =>
  createProgram({ out: () => {}, err: () => {}, open: () => Promise.reject(new Error('not used')) })
    .commands.map((c) => c.name())
    .filter((name) => name !== 'help');

describe('docs/operations.md stays in step with the code', () => {
  it('explains every error code users can see (API and jobs)', () => {
    const codes = [...Object.keys(API_ERRORS), ...Object.keys(PIPELINE_ERRORS)];
    // A table row per code (Biome pads the cells).
    expect(codes.filter((code) => !new RegExp(`^\\| \`${code}\` +\\|`, 'm').test(guide))).toEqual([]);
  });

  it('documents every mg-ops command, and uses no command that does not exist', () => {
    const commands = opsCommands();
    expect(commands.sort()).toEqual([
      'backup',
      'block',
      'blocks',
      'cancel',
      'list',
      'purge',
      'restore',
      'retry',
      'run',
      'show',
      'stats',
      'unblock',
    ]);
    for (const name of commands) expect(guide).toMatch(new RegExp(`^\\| \`${name}[ \`]`, 'm'));
    const used = [...guide.matchAll(/mg-ops (\w+)/g)].map((m) => m[1]!);
    expect(used.filter((name) => !commands.includes(name))).toEqual([]);
  });

  it('names the files it tells people to use, and they exist', async () => {
    for (const path of [
      'compose.yaml',
      '.env.example',
      'docker/server.Dockerfile',
      'docker/worker.Dockerfile',
      'k8s/overlays/k3s',
      'k8s/optional/keda',
      'k8s/base/secret.example.yaml',
      'k8s/base/configmap.yaml',
    ]) {
      expect(guide).toContain(path);
      expect(existsSync(repoPath(path)), path).toBe(true);
    }
  });
});
