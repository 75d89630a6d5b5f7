#!/usr/bin/env node
// Runs the compiled CLI (dist/, made by scripts/build-cli.ts during setup) while every source it
// was compiled from is unchanged, else the TypeScript sources through tsx, so an edit is never
// hidden by a stale build and the repo needs no build step to use the CLI.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

const dist = new URL('../dist/', import.meta.url);
const repoRoot = resolve(import.meta.dirname, '../../..');

function compiledIsCurrent() {
  try {
    const { builtAt, inputs } = JSON.parse(readFileSync(new URL('cli-inputs.json', dist), 'utf8'));
    const built = Math.min(
      builtAt,
      statSync(new URL('cli.js', dist)).mtimeMs,
      statSync(new URL('thread.js', dist)).mtimeMs,
    );
    return inputs.every((input) => statSync(resolve(repoRoot, input)).mtimeMs <= built);
  } catch {
    return false;
  }
}

if (process.env.MOVIE_GENERATOR_CLI_SOURCES !== '1' && compiledIsCurrent()) {
  await import(new URL('cli.js', dist).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
