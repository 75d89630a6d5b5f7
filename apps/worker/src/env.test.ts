import { tmpdir } from 'node:os';
import { PipelineError } from '@movie-generator/pipeline';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './env.ts';
import { backoffDelay, shouldRetry, sleep } from './retry.ts';

describe('loadConfig', () => {
  it('applies the documented defaults with only MONGODB_URI set', () => {
    const config = loadConfig({ MONGODB_URI: 'mongodb://db:27017' });
    expect(config).toMatchObject({
      mongo: { uri: 'mongodb://db:27017', dbName: 'movie_generator' },
      concurrency: 2,
      lockLifetimeMs: 120_000,
      storage: { kind: 'gridfs', dataDir: './data' },
      workDir: tmpdir(),
      retry: { attempts: 2, backoffMs: [2000, 8000] },
      maxJobStarts: 3,
      cleanup: { interval: '10 minutes' },
      shutdownGraceMs: 600_000,
      metricsPort: 9464,
      logLevel: 'info',
      jobs: { retentionMs: 24 * 3600_000, maxPending: 10 },
    });
    expect(config.workerId).toMatch(/-\d+$/);
    expect(config.pipeline.stageTimeoutsMs).toEqual({});
    expect(config.pipeline.frame).toBeUndefined();
    expect(config.pipeline.render).toMatchObject({ renderer: 'fast', chromiumPath: '/usr/bin/chromium' });
  });

  it('reads the worker and pipeline settings from the same environment', () => {
    const config = loadConfig({
      MONGODB_URI: 'mongodb://db',
      WORKER_CONCURRENCY: '3',
      STORAGE: 'fs',
      DATA_DIR: '/srv/data',
      RETRY_BACKOFF_MS: '100, 400,900',
      STAGE_TIMEOUT_RENDER_MS: '600000',
      STAGE_TIMEOUT_FETCH_MS: '5000',
      PIPELINE_FRAME: '320x180',
      SCRIPT_MAX_SECTIONS: '4',
      SCRIPT_CHAR_BUDGET: '300',
      ALLOW_PRIVATE_NETWORK: 'true',
      REMOTION_BUNDLE_DIR: '/opt/bundle',
      WORKER_ID: 'w1',
    });
    expect(config.concurrency).toBe(3);
    expect(config.storage).toEqual({ kind: 'fs', dataDir: '/srv/data' });
    expect(config.retry.backoffMs).toEqual([100, 400, 900]);
    expect(config.pipeline.stageTimeoutsMs).toEqual({ render: 600_000, fetch: 5000 });
    expect(config.pipeline.frame).toEqual({ width: 320, height: 180 });
    expect(config.pipeline.script).toMatchObject({ maxSections: 4, charBudget: 300, provider: 'offline' });
    expect(config.pipeline.fetch).toEqual({ allowPrivateNetwork: true });
    expect(config.pipeline.render?.bundleDir).toBe('/opt/bundle');
    expect(config.workerId).toBe('w1');
  });

  it('refuses a missing MONGODB_URI and malformed values, naming each variable', () => {
    expect(() => loadConfig({})).toThrow(/MONGODB_URI/);
    expect(() => loadConfig({ MONGODB_URI: 'x', PIPELINE_FRAME: '321x180' })).toThrow(/PIPELINE_FRAME/);
    expect(() => loadConfig({ MONGODB_URI: 'x', WORKER_CONCURRENCY: '0' })).toThrow(/WORKER_CONCURRENCY/);
    expect(() => loadConfig({ MONGODB_URI: 'x', RETRY_BACKOFF_MS: '2s' })).toThrow(/RETRY_BACKOFF_MS/);
    expect(() => loadConfig({ MONGODB_URI: 'x', STORAGE: 's3' })).toThrow(/STORAGE/);
    // The pipeline's settings are named the same way: they are part of the worker's schema.
    expect(() => loadConfig({ MONGODB_URI: 'x', TTS_PROVIDER: 'sapi' })).toThrow(
      /^Invalid worker configuration:\n {2}TTS_PROVIDER: /,
    );
  });

  it('takes the queue cap with the same limit as the server and ops (at least 1)', () => {
    expect(() => loadConfig({ MONGODB_URI: 'x', MAX_PENDING_JOBS: '0' })).toThrow(/MAX_PENDING_JOBS/);
    expect(loadConfig({ MONGODB_URI: 'x', MAX_PENDING_JOBS: '3' }).jobs).toEqual({
      retentionMs: 24 * 3600_000,
      maxPending: 3,
    });
  });
});

describe('retry policy', () => {
  const policy = { attempts: 2, backoffMs: [2000, 8000] };

  it('retries transient failures only, up to the number of attempts', () => {
    const transient = new PipelineError('FETCH_FAILED', { transient: true });
    expect(shouldRetry(transient, 0, policy)).toBe(true);
    expect(shouldRetry(transient, 1, policy)).toBe(true);
    expect(shouldRetry(transient, 2, policy)).toBe(false);
    expect(shouldRetry(new PipelineError('TOO_LITTLE_TEXT'), 0, policy)).toBe(false);
    expect(shouldRetry(new PipelineError('TIMEOUT'), 0, policy)).toBe(false);
  });

  it('waits per the backoff list, repeating its last entry', () => {
    expect([1, 2, 3].map((n) => backoffDelay(policy, n))).toEqual([2000, 8000, 8000]);
    expect(backoffDelay({ attempts: 1, backoffMs: [] }, 1)).toBe(0);
  });

  it('sleeps until the time is up or the signal aborts', async () => {
    const ac = new AbortController();
    const started = performance.now();
    setTimeout(() => ac.abort(), 30);
    await sleep(10_000, ac.signal);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
