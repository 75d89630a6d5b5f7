// The pipeline's stage functions and its fetch test hook are not part of its public exports
// (package.json "exports"); the hardening suite drives them directly, so it reaches into the
// package's source here, in this one place.
import { tmpdir } from 'node:os';
import { type StageContext, silentLogger } from '@movie-generator/pipeline';
import { isBlockedAddress } from '../../../packages/pipeline/src/fetch/address-policy.ts';

export { extractArticle } from '../../../packages/pipeline/src/extract/index.ts';
export type { Article } from '../../../packages/pipeline/src/extract/types.ts';
export { fetchPageInternal } from '../../../packages/pipeline/src/fetch/fetch-page.ts';
export { generateScript } from '../../../packages/pipeline/src/script/index.ts';
export { displayWidth, subtitleCards } from '../../../packages/pipeline/src/timeline/index.ts';

/** A stage context for driving one stage directly: never aborted, silent, progress ignored. */
export function makeTestContext(): StageContext {
  return {
    signal: new AbortController().signal,
    onProgress: () => undefined,
    log: silentLogger,
    workDir: tmpdir(),
  };
}

/**
 * The fetch stage's own test hook: 127.0.0.1 (our local server) stands in for a public host,
 * while every other refused address, 127.0.0.2 and ::1 included, stays refused.
 */
export const treat127001AsPublic = (address: string): boolean =>
  address !== '127.0.0.1' && isBlockedAddress(address);
