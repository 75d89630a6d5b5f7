// Bundles the Remotion compositions into a fixed directory at image build time, so a worker
// renders its first video without the ~8 s webpack build (REMOTION_BUNDLE_DIR points here).
//
//   npx tsx docker/prebundle.ts <outDir>
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { buildBundle } from '@movie-generator/pipeline';

const target = process.argv[2];
if (!target) {
  console.error('usage: npx tsx docker/prebundle.ts <outDir>');
  process.exit(2);
}
const outDir = resolve(target);
await rm(outDir, { recursive: true, force: true });
await buildBundle(outDir);
console.log(join(outDir, 'index.html'));
// webpack may leave handles open; the bundle is complete.
process.exit(0);
