import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { crc32, deflateSync } from 'node:zlib';
import { makeTempDir, startHttpServer, type TestHttpServer } from '@movie-generator/test-helpers';
import { isBlockedAddress } from '@movie-generator/url-policy';
import { pino } from 'pino';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PipelineError } from '../errors.ts';
import { type Script, ScriptSchema } from '../schema/script.ts';
import { makeTestContext } from '../test-context.ts';
import { fetchScriptImages, localImageSources, scriptImageUrls } from './fetch-images.ts';
import { isLocalImageSource } from './local-source.ts';
import { sniffImageFormat } from './sniff.ts';

const treat127001AsPublic = (address: string) => address !== '127.0.0.1' && isBlockedAddress(address);

/** A PNG whose header claims `width`×`height` but carries almost no pixel data (a pixel bomb). */
function pixelBombPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(1 + 3 * 64))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const photo = (format: 'jpeg' | 'png' | 'gif' | 'webp' | 'avif', width = 640, height = 400) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 60, b: 40 } } })
    .toFormat(format)
    .toBuffer();

let server: TestHttpServer;
let tmp: { dir: string; cleanup: () => Promise<void> };
const bodies = new Map<string, { type: string; body: Buffer }>();

beforeAll(async () => {
  tmp = await makeTempDir('mg-images-');
  bodies.set('/photo.jpg', { type: 'image/jpeg', body: await photo('jpeg') });
  // Rotated by EXIF: stored 640×400, shown 400×640.
  const rotated = await sharp(await photo('jpeg'))
    .withMetadata({ orientation: 6 })
    .jpeg()
    .toBuffer();
  bodies.set('/rotated.jpg', { type: 'image/jpeg', body: rotated });
  bodies.set('/big.png', { type: 'image/png', body: await photo('png', 2400, 1600) });
  bodies.set('/anim.gif', { type: 'image/gif', body: await photo('gif') });
  bodies.set('/pic.webp', { type: 'image/webp', body: await photo('webp') });
  bodies.set('/pic.avif', { type: 'image/avif', body: await photo('avif') });
  // Labels lie: a JPEG sent as text with an .svg name is a picture; HTML sent as image/jpeg is not.
  bodies.set('/mislabelled.svg', { type: 'text/plain', body: await photo('jpeg') });
  bodies.set('/fake.jpg', { type: 'image/jpeg', body: Buffer.from('<!doctype html><p>not a picture</p>') });
  bodies.set('/drawing.svg', {
    type: 'image/svg+xml',
    body: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="640" height="400"><rect/></svg>'),
  });
  bodies.set('/bomb.png', { type: 'image/png', body: pixelBombPng(50_000, 50_000) });
  bodies.set('/pixel.gif', { type: 'image/gif', body: await photo('gif', 1, 1) });
  bodies.set('/banner.png', { type: 'image/png', body: await photo('png', 1200, 100) });
  bodies.set('/huge.jpg', {
    type: 'image/jpeg',
    body: Buffer.concat([await photo('jpeg'), Buffer.alloc(6 * 1024 * 1024)]),
  });
  server = await startHttpServer((req, res) => {
    const path = req.url.split('?')[0]!;
    if (path === '/slow.jpg') return; // never answers
    if (path === '/redirect-out') {
      res.writeHead(302, { location: 'http://10.20.30.40/photo.jpg' }).end();
      return;
    }
    if (path === '/redirect-in') {
      res.writeHead(302, { location: '/photo.jpg' }).end();
      return;
    }
    const found = bodies.get(path);
    if (!found) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': found.type }).end(found.body);
  });
});

afterAll(async () => {
  await server?.close();
  await tmp?.cleanup();
});

function scriptWith(lead: string | undefined, sectionImages: string[]): Script {
  return ScriptSchema.parse({
    title: 'Pictures',
    language: 'en',
    ...(lead ? { leadImage: { url: lead } } : {}),
    sections: [
      { kind: 'opening', title: 'Pictures', narrations: [{ text: 'Hello.' }] },
      ...sectionImages.map((url, i) => ({
        title: `Section ${i}`,
        bullets: ['A point.'],
        narrations: [{ text: 'A sentence.' }],
        layout: 'picture',
        image: { url, caption: `Caption ${i}` },
      })),
    ],
  });
}

/** A context whose log lines are kept, to check that every skipped picture says why. */
function recordingContext(workDir: string, signal?: AbortSignal) {
  const lines: Array<{ url?: string; reason?: string; msg: string }> = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString('utf8')));
      done();
    },
  });
  const ctx = { ...makeTestContext(signal, workDir), log: pino({ level: 'debug' }, stream) };
  return { ctx, lines };
}

const skipReason = (lines: Array<{ url?: string; reason?: string; msg: string }>, url: string) =>
  lines.find((l) => l.url === url && l.msg.startsWith('picture skipped'))?.reason;

describe('sniffImageFormat', () => {
  it('recognises the five formats by their bytes and nothing else', async () => {
    for (const format of ['jpeg', 'png', 'gif', 'webp', 'avif'] as const) {
      expect(sniffImageFormat(await photo(format))).toBe(format);
    }
    expect(sniffImageFormat(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBeUndefined();
    expect(sniffImageFormat(Buffer.from('<!doctype html><html></html>'))).toBeUndefined();
    expect(sniffImageFormat(Buffer.from([0xff, 0xd8]))).toBeUndefined();
  });
});

describe('fetchScriptImages', () => {
  it('downloads through the guarded fetch and re-encodes every accepted format as a slide-sized JPEG', async () => {
    const u = (p: string) => `${server.url}${p}`;
    const urls = [
      '/photo.jpg',
      '/rotated.jpg',
      '/big.png',
      '/anim.gif',
      '/pic.webp',
      '/pic.avif',
      '/mislabelled.svg',
      '/redirect-in',
    ];
    const { ctx, lines } = recordingContext(join(tmp.dir, 'ok'));
    const images = await fetchScriptImages(
      scriptWith(u(urls[0]!), urls.slice(1).map(u)),
      { allowPrivateNetwork: true },
      ctx,
    );
    expect(lines.filter((l) => l.msg.startsWith('picture skipped'))).toEqual([]);
    expect([...images.keys()].sort()).toEqual(urls.map(u).sort());
    for (const image of images.values()) {
      const meta = await sharp(image.path).metadata();
      expect(meta).toMatchObject({ format: 'jpeg', space: 'srgb', width: image.width, height: image.height });
      expect(Math.max(image.width, image.height)).toBeLessThanOrEqual(1280);
    }
    expect(images.get(u('/rotated.jpg'))).toMatchObject({ width: 400, height: 640 });
    expect(images.get(u('/big.png'))).toMatchObject({ width: 1280, height: 853 });
    expect(images.get(u('/photo.jpg'))).toMatchObject({ width: 640, height: 400 });
    expect(ctx.progress.at(-1)?.message.en).toBe("Fetching the article's pictures (8/8)");
    // The renderer's form: data: URLs of the JPEGs.
    const sources = await localImageSources(images);
    for (const src of sources.values()) expect(isLocalImageSource(src.src)).toBe(true);
  });

  it('skips pictures that are not pictures, too big, bombs, decorative or failing, saying why', async () => {
    const bad = {
      '/fake.jpg': /not a JPEG, PNG, GIF, WebP or AVIF/,
      '/drawing.svg': /not a JPEG, PNG, GIF, WebP or AVIF/,
      '/bomb.png': /50000×50000 is over 8000×8000/,
      '/pixel.gif': /icon-sized/,
      '/banner.png': /banner or spacer/,
      '/huge.jpg': /TOO_LARGE|over 5242880/,
      '/missing.jpg': /HTTP 404/,
    };
    const u = (p: string) => `${server.url}${p}`;
    const { ctx, lines } = recordingContext(join(tmp.dir, 'bad'));
    const images = await fetchScriptImages(
      scriptWith(u('/photo.jpg'), Object.keys(bad).map(u)),
      { allowPrivateNetwork: true },
      ctx,
    );
    expect([...images.keys()]).toEqual([u('/photo.jpg')]);
    for (const [path, reason] of Object.entries(bad)) expect(skipReason(lines, u(path))).toMatch(reason);
    // Nothing but the one good picture was written.
    expect(await readdir(join(tmp.dir, 'bad', 'images'))).toEqual(['image-0.jpg']);
    // The user is told, not only the log.
    expect(ctx.progress.at(-1)?.message).toEqual({
      ja: '記事の画像 8 枚のうち 7 枚を取得できませんでした（そのスライドは文字だけで表示します）',
      en: "7 of the article's 8 pictures could not be fetched (their slides show text only)",
    });
  });

  it('applies the address policy to every picture and every redirect hop', async () => {
    const before = server.requests.length;
    const { ctx, lines } = recordingContext(join(tmp.dir, 'blocked'));
    const direct = `${server.url}/photo.jpg`;
    expect(await fetchScriptImages(scriptWith(direct, []), {}, ctx)).toEqual(new Map());
    expect(skipReason(lines, direct)).toMatch(/BLOCKED_ADDRESS/);
    expect(server.requests.length).toBe(before);

    const hop = `${server.url}/redirect-out`;
    const second = recordingContext(join(tmp.dir, 'blocked-hop'));
    const images = await fetchScriptImages(scriptWith(hop, []), {}, second.ctx, {
      isBlockedAddressForTests: treat127001AsPublic,
    });
    expect(images.size).toBe(0);
    expect(skipReason(second.lines, hop)).toMatch(/BLOCKED_ADDRESS/);
    expect(server.requests.slice(before).map((r) => r.url)).toEqual(['/redirect-out']);
  });

  it('takes at most 8 pictures, each URL once', () => {
    const urls = Array.from({ length: 10 }, (_, i) => `https://example.com/${i}.jpg`);
    const script = scriptWith(urls[0], [urls[0]!, ...urls.slice(1)]);
    expect(scriptImageUrls(script)).toEqual(urls.slice(0, 8));
    // A section image its slide would not show is not downloaded.
    const unshown = ScriptSchema.parse({
      ...script,
      sections: script.sections.map((s) => (s.kind === 'body' ? { ...s, layout: 'bullets' } : s)),
    });
    expect(scriptImageUrls(unshown)).toEqual([urls[0]]);
  });

  it('gives up on pictures past the time box without failing', async () => {
    const { ctx, lines } = recordingContext(join(tmp.dir, 'slow'));
    const slow = `${server.url}/slow.jpg`;
    const started = performance.now();
    const images = await fetchScriptImages(
      scriptWith(`${server.url}/photo.jpg`, [slow]),
      { allowPrivateNetwork: true, timeoutMs: 700 },
      ctx,
    );
    expect(performance.now() - started).toBeLessThan(3000);
    expect([...images.keys()]).toEqual([`${server.url}/photo.jpg`]);
    expect(skipReason(lines, slow)).toBe('not done within 700 ms');
  });

  it('rejects with CANCELLED when the job is cancelled', async () => {
    const controller = new AbortController();
    const { ctx } = recordingContext(join(tmp.dir, 'cancel'), controller.signal);
    setTimeout(() => controller.abort(), 200);
    const error = await fetchScriptImages(
      scriptWith(`${server.url}/slow.jpg`, []),
      { allowPrivateNetwork: true },
      ctx,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as PipelineError).code).toBe('CANCELLED');
  });
});
