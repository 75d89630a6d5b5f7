import { describe, expect, it } from 'vitest';
import { normalizeIp, parseTrustProxy } from './client-ip.ts';
import { loadEnv } from './env.ts';

describe('loadEnv', () => {
  it('needs MONGODB_URI and fills in the documented defaults', () => {
    expect(() => loadEnv({})).toThrow(/MONGODB_URI/);
    const env = loadEnv({ MONGODB_URI: 'mongodb://db:27017' });
    expect(env).toMatchObject({
      PORT: 3000,
      HOST: '0.0.0.0',
      MONGODB_DB: 'movie_generator',
      TRUST_PROXY: false,
      CORS_ORIGIN: [],
      DAILY_JOB_LIMIT: 5,
      MAX_PENDING_JOBS: 10,
      RETENTION_HOURS: 24,
      WORKER_CONCURRENCY: 2,
      WORKER_REPLICAS: 1,
      STORAGE: 'gridfs',
      DATA_DIR: './data',
      ALLOW_PRIVATE_NETWORK: false,
      LOG_LEVEL: 'info',
      APP_VERSION: '0.1.0',
    });
    expect(env.WEB_DIST_DIR).toMatch(/apps\/web\/dist$/);
  });

  it("accepts RATE_LIMIT_PER_DAY, the operations guide's name, for DAILY_JOB_LIMIT (which wins)", () => {
    expect(loadEnv({ MONGODB_URI: 'mongodb://db', RATE_LIMIT_PER_DAY: '3' }).DAILY_JOB_LIMIT).toBe(3);
    expect(
      loadEnv({ MONGODB_URI: 'mongodb://db', RATE_LIMIT_PER_DAY: '3', DAILY_JOB_LIMIT: '7' }).DAILY_JOB_LIMIT,
    ).toBe(7);
    expect(() => loadEnv({ MONGODB_URI: 'mongodb://db', RATE_LIMIT_PER_DAY: '-1' })).toThrow(
      /DAILY_JOB_LIMIT/,
    );
  });

  it('treats empty values as unset and parses the rest', () => {
    const env = loadEnv({
      MONGODB_URI: 'mongodb://db',
      PORT: '8080',
      TRUST_PROXY: '',
      CORS_ORIGIN: 'https://a.example, http://localhost:5173',
      ALLOW_PRIVATE_NETWORK: 'true',
      STORAGE: 'fs',
    });
    expect(env).toMatchObject({
      PORT: 8080,
      TRUST_PROXY: false,
      CORS_ORIGIN: ['https://a.example', 'http://localhost:5173'],
      ALLOW_PRIVATE_NETWORK: true,
      STORAGE: 'fs',
    });
  });

  it('names every bad variable', () => {
    const bad = () =>
      loadEnv({
        MONGODB_URI: 'mongodb://db',
        PORT: 'eighty',
        STORAGE: 's3',
        CORS_ORIGIN: 'https://a.example/path',
        TRUST_PROXY: 'true',
      });
    expect(bad).toThrow(/PORT/);
    expect(bad).toThrow(/STORAGE/);
    expect(bad).toThrow(/CORS_ORIGIN: not an origin/);
    expect(bad).toThrow(/TRUST_PROXY=true would believe any X-Forwarded-For/);
  });
});

describe('parseTrustProxy', () => {
  it('trusts nobody by default, hop counts as numbers, and lists of proxies', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('0')).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('loopback, 10.0.0.0/8,fd00::/8, 192.168.1.10')).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
      '192.168.1.10',
    ]);
    expect(parseTrustProxy('10.0.0.0/255.0.0.0')).toEqual(['10.0.0.0/255.0.0.0']);
  });

  it('refuses true and entries that are not addresses', () => {
    expect(() => parseTrustProxy('true')).toThrow(/hop count/);
    expect(() => parseTrustProxy('loopback,proxy.example')).toThrow(/proxy\.example/);
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow(/10\.0\.0\.0\/33/);
  });
});

describe('normalizeIp', () => {
  it('maps IPv4-mapped IPv6 to IPv4 and leaves the rest', () => {
    expect(normalizeIp('::ffff:203.0.113.5')).toBe('203.0.113.5');
    expect(normalizeIp('::FFFF:127.0.0.1')).toBe('127.0.0.1');
    expect(normalizeIp('2001:db8::1')).toBe('2001:db8::1');
    expect(normalizeIp('198.51.100.3')).toBe('198.51.100.3');
  });
});
