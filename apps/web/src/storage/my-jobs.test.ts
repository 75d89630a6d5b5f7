import { describe, expect, it } from 'vitest';
import { addMyJob, MY_JOBS_STORAGE_KEY, readMyJobs, removeMyJob } from './my-jobs.ts';

const job = (id: string, minutesAgo = 1) => ({
  id,
  url: `https://example.com/${id}`,
  createdAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
});

describe('my jobs (localStorage)', () => {
  it('keeps the newest first, without duplicates', () => {
    addMyJob(job('a'));
    addMyJob(job('b'));
    addMyJob(job('a'));
    expect(readMyJobs().map((j) => j.id)).toEqual(['a', 'b']);
    removeMyJob('a');
    expect(readMyJobs().map((j) => j.id)).toEqual(['b']);
  });

  it('forgets jobs older than the retention, and keeps at most 20', () => {
    addMyJob(job('old', 26 * 60));
    for (let i = 0; i < 25; i++) addMyJob(job(`j${i}`));
    const ids = readMyJobs().map((j) => j.id);
    expect(ids).toHaveLength(20);
    expect(ids[0]).toBe('j24');
    expect(ids).not.toContain('old');
  });

  it('survives storage written by something else', () => {
    localStorage.setItem(MY_JOBS_STORAGE_KEY, '{not json');
    expect(readMyJobs()).toEqual([]);
    localStorage.setItem(MY_JOBS_STORAGE_KEY, JSON.stringify([{ id: 1 }]));
    expect(readMyJobs()).toEqual([]);
    addMyJob(job('fresh'));
    expect(readMyJobs().map((j) => j.id)).toEqual(['fresh']);
  });

  it('sees jobs added by another tab', () => {
    localStorage.setItem(MY_JOBS_STORAGE_KEY, JSON.stringify([job('other-tab')]));
    expect(readMyJobs().map((j) => j.id)).toEqual(['other-tab']);
  });
});
