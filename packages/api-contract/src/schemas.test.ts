import { describe, expect, it } from 'vitest';
import { JobCreateInput, JobView, VIDEO_STYLES, VideoStyleSchema } from './schemas.ts';

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
    const view = {
      id: 'abcdefghijklmnopqrstuvwx',
      url: 'https://example.com/a',
      status: 'pending',
      progress: 0,
      step: null,
      message: null,
      queuePosition: 1,
      etaSec: null,
      errorCode: null,
      errorMessage: null,
      title: null,
      videoUrl: null,
      posterUrl: null,
      captionsUrl: null,
      subtitlesUrl: null,
      videoSize: null,
      durationSec: null,
      language: null,
      size: '720p',
      vertical: false,
      style: 'dialogue',
      createdAt: new Date(0).toISOString(),
      startedAt: null,
      completedAt: null,
      expiresAt: new Date(86_400_000).toISOString(),
    };
    expect(JobView.parse(view).style).toBe('dialogue');
    const { style: _, ...withoutStyle } = view;
    expect(JobView.safeParse(withoutStyle).success).toBe(false);
  });
});
