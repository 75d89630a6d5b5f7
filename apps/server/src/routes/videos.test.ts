import { readFile, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { makeTempDir, useTestMongo } from '@movie-generator/test-helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  finishJob,
  makeTinyMp4,
  PUBLIC_URL,
  startTestServer,
  type TestServer,
} from '../testing/test-server.ts';
import { downloadName } from './download-name.ts';
import { jobIdOfFile, storedFileOf } from './videos.ts';

/** A GET with the path sent exactly as written (fetch would normalise `..`). */
function rawGet(url: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method: 'GET', path }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe.each(['gridfs', 'fs'] as const)('GET /videos/<id>.mp4 from %s storage', (storage) => {
  const mongo = useTestMongo({ emptyBeforeEach: false });
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let server: TestServer;
  let bytes: Buffer;
  let id: string;
  let videoUrl: string;

  beforeAll(async () => {
    temp = await makeTempDir('mg-videos-');
    server = await startTestServer(mongo.db, { STORAGE: storage, DATA_DIR: temp.dir });
    const mp4 = await makeTinyMp4(temp.dir);
    bytes = await readFile(mp4);
    ({ id } = await server.client.job.create.mutate({ url: PUBLIC_URL }));
    await finishJob(server, id, mp4);
    const view = await server.client.job.get.query({ id });
    expect(view).toMatchObject({
      status: 'completed',
      videoUrl: `/videos/${id}.mp4`,
      videoSize: bytes.length,
    });
    videoUrl = `${server.url}${view.videoUrl}`;
  });
  afterAll(async () => {
    await server.close();
    await temp.cleanup();
  });

  it('stores the video where STORAGE says', async () => {
    const doc = await mongo.db.collection('jobs').findOne({ jobId: id });
    expect(doc?.video?.kind).toBe(storage);
    expect(await mongo.db.collection('videos.files').countDocuments()).toBe(storage === 'gridfs' ? 1 : 0);
  });

  it('sends the whole MP4 with its length and type', async () => {
    const res = await fetch(videoUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('video/mp4');
    expect(res.headers.get('content-length')).toBe(String(bytes.length));
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-disposition')).toBeNull();
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    // The bytes are a real MP4: an ftyp box at the start.
    expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
  });

  it.each([
    ['bytes=0-99', 0, 99],
    ['bytes=-100', -100, -1],
    ['bytes=100-', 100, -1],
    ['bytes=50-9999999', 50, -1],
  ])('answers Range %s with 206 and exactly those bytes', async (range, from, to) => {
    const start = from < 0 ? bytes.length + from : from;
    const end = to < 0 ? bytes.length - 1 : to;
    const res = await fetch(videoUrl, { headers: { range } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes ${start}-${end}/${bytes.length}`);
    expect(res.headers.get('content-length')).toBe(String(end - start + 1));
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes.subarray(start, end + 1))).toBe(true);
  });

  it('answers a range past the end with 416 and the size', async () => {
    const res = await fetch(videoUrl, { headers: { range: 'bytes=999999999-' } });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe(`bytes */${bytes.length}`);
    await res.arrayBuffer();
  });

  it('ignores a malformed Range and sends everything', async () => {
    const res = await fetch(videoUrl, { headers: { range: 'lines=1-2' } });
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBe(bytes.length);
  });

  it('offers a download with a safe file name for ?download=1', async () => {
    const res = await fetch(`${videoUrl}?download=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="?movie-${id}\\.mp4"?$`),
    );
    expect((await res.arrayBuffer()).byteLength).toBe(bytes.length);
  });

  it('answers HEAD with the headers only', async () => {
    const res = await fetch(videoUrl, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(bytes.length));
  });

  it('404s unknown, malformed and traversal ids, unfinished and expired jobs', async () => {
    const status = async (path: string) => {
      const res = await fetch(`${server.url}${path}`);
      await res.arrayBuffer();
      return res.status;
    };
    expect(await status('/videos/AAAAAAAAAAAAAAAAAAAAAAAA.mp4')).toBe(404);
    expect(await status('/videos/..%2F..%2Fetc%2Fpasswd.mp4')).toBe(404);
    expect(await status('/videos/%2e%2e%2fpackage.json')).toBe(404);
    expect(await status(`/videos/${id}`)).toBe(404);
    expect(await status(`/videos/${id}.mp4/x`)).toBe(404);
    expect(await rawGet(server.url, '/videos/../../../etc/passwd.mp4')).toBe(404);
    expect(await rawGet(server.url, `/videos/${id}.mp4/../../package.json`)).toBe(404);

    const pending = await server.client.job.create.mutate({ url: PUBLIC_URL });
    expect(await status(`/videos/${pending.id}.mp4`)).toBe(404);

    const expiring = await server.client.job.create.mutate({ url: PUBLIC_URL });
    await finishJob(server, expiring.id, `${temp.dir}/tiny.mp4`);
    expect(await status(`/videos/${expiring.id}.mp4`)).toBe(200);
    await mongo.db
      .collection('jobs')
      .updateOne({ jobId: expiring.id }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await status(`/videos/${expiring.id}.mp4`)).toBe(404);
  });
});

describe.each(['gridfs', 'fs'] as const)('the poster and subtitles from %s storage', (storage) => {
  const mongo = useTestMongo({ emptyBeforeEach: false });
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let server: TestServer;
  let id: string;
  const files = { poster: 'poster.jpg', vtt: 'captions.vtt', srt: 'captions.srt' } as const;
  const contents = {
    poster: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]),
    vtt: Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\nこんにちは\n'),
    srt: Buffer.from('1\n00:00:00,000 --> 00:00:01,000\nこんにちは\n'),
  };

  beforeAll(async () => {
    temp = await makeTempDir('mg-artifacts-');
    server = await startTestServer(mongo.db, { STORAGE: storage, DATA_DIR: temp.dir });
    const mp4 = await makeTinyMp4(temp.dir);
    for (const kind of ['poster', 'vtt', 'srt'] as const)
      await writeFile(join(temp.dir, files[kind]), contents[kind]);
    ({ id } = await server.client.job.create.mutate({ url: PUBLIC_URL }));
    await finishJob(server, id, mp4, {
      title: 'Two-year-old bug: what it means!',
      files: {
        poster: join(temp.dir, files.poster),
        vtt: join(temp.dir, files.vtt),
        srt: join(temp.dir, files.srt),
      },
    });
  });
  afterAll(async () => {
    await server.close();
    await temp.cleanup();
  });

  it('lists them in the job view with the title', async () => {
    expect(await server.client.job.get.query({ id })).toMatchObject({
      title: 'Two-year-old bug: what it means!',
      posterUrl: `/videos/${id}.jpg`,
      captionsUrl: `/videos/${id}.vtt`,
      subtitlesUrl: `/videos/${id}.srt`,
    });
  });

  it.each([
    ['jpg', 'poster', 'image/jpeg', null],
    ['vtt', 'vtt', 'text/vtt; charset=utf-8', null],
    ['srt', 'srt', 'application/x-subrip; charset=utf-8', 'two-year-old-bug-what-it-means.srt'],
  ] as const)('serves <id>.%s with its bytes and type', async (ext, kind, type, attachment) => {
    const res = await fetch(`${server.url}/videos/${id}.${ext}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('cache-control')).toBe('private, max-age=3600');
    const disposition = res.headers.get('content-disposition');
    if (attachment) expect(disposition).toMatch(new RegExp(`^attachment; filename="?${attachment}"?$`));
    else expect(disposition).toBeNull();
    expect(Buffer.from(await res.arrayBuffer()).equals(contents[kind])).toBe(true);
  });

  it('names the MP4 download after the article', async () => {
    const res = await fetch(`${server.url}/videos/${id}.mp4?download=1`);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="?two-year-old-bug-what-it-means\.mp4"?$/,
    );
    await res.arrayBuffer();
  });

  it('404s them for jobs without them, and once the job has expired', async () => {
    const status = async (path: string) => {
      const res = await fetch(`${server.url}${path}`);
      await res.arrayBuffer();
      return res.status;
    };
    const plain = await server.client.job.create.mutate({ url: PUBLIC_URL });
    await finishJob(server, plain.id, join(temp.dir, 'tiny.mp4'));
    expect(await server.client.job.get.query({ id: plain.id })).toMatchObject({
      posterUrl: null,
      captionsUrl: null,
      subtitlesUrl: null,
    });
    for (const ext of ['jpg', 'vtt', 'srt', 'png', 'txt'])
      expect(await status(`/videos/${plain.id}.${ext}`)).toBe(404);
    expect(await status(`/videos/${id}.jpg`)).toBe(200);
    await mongo.db
      .collection('jobs')
      .updateOne({ jobId: id }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    for (const ext of ['jpg', 'vtt', 'srt']) expect(await status(`/videos/${id}.${ext}`)).toBe(404);
  });
});

describe('downloadName', () => {
  it('slugs the title, keeps any script, falls back when nothing is left', () => {
    expect(downloadName('Hello, World: A Test!', 'movie-x', 'mp4')).toBe('hello-world-a-test.mp4');
    expect(downloadName('フリーWi-Fiの危険性', 'movie-x', 'mp4')).toBe('フリーwi-fiの危険性.mp4');
    expect(downloadName('  ***  ', 'movie-x', 'srt')).toBe('movie-x.srt');
    expect(downloadName(null, 'movie-x', 'mp4')).toBe('movie-x.mp4');
    expect(downloadName('a'.repeat(100), 'movie-x', 'mp4')).toBe(`${'a'.repeat(60)}.mp4`);
  });
});

describe('storedFileOf', () => {
  it('takes <job id>.mp4, .jpg, .vtt and .srt only', () => {
    const id = 'AAAAAAAAAAAAAAAAAAAAAAAA';
    expect(storedFileOf(`${id}.mp4`)).toEqual({ jobId: id, artifact: null });
    expect(storedFileOf(`${id}.jpg`)).toEqual({ jobId: id, artifact: 'poster' });
    expect(storedFileOf(`${id}.vtt`)).toEqual({ jobId: id, artifact: 'vtt' });
    expect(storedFileOf(`${id}.srt`)).toEqual({ jobId: id, artifact: 'srt' });
    expect(storedFileOf(`${id}.png`)).toBeNull();
    expect(storedFileOf(`${id}.jpg.mp4`)).toBeNull();
    expect(storedFileOf('../x.jpg')).toBeNull();
  });
});

describe('jobIdOfFile', () => {
  it('takes only <job id>.mp4', () => {
    expect(jobIdOfFile('AAAAAAAAAAAAAAAAAAAAAAAA.mp4')).toBe('AAAAAAAAAAAAAAAAAAAAAAAA');
    expect(jobIdOfFile('AAAAAAAAAAAAAAAAAAAAAAAA')).toBeNull();
    expect(jobIdOfFile('../../etc/passwd.mp4')).toBeNull();
    expect(jobIdOfFile('AAAAAAAAAAAAAAAAAAAAAAAA.mp4.mp4')).toBeNull();
    expect(jobIdOfFile('short.mp4')).toBeNull();
  });
});
