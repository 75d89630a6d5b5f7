/**
 * Compiles the CLI to JavaScript (dist/cli.js, and dist/thread.js for the stage threads) so that a
 * fresh `movie-generator` process starts without compiling TypeScript through tsx: about half the
 * start-up CPU. npm packages stay external (loaded from node_modules); the workspace packages,
 * which export TypeScript, are bundled in. bin/movie-generator.js uses the build only while every
 * source it was made from is unchanged (dist/cli-inputs.json), else it runs the sources through tsx.
 * Run by scripts/setup.sh; `npx tsx packages/pipeline/scripts/build-cli.ts` rebuilds by hand.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(packageRoot, 'dist');
const repoRoot = resolve(packageRoot, '../..');

/** Bare imports of npm packages stay imports; the workspace's own packages are compiled in. */
const npmPackagesExternal: Plugin = {
  name: 'npm-packages-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@movie-generator/') ? undefined : { path: args.path, external: true },
    );
  },
};

/**
 * `import.meta.url` keeps naming the module's source file, as it does under tsx: modules locate
 * files beside their sources with it (the compositions' entry, package resolution). Code that
 * must find the running file uses import.meta.filename, which is left alone.
 */
const sourceMetaUrl: Plugin = {
  name: 'source-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const fromDist = relative(dist, args.path).split('\\').join('/');
      return {
        contents: source.replaceAll(
          'import.meta.url',
          `new URL(${JSON.stringify(fromDist)}, import.meta.url).href`,
        ),
        loader: args.path.endsWith('.tsx') ? 'tsx' : 'ts',
      };
    });
  },
};

const started = performance.now();
const result = await build({
  entryPoints: {
    cli: join(packageRoot, 'src/cli/main.ts'),
    thread: join(packageRoot, 'src/isolate/thread.ts'),
  },
  outdir: dist,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
  plugins: [npmPackagesExternal, sourceMetaUrl],
});
const inputs = Object.keys(result.metafile.inputs).map((path) => relative(repoRoot, resolve(path)));
await writeFile(
  join(dist, 'cli-inputs.json'),
  `${JSON.stringify({ builtAt: Date.now(), inputs }, null, 1)}\n`,
);
console.log(
  `[setup] CLI compiled: ${inputs.length} sources in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
