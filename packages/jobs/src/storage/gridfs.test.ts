import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { makeTempDir, useTestMongo } from '@movie-generator/test-helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GridFsVideoStore, READ_WINDOW_BYTES } from './gridfs.ts';

describe('GridFsVideoStore on MongoDB', () => {
  const mongo = useTestMongo({ emptyBeforeEach: false });
  let temp: { dir: string; cleanup: () => Promise<void> };
  beforeAll(async () => {
    temp = await makeTempDir('mg-gridfs-');
  });
  afterAll(async () => {
    await temp?.cleanup();
  });

  it('streams a video larger than 16 MB whole and by ranges across read windows', async () => {
    // A five-minute 720p video is about 18 MB: one cursor over all its chunks broke the embedded
    // server's reply ("offset is out of bounds"), so the download stopped at 0 bytes.
    const path = join(temp.dir, 'big.mp4');
    await writeFile(path, randomBytes(18 * 1024 * 1024 + 12_345));
    const store = new GridFsVideoStore(mongo.db);
    const { video, size } = await store.save('job-big', path);
    const original = await readFile(path);
    expect(size).toBe(original.length);
    expect((await buffer(store.open(video))).equals(original)).toBe(true);
    const start = READ_WINDOW_BYTES - 10;
    const end = 2 * READ_WINDOW_BYTES + 99;
    expect((await buffer(store.open(video, { start, end }))).equals(original.subarray(start, end + 1))).toBe(
      true,
    );
    expect((await buffer(store.open(video, { start: 0, end: 0 }))).equals(original.subarray(0, 1))).toBe(
      true,
    );
  });
});
