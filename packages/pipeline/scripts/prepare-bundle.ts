/**
 * Builds the Remotion bundle into the disk cache (see render/bundle.ts) unless the cache already
 * holds one for the current sources, so that the first video after `npm run setup` starts without
 * bundling. Run by scripts/setup.sh.
 */
import { bundleStats, disposeBundle, getBundle } from '../src/render/bundle.ts';

const started = performance.now();
const dir = await getBundle();
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `[setup] video template bundle: ${bundleStats.builds > 0 ? 'built' : 'cached'} in ${seconds} s (${dir})`,
);
await disposeBundle();
