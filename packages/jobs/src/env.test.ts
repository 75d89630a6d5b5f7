import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { int, JobsEnvSchema, LogEnvSchema, loadEnv, WorkerConcurrencyEnvSchema } from './env.ts';

/** An app's schema composed of the jobs' fragment and a setting of its own. */
const AppSchema = z.object({ ...JobsEnvSchema.shape, APP_LIMIT: int(3, 0) });

describe('the jobs settings and loadEnv', () => {
  it('fills in the documented defaults around MONGODB_URI, and the app its own', () => {
    expect(loadEnv(AppSchema, { MONGODB_URI: 'mongodb://db:27017' }, 'test')).toEqual({
      MONGODB_URI: 'mongodb://db:27017',
      MONGODB_DB: 'movie_generator',
      STORAGE: 'gridfs',
      DATA_DIR: './data',
      RETENTION_HOURS: 24,
      MAX_PENDING_JOBS: 10,
      APP_LIMIT: 3,
    });
  });

  it('treats empty values as unset, and drops variables no fragment declares', () => {
    const env = loadEnv(
      AppSchema,
      { MONGODB_URI: 'mongodb://db', STORAGE: '', RETENTION_HOURS: '1.5', APP_LIMIT: '0', PATH: '/bin' },
      'test',
    );
    expect(env).toMatchObject({ STORAGE: 'gridfs', RETENTION_HOURS: 1.5, APP_LIMIT: 0 });
    expect(env).not.toHaveProperty('PATH');
  });

  it('names the app and every bad variable in one error', () => {
    const error = (() => {
      try {
        loadEnv(
          AppSchema,
          { MAX_PENDING_JOBS: '0', STORAGE: 's3', RETENTION_HOURS: '-1', APP_LIMIT: 'x' },
          'test',
        );
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(error).toMatch(/^Invalid test configuration:\n/);
    expect(error).toContain('MONGODB_URI: MONGODB_URI is required, e.g. mongodb://localhost:27017');
    for (const name of ['MAX_PENDING_JOBS', 'STORAGE', 'RETENTION_HOURS', 'APP_LIMIT'])
      expect(error).toContain(`  ${name}: `);
  });

  it('refuses a queue cap of 0, which would refuse every job', () => {
    expect(() => loadEnv(JobsEnvSchema, { MONGODB_URI: 'x', MAX_PENDING_JOBS: '0' }, 'test')).toThrow(
      /MAX_PENDING_JOBS: Too small/,
    );
    expect(loadEnv(JobsEnvSchema, { MONGODB_URI: 'x', MAX_PENDING_JOBS: '1' }, 'test').MAX_PENDING_JOBS).toBe(
      1,
    );
  });
});

describe('the settings the server and the workers share', () => {
  const Shared = z.object({ ...WorkerConcurrencyEnvSchema.shape, ...LogEnvSchema.shape });

  it('default to two jobs per worker, logged at info', () => {
    expect(loadEnv(Shared, {}, 'test')).toEqual({ WORKER_CONCURRENCY: 2, LOG_LEVEL: 'info' });
  });

  it('refuse no concurrency and an unknown level', () => {
    expect(() => loadEnv(Shared, { WORKER_CONCURRENCY: '0', LOG_LEVEL: 'loud' }, 'test')).toThrow(
      /WORKER_CONCURRENCY:[\s\S]*LOG_LEVEL:/,
    );
  });
});
