import { execFile } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const webDir = join(repoRoot, 'apps/web');
export const webDist = join(webDir, 'dist');

/** What the web build is made from: the app and the API contract it bundles. */
const BUILD_INPUTS = [
  join(webDir, 'src'),
  join(webDir, 'public'),
  join(webDir, 'index.html'),
  join(webDir, 'vite.config.ts'),
  join(webDir, 'package.json'),
  join(repoRoot, 'packages/api-contract/src'),
];

/** The newest modification time under `path` (0 when it does not exist). */
async function newestMtime(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path, { withFileTypes: true });
  const times = await Promise.all(entries.map((entry) => newestMtime(join(path, entry.name))));
  return Math.max(info.mtimeMs, ...times);
}

/**
 * apps/web/dist as `npm run build` makes it: reused when it is newer than every source it is
 * built from, built otherwise (~10 s). Returns the directory for the server's WEB_DIST_DIR.
 */
export async function ensureWebBuild(): Promise<{ dir: string; built: boolean }> {
  const builtAt = await newestMtime(join(webDist, 'index.html'));
  const sources = await Promise.all(BUILD_INPUTS.map(newestMtime));
  if (builtAt > 0 && builtAt > Math.max(...sources)) return { dir: webDist, built: false };
  await execFileAsync('npm', ['run', 'build', '-w', '@movie-generator/web'], {
    cwd: repoRoot,
    maxBuffer: 16 * 1024 * 1024,
  });
  return { dir: webDist, built: true };
}
