import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir } from '@movie-generator/test-helpers';
import { afterEach, describe, expect, it } from 'vitest';
import { PipelineError } from './errors.ts';
import { type PipelineOptions, renderScript } from './pipeline.ts';

// The job's work directory is made once: by the pipeline under `workRoot`, or by the caller (the
// worker, whose directory also holds the video) and then used as is, with nothing nested in it.

const script = JSON.parse(
  await readFile(new URL('../fixtures/script-ja-short.json', import.meta.url), 'utf8'),
) as unknown;

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

/**
 * Speaks the script for real, then stops the run as the slides stage starts; returns what `dir`
 * held at that moment.
 */
async function contentsWhenSpoken(dir: string, options: Partial<PipelineOptions>): Promise<string[]> {
  const controller = new AbortController();
  let seen: string[] | undefined;
  const error = await renderScript(script, {
    outPath: join(dir, 'video.mp4'),
    signal: controller.signal,
    onProgress: (p) => {
      if (p.stage !== 'slides' || seen) return;
      seen = readdirSync(dir).sort();
      controller.abort();
    },
    ...options,
  }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PipelineError);
  expect((error as PipelineError).code).toBe('CANCELLED');
  expect(seen).toBeDefined();
  return seen ?? [];
}

describe('the work directory', () => {
  it("is the caller's when it gives one: used as is, nothing nested, left for the caller", async () => {
    const temp = await makeTempDir('mg-workdir-');
    cleanup = temp.cleanup;
    const seen = await contentsWhenSpoken(temp.dir, { workDir: temp.dir });
    // The narration went straight into the caller's directory.
    expect(seen).toContain('audio');
    expect(readdirSync(join(temp.dir, 'audio'))).toContain('000.wav');
    expect(seen.filter((name) => name.startsWith('mg-job-'))).toEqual([]);
    expect(existsSync(temp.dir)).toBe(true);
  });

  it('is made under workRoot otherwise, and removed when the run ends', async () => {
    const temp = await makeTempDir('mg-workroot-');
    cleanup = temp.cleanup;
    const seen = await contentsWhenSpoken(temp.dir, { workRoot: temp.dir });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/^mg-job-/u);
    expect(readdirSync(temp.dir)).toEqual([]);
  });
});
