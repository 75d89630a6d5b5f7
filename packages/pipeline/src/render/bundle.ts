import { createHash, randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { remotionEntryPoint } from '@movie-generator/remotion';

export interface BundleOptions {
  /**
   * A bundle built ahead of time (e.g. in the container image, with `buildBundle`). Used as is
   * when it holds an index.html; otherwise the compositions are bundled on first use.
   */
  bundleDir?: string;
}

/**
 * How many times this process has bundled, and how many times it found its bundle in the disk
 * cache instead (tests check that the bundle is reused).
 */
export const bundleStats = { builds: 0, cacheHits: 0 };

let memo: Promise<string> | undefined;
/** The temp dir of a bundle this process built outside the cache, removed by `disposeBundle`. */
let ownedDir: string | undefined;

/** The compositions' package: its sources and package.json decide what the bundle holds. */
const remotionRoot = dirname(dirname(remotionEntryPoint));
const repoRoot = dirname(remotionRoot);

/**
 * Where bundles are kept between processes: `$MOVIE_GENERATOR_CACHE_DIR`, or the repository's
 * node_modules/.cache (where webpack keeps its own cache too). `off` turns the disk cache off.
 */
function cacheRoot(): string | undefined {
  const configured = process.env.MOVIE_GENERATOR_CACHE_DIR;
  if (configured === 'off') return undefined;
  return join(configured || join(repoRoot, 'node_modules/.cache/movie-generator'), 'remotion-bundle');
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && !/\.test\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * A hash of everything the bundle is made from: the compositions' sources and package.json, the
 * lockfile (the versions of React, Remotion and everything else webpack pulls in) and the
 * bundler's version. Any change makes a new bundle.
 */
export async function bundleSourceHash(): Promise<string> {
  const hash = createHash('sha256');
  const require = createRequire(import.meta.url);
  hash.update(`bundler ${require('@remotion/bundler/package.json').version}\n`);
  const files = [
    ...(await listFiles(join(remotionRoot, 'src'))),
    join(remotionRoot, 'package.json'),
    join(repoRoot, 'package-lock.json'),
  ];
  for (const file of files) {
    const content = await readFile(file).catch(() => Buffer.alloc(0));
    hash.update(`${relative(repoRoot, file)} ${content.length}\n`);
    hash.update(content);
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * The bundle from the disk cache, keyed by `bundleSourceHash`, built into it when missing (into a
 * temporary name first, renamed once complete, so a concurrent process never sees half a bundle;
 * if another process finished first, its bundle is used). Bundles of older sources are removed.
 * Undefined when the cache directory cannot be written.
 */
async function cachedBundle(root: string): Promise<string | undefined> {
  const key = await bundleSourceHash();
  const dir = join(root, key);
  if (existsSync(join(dir, 'index.html'))) {
    bundleStats.cacheHits += 1;
    return dir;
  }
  try {
    await mkdir(root, { recursive: true });
  } catch {
    return undefined;
  }
  const building = join(root, `.${key}.${randomUUID()}.partial`);
  try {
    await buildBundle(building);
    try {
      await rename(building, dir);
    } catch (error) {
      if (!existsSync(join(dir, 'index.html'))) throw error;
    }
  } finally {
    await rm(building, { recursive: true, force: true });
  }
  for (const entry of await readdir(root).catch(() => [] as string[])) {
    if (entry !== key && !entry.startsWith('.')) {
      await rm(join(root, entry), { recursive: true, force: true }).catch(() => undefined);
    }
  }
  return dir;
}

/** The cached bundle, or one built into a temp dir owned by this process while `isCurrent`. */
async function processBundle(root: string | undefined, isCurrent: () => boolean): Promise<string> {
  const cached = root ? await cachedBundle(root) : undefined;
  if (cached) return cached;
  const dir = await buildBundle();
  if (isCurrent()) {
    ownedDir = dir;
    // ~30 MB in the temp dir: remove it even if nobody calls closeRenderer.
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  } else {
    // Disposed while building: nobody will delete it later.
    void rm(dir, { recursive: true, force: true });
  }
  return dir;
}

/**
 * The serve URL (a directory) of the bundled Remotion compositions, shared by every render of
 * the process: the prebuilt `bundleDir` if it holds one, else the disk cache's bundle for the
 * current sources (built there once, 8.5 s cold or 1.5 s with webpack's cache; later processes
 * start without bundling), else a bundle built into a temp dir for this process. A failed build
 * is forgotten so that the next call tries again.
 */
export function getBundle(options: BundleOptions = {}): Promise<string> {
  if (options.bundleDir && existsSync(join(options.bundleDir, 'index.html'))) {
    return Promise.resolve(options.bundleDir);
  }
  if (!memo) {
    const building: Promise<string> = processBundle(cacheRoot(), () => memo === building).catch(
      (error: unknown) => {
        if (memo === building) memo = undefined;
        throw error;
      },
    );
    memo = building;
  }
  return memo;
}

/** Bundles the compositions into `outDir` (a fresh temp dir when omitted); returns the dir. */
export async function buildBundle(outDir?: string): Promise<string> {
  bundleStats.builds += 1;
  // webpack is loaded only when a bundle is built: a process served from the cache never needs it.
  const { bundle } = await import('@remotion/bundler');
  return bundle({
    entryPoint: remotionEntryPoint,
    outDir: outDir ?? null,
    // No Studio in the bundle we render from.
    keyboardShortcutsEnabled: false,
    askAIEnabled: false,
    interactivityEnabled: false,
  });
}

/** Forgets the memoised bundle and deletes it if this process built it into a temp dir. */
export async function disposeBundle(): Promise<void> {
  const dir = ownedDir;
  memo = undefined;
  ownedDir = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
}
