import { existsSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { remotionEntryPoint } from '@movie-generator/remotion';
import { bundle } from '@remotion/bundler';

export interface BundleOptions {
  /**
   * A bundle built ahead of time (e.g. in the container image, with `buildBundle`). Used as is
   * when it holds an index.html; otherwise the compositions are bundled on first use.
   */
  bundleDir?: string;
}

/** How many times this process has bundled (tests check that the bundle is reused). */
export const bundleStats = { builds: 0 };

let memo: Promise<string> | undefined;
/** The temp dir of a bundle this process built, removed by `disposeBundle`. */
let ownedDir: string | undefined;

/**
 * The serve URL (a directory) of the bundled Remotion compositions: built once per process
 * (8.5 s cold, 1.5 s with webpack's cache) and shared by every render. A failed build is
 * forgotten so that the next call tries again.
 */
export function getBundle(options: BundleOptions = {}): Promise<string> {
  if (options.bundleDir && existsSync(join(options.bundleDir, 'index.html'))) {
    return Promise.resolve(options.bundleDir);
  }
  if (!memo) {
    const building: Promise<string> = buildBundle().then(
      (dir) => {
        if (memo === building) {
          ownedDir = dir;
          // ~30 MB in the temp dir: remove it even if nobody calls closeRenderer.
          process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
        } else {
          // Disposed while building: nobody will delete it later.
          void rm(dir, { recursive: true, force: true });
        }
        return dir;
      },
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
