// The pipeline's stages, driven one at a time (`@movie-generator/pipeline/testing`), with what
// the hardening suite needs around them.
import { tmpdir } from 'node:os';
import { type StageContext, silentLogger } from '@movie-generator/pipeline';
import { isBlockedAddress } from '@movie-generator/pipeline/testing';

export {
  type Article,
  displayWidth,
  extractArticle,
  fetchPageInternal,
  generateScript,
  subtitleCards,
} from '@movie-generator/pipeline/testing';

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
