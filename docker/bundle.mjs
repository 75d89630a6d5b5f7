// Bundles the server and the ops CLI, with every dependency, into one ESM file each (~6 and
// ~3 MB), so the server image needs no node_modules at all (their production dependencies weigh
// ~80 MB on disk; neither depends on the pipeline).
//
//   node docker/bundle.mjs <outDir> [server] [ops]      (both when none is named)
//
// Run from the repository root after `npm install` (of at least the server and ops workspaces and
// the root). The worker is not bundled: Remotion needs its files on disk.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

export const ENTRIES = {
  server: 'apps/server/src/main.ts',
  ops: 'apps/ops/src/main.ts',
};

/** Output file of each entry: server.mjs, mg-ops.mjs. */
export const OUTPUTS = { server: 'server', ops: 'mg-ops' };

/** The MongoDB driver's optional peers (Kerberos, compression, client-side encryption): loaded only when configured. */
function optionalMongoPeers() {
  const require = createRequire(resolve(root, 'apps/server/package.json'));
  const pkg = JSON.parse(readFileSync(require.resolve('mongodb/package.json'), 'utf8'));
  return Object.keys(pkg.peerDependenciesMeta ?? {});
}

/** Bundles the named entries into outDir; returns the files written. */
export async function bundleApps(outDir, names = Object.keys(ENTRIES)) {
  const entryPoints = Object.fromEntries(names.map((name) => [OUTPUTS[name], resolve(root, ENTRIES[name])]));
  const result = await build({
    entryPoints,
    outdir: resolve(outDir),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // CommonJS dependencies call require() on Node's built-ins; ESM output has no require.
    banner: {
      js: "import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);",
    },
    external: optionalMongoPeers(),
    legalComments: 'linked',
    logLevel: 'warning',
    metafile: true,
  });
  return Object.keys(result.metafile.outputs).filter((file) => file.endsWith('.mjs'));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [outDir, ...names] = process.argv.slice(2);
  const unknown = names.filter((n) => !(n in ENTRIES));
  if (!outDir || unknown.length > 0) {
    console.error(`usage: node docker/bundle.mjs <outDir> [${Object.keys(ENTRIES).join('] [')}]`);
    process.exit(2);
  }
  for (const file of await bundleApps(outDir, names.length ? names : undefined)) console.log(file);
}
