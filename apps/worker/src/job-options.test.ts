import { describe, expect, it } from 'vitest';
import { jobPipelineOptions } from './job-options.ts';

describe('jobPipelineOptions', () => {
  const shared = {
    script: { provider: 'offline' as const, maxSections: 3, charBudget: 100 },
    render: { renderer: 'fast' as const },
  };

  it("passes the job's style to the script stage, keeping the worker's script options", () => {
    const options = jobPipelineOptions(
      { language: 'ja', size: '1080p', vertical: true, style: 'dialogue' },
      shared,
    );
    expect(options).toEqual({
      script: { provider: 'offline', maxSections: 3, charBudget: 100, style: 'dialogue' },
      render: { renderer: 'fast' },
      language: 'ja',
      size: '1080p',
      vertical: true,
    });
    // The shared options are not changed for the next job.
    expect(shared.script).toEqual({ provider: 'offline', maxSections: 3, charBudget: 100 });
  });

  it('asks for a narration, and leaves the language to the article when the job did', () => {
    const options = jobPipelineOptions(
      { language: null, size: '720p', vertical: false, style: 'narration' },
      {},
    );
    expect(options).toEqual({ script: { style: 'narration' }, size: '720p', vertical: false });
    expect('language' in options).toBe(false);
  });
});
