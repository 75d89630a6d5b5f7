import { utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir } from '@movie-generator/test-helpers';
import { afterEach, describe, expect, it } from 'vitest';
import { FsVideoStore } from './fs.ts';

describe('FsVideoStore leftovers', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>> | undefined;
  afterEach(async () => {
    await temp?.cleanup();
  });

  it('lists videos older than a time with their job ids, and removes old partial copies only', async () => {
    temp = await makeTempDir('mg-fs-store-');
    const store = new FsVideoStore(temp.dir);
    const source = join(temp.dir, 'source.mp4');
    await writeFile(source, Buffer.alloc(2048, 1));
    const old = await store.save('job-old-000000000000000a', source);
    const young = await store.save('job-young-00000000000000', source);
    const hoursAgo = new Date(Date.now() - 7 * 3600_000);
    if (old.video.kind !== 'fs' || young.video.kind !== 'fs') throw new Error('expected fs videos');
    await utimes(old.video.path, hoursAgo, hoursAgo);
    // A copy that never got renamed: the worker died while saving.
    const oldPartial = `${old.video.path.replace('job-old', 'job-dead')}.partial`;
    const youngPartial = `${young.video.path}.partial`;
    await writeFile(oldPartial, 'x');
    await writeFile(youngPartial, 'x');
    await utimes(oldPartial, hoursAgo, hoursAgo);

    const before = new Date(Date.now() - 6 * 3600_000);
    const listed = [];
    for await (const entry of store.listStoredBefore(before)) listed.push(entry);
    expect(listed).toEqual([{ jobId: 'job-old-000000000000000a', video: old.video }]);

    expect(await store.removeIncompleteBefore(before)).toBe(1);
    expect(await store.size({ kind: 'fs', path: oldPartial })).toBeNull();
    expect(await store.size({ kind: 'fs', path: youngPartial })).toBe(1);
    expect(await store.size(old.video)).toBe(2048);
  });

  it('stores the files beside a video under the job id, lists and removes them like videos', async () => {
    temp = await makeTempDir('mg-fs-store-');
    const store = new FsVideoStore(temp.dir);
    const jobId = 'job-art-00000000000000000';
    const files = { poster: 'p.jpg', vtt: 'c.vtt', srt: 'c.srt' } as const;
    const stored = [];
    for (const [kind, name] of Object.entries(files) as [keyof typeof files, string][]) {
      await writeFile(join(temp.dir, name), `${kind}-bytes`);
      const saved = await store.saveArtifact(jobId, kind, join(temp.dir, name));
      expect(saved.kind).toBe('fs');
      expect(Buffer.concat(await store.open(saved).toArray()).toString()).toBe(`${kind}-bytes`);
      stored.push(saved);
    }
    // Each attempt's files have names of their own, like its video: <jobId>.<random>.<ext>.
    const names = stored.map((s) => (s.kind === 'fs' ? s.path.split('/').at(-1) : ''));
    expect(names).toEqual([
      expect.stringMatching(new RegExp(`^${jobId}\\.[0-9a-f]{12}\\.jpg$`)),
      expect.stringMatching(new RegExp(`^${jobId}\\.[0-9a-f]{12}\\.vtt$`)),
      expect.stringMatching(new RegExp(`^${jobId}\\.[0-9a-f]{12}\\.srt$`)),
    ]);
    const listed = [];
    for await (const entry of store.listStoredBefore(new Date(Date.now() + 60_000))) listed.push(entry);
    const byPath = (a: { video: { kind: string } }, b: { video: { kind: string } }) =>
      JSON.stringify(a.video).localeCompare(JSON.stringify(b.video));
    expect(listed.sort(byPath)).toEqual(stored.map((video) => ({ jobId, video })).sort(byPath));
    for (const video of stored) await store.remove(video);
    for (const video of stored) expect(await store.size(video)).toBeNull();
  });
});

describe('FsVideoStore attempts', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>> | undefined;
  afterEach(async () => {
    await temp?.cleanup();
  });

  it('writes each attempt of a job to a file of its own, so a stale worker cannot delete its successor’s video', async () => {
    temp = await makeTempDir('mg-fs-store-');
    const store = new FsVideoStore(temp.dir);
    const source = join(temp.dir, 'source.mp4');
    await writeFile(source, Buffer.alloc(1024, 1));
    const jobId = 'job-twice-000000000000000';
    // The first worker stalled; the queue gave the job to a second one, which saved and completed.
    const stale = await store.save(jobId, source);
    const successor = await store.save(jobId, source);
    expect(successor.video).not.toEqual(stale.video);
    // The stale worker's completion is refused, so it removes "its" video.
    await store.remove(stale.video);
    expect(await store.size(successor.video)).toBe(1024);
    expect(await store.size(stale.video)).toBeNull();

    const listed = [];
    for await (const entry of store.listStoredBefore(new Date(Date.now() + 60_000))) listed.push(entry);
    expect(listed).toEqual([{ jobId, video: successor.video }]);
  });
});
