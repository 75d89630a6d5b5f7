import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir } from '@movie-generator/test-helpers';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleSourceHash, bundleStats, disposeBundle, getBundle } from './bundle.ts';

describe('the bundle disk cache', () => {
  const saved = process.env.MOVIE_GENERATOR_CACHE_DIR;
  afterAll(async () => {
    if (saved === undefined) delete process.env.MOVIE_GENERATOR_CACHE_DIR;
    else process.env.MOVIE_GENERATOR_CACHE_DIR = saved;
    await disposeBundle();
  });

  it('keys bundles by a stable hash of the sources', async () => {
    const key = await bundleSourceHash();
    expect(key).toMatch(/^[0-9a-f]{16}$/);
    expect(await bundleSourceHash()).toBe(key);
  });

  it('serves the bundle cached for the current sources without bundling', async () => {
    const tmp = await makeTempDir('bundle-cache-');
    process.env.MOVIE_GENERATOR_CACHE_DIR = tmp.dir;
    const cached = join(tmp.dir, 'remotion-bundle', await bundleSourceHash());
    await mkdir(cached, { recursive: true });
    await writeFile(join(cached, 'index.html'), '<!doctype html>');
    expect(await getBundle()).toBe(cached);
    expect(await getBundle()).toBe(cached);
    expect(bundleStats).toEqual({ builds: 0, cacheHits: 1 });
    await tmp.cleanup();
  });
});
