import { describe, expect, it } from 'vitest';
import { PipelineEnvSchema, parsePipelineEnv, pipelineOptionsFromEnv } from './config.ts';

describe('the pipeline settings (CLI and worker)', () => {
  it('leaves stage timeouts, frame and bundle to the pipeline when unset', () => {
    const options = pipelineOptionsFromEnv(parsePipelineEnv({}));
    expect(options.stageTimeoutsMs).toEqual({});
    expect(options.frame).toBeUndefined();
    expect(options.render).toEqual({ renderer: 'fast', chromiumPath: '/usr/bin/chromium' });
    expect(options.fetch).toEqual({ allowPrivateNetwork: false });
  });

  it('reads STAGE_TIMEOUT_*_MS, PIPELINE_FRAME and REMOTION_BUNDLE_DIR; empty values count as unset', () => {
    const options = pipelineOptionsFromEnv(
      parsePipelineEnv({
        STAGE_TIMEOUT_FETCH_MS: '5000',
        STAGE_TIMEOUT_RENDER_MS: '600000',
        STAGE_TIMEOUT_AUDIO_MS: '',
        PIPELINE_FRAME: '320x180',
        REMOTION_BUNDLE_DIR: '/opt/bundle',
        RENDERER: 'full',
      }),
    );
    expect(options.stageTimeoutsMs).toEqual({ fetch: 5000, render: 600_000 });
    expect(options.frame).toEqual({ width: 320, height: 180 });
    expect(options.render).toEqual({
      renderer: 'full',
      chromiumPath: '/usr/bin/chromium',
      bundleDir: '/opt/bundle',
    });
  });

  it('refuses odd or tiny frames and timeouts that are not positive whole ms', () => {
    for (const frame of ['321x180', '8x8', '320', '320x180x2'])
      expect(() => parsePipelineEnv({ PIPELINE_FRAME: frame }), frame).toThrow(/PIPELINE_FRAME|even sizes/);
    for (const ms of ['0', '-5', '1.5', 'soon'])
      expect(() => parsePipelineEnv({ STAGE_TIMEOUT_SCRIPT_MS: ms }), ms).toThrow();
  });

  it('declares every stage timeout, one per stage', () => {
    expect(
      Object.keys(PipelineEnvSchema.shape)
        .filter((k) => k.startsWith('STAGE_TIMEOUT_'))
        .sort(),
    ).toEqual([
      'STAGE_TIMEOUT_AUDIO_MS',
      'STAGE_TIMEOUT_EXTRACT_MS',
      'STAGE_TIMEOUT_FETCH_MS',
      'STAGE_TIMEOUT_RENDER_MS',
      'STAGE_TIMEOUT_SCRIPT_MS',
      'STAGE_TIMEOUT_SLIDES_MS',
    ]);
  });
});
