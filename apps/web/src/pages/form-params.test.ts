import { describe, expect, it } from 'vitest';
import { formInitialOf, retryHref } from './form-params.ts';

describe('retryHref / formInitialOf', () => {
  it('round-trips every option of a job', () => {
    const href = retryHref({
      url: 'https://example.com/a?b=1',
      size: '1080p',
      vertical: true,
      language: 'en',
      style: 'dialogue',
    });
    expect(formInitialOf(href.slice(2))).toEqual({
      url: 'https://example.com/a?b=1',
      size: '1080p',
      vertical: true,
      narration: 'en',
      style: 'dialogue',
    });
  });

  it('leaves out what the job left to the defaults', () => {
    const href = retryHref({
      url: 'https://example.com/',
      size: '720p',
      vertical: false,
      language: null,
      style: 'narration',
    });
    expect(formInitialOf(href.slice(2))).toEqual({ url: 'https://example.com/', size: '720p' });
  });

  it('ignores unknown values', () => {
    expect(formInitialOf('size=4k&lang=fr&vertical=yes&style=duet')).toEqual({});
  });
});
