import { describe, expect, it } from 'vitest';
import { JobCreateInput, JobView, jobSettingsOf, VIDEO_STYLES, VideoStyleSchema } from './schemas.ts';
import { sampleJobView } from './testing/sample-job-view.ts';

describe('the video style', () => {
  it('is narration or dialogue', () => {
    expect(VIDEO_STYLES).toEqual(['narration', 'dialogue']);
    expect(VideoStyleSchema.safeParse('dialogue').success).toBe(true);
    for (const bad of ['Dialogue', 'duet', '', null, 1]) {
      expect(VideoStyleSchema.safeParse(bad).success, String(bad)).toBe(false);
    }
  });

  it('job.create defaults to narration and keeps a chosen dialogue', () => {
    expect(JobCreateInput.parse({ url: 'https://example.com/a' }).style).toBe('narration');
    expect(JobCreateInput.parse({ url: 'https://example.com/a', style: 'dialogue' }).style).toBe('dialogue');
    const refused = JobCreateInput.safeParse({ url: 'https://example.com/a', style: 'monologue' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => i.path)).toEqual([['style']]);
  });

  it('the job view requires it', () => {
    const view = sampleJobView({ style: 'dialogue' });
    expect(JobView.parse(view).style).toBe('dialogue');
    const { style: _, ...withoutStyle } = view;
    expect(JobView.safeParse(withoutStyle).success).toBe(false);
  });
});

describe("a job's settings", () => {
  it("are job.create's, its defaults filled in", () => {
    expect(jobSettingsOf({})).toMatchObject({
      language: null,
      size: '720p',
      vertical: false,
      style: 'narration',
    });
    const asked = { language: 'en', size: '1080p', vertical: true, style: 'dialogue' } as const;
    expect(jobSettingsOf(asked)).toMatchObject(asked);
  });

  it('are refused when job.create would refuse them', () => {
    expect(() => jobSettingsOf({ size: '4k' as never })).toThrow();
  });
});
