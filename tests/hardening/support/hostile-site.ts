import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import { startHttpServer, type TestHttpServer } from '@movie-generator/test-helpers';
import iconv from 'iconv-lite';
import { ARTICLE_FIXTURES } from './paths.ts';

/** The article title a hostile page may carry: it must show as text everywhere, never run. */
export const XSS_TITLE = '<img src=x onerror=alert(1)><script>alert(2)</script>';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A long-enough English article body, with some words of our choosing mixed in. */
function article(title: string, paragraphs: string[], lang = 'en'): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta property="og:title" content="${escapeHtml(title)}"></head><body><article><h1>${escapeHtml(title)}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}</article></body></html>`;
}

const TIDES = [
  'The tide rises and falls twice a day because the Moon pulls on the oceans of the Earth.',
  'Water on the side facing the Moon is pulled a little more strongly than the Earth itself, so it bulges towards it.',
  'On the far side the Earth is pulled away from the water, which leaves a second bulge behind.',
  'As the Earth turns, every coast passes through both bulges, which is why most places see two high tides a day.',
];

/** Title and body text that must reach the script and the video as literal text. */
export const XSS_PAGE = article(XSS_TITLE, [
  ...TIDES,
  'A sentence that quotes markup: <script>alert(3)</script> and <b onmouseover=alert(4)>bold</b> stays text.',
]);

/** Very long words, emoji sequences and right-to-left text inside an English article. */
export const LONG_WORD = `Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft${'x'.repeat(120)}`;
export const EMOJI = '👨‍👩‍👧‍👦🇯🇵👍🏽🧑🏿‍🚀';
export const RTL_ARABIC = 'المد والجزر يحدثان مرتين في اليوم بسبب جاذبية القمر.';
export const RTL_HEBREW = 'הגאות והשפל מתרחשים פעמיים ביום בגלל משיכת הירח.';
export const UNICODE_PAGE = article(`Tides ${EMOJI} and the Moon`, [
  `${TIDES[0]} ${EMOJI.repeat(12)} is how the family felt about it.`,
  `The longest word in the guide is ${LONG_WORD} and it has no place to break.`,
  `In Arabic one says: ${RTL_ARABIC} In Hebrew: ${RTL_HEBREW}`,
  ...TIDES.slice(1),
]);

/** How much the gzip bomb inflates to: 50 times the 5 MB cap. */
export const GZIP_BOMB_MB = 256;

/** `mb` megabytes of spaces, gzipped (a quarter of a megabyte on the wire), made chunk by chunk. */
async function makeGzipBomb(mb: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const parts: Buffer[] = [];
  gzip.on('data', (part: Buffer) => parts.push(part));
  const ended = new Promise((resolve) => gzip.on('end', resolve));
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  for (let i = 0; i < mb; i++) {
    if (!gzip.write(chunk)) await new Promise((resolve) => gzip.once('drain', resolve));
  }
  gzip.end();
  await ended;
  return Buffer.concat(parts);
}

/** A title far longer than any slide can hold. */
export const LONG_TITLE = `${'A very long headline about the tides '.repeat(150)}end`;
export const LONG_TITLE_PAGE = article(LONG_TITLE, TIDES);

/** Every page the hostile tests need, by path; the query string is ignored. */
export interface HostileSite extends TestHttpServer {
  /** Requests received for `path` (query string ignored). */
  hits(path: string): number;
  /** Bytes /endless and /trickle managed to write before the client hung up. */
  written: Map<string, number>;
}

export async function startHostileSite(): Promise<HostileSite> {
  const [en, jaSjisSource, jaEucSource] = await Promise.all([
    readFile(join(ARTICLE_FIXTURES, 'en.html')),
    readFile(join(ARTICLE_FIXTURES, 'ja-sjis.utf8.html'), 'utf8'),
    readFile(join(ARTICLE_FIXTURES, 'ja-eucjp.utf8.html'), 'utf8'),
  ]);
  // The legacy-encoded Japanese pages without any charset declaration in the markup.
  const noMeta = (html: string) => html.replace(/<meta[^>]*charset[^>]*>/gi, '');
  const sjisUndeclared = iconv.encode(noMeta(jaSjisSource), 'Shift_JIS');
  const eucUndeclared = iconv.encode(noMeta(jaEucSource), 'EUC-JP');
  // 10 MB of real-looking HTML.
  const tenMb = Buffer.from(
    `<!doctype html><html><body>${'<p>The tide rises and falls twice a day. </p>\n'.repeat((10 * 1024 * 1024) / 46)}</body></html>`,
  );
  const gzipBomb = await makeGzipBomb(GZIP_BOMB_MB);
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
  const written = new Map<string, number>();
  const html = { 'content-type': 'text/html; charset=utf-8' };
  const send = (
    res: ServerResponse,
    status: number,
    headers: Record<string, string | number>,
    body?: Buffer | string,
  ) => {
    res.writeHead(status, headers);
    res.end(body);
  };

  let base = '';
  const server = await startHttpServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const path = url.pathname;
    switch (path) {
      case '/article':
        return send(res, 200, html, en);
      case '/xss':
        return send(res, 200, html, XSS_PAGE);
      case '/unicode':
        return send(res, 200, html, UNICODE_PAGE);
      case '/long-title':
        return send(res, 200, html, LONG_TITLE_PAGE);
      case '/pdf':
        return send(
          res,
          200,
          { 'content-type': 'application/pdf' },
          '%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n',
        );
      case '/image':
        return send(res, 200, { 'content-type': 'image/png' }, png);
      case '/json':
        return send(
          res,
          200,
          { 'content-type': 'application/json' },
          JSON.stringify({ title: 'x', body: 'y'.repeat(500) }),
        );
      case '/binary-untyped':
        return send(res, 200, {}, png);
      case '/empty-article':
        return send(
          res,
          200,
          html,
          '<!doctype html><html><head><title>Nothing here</title></head><body><article></article></body></html>',
        );
      case '/zero-bytes':
        return send(res, 200, html, '');
      case '/scripts-and-iframes':
        return send(
          res,
          200,
          html,
          `<!doctype html><html><head><title>App</title><script src="${base}/beacon/script.js"></script></head><body>
<script>document.write('<p>' + 'Written by a script that must never run. '.repeat(20) + '</p>');fetch('${base}/beacon/fetch');</script>
<iframe src="${base}/beacon/iframe"></iframe><iframe srcdoc="<p>${'Framed text that is not the article. '.repeat(20)}</p>"></iframe>
<img src="${base}/beacon/img"><noscript><p>Enable JavaScript.</p></noscript></body></html>`,
        );
      case '/sjis-undeclared':
        return send(res, 200, { 'content-type': 'text/html' }, sjisUndeclared);
      case '/eucjp-undeclared':
        return send(res, 200, { 'content-type': 'text/html' }, eucUndeclared);
      case '/sjis-declared-utf8':
        return send(res, 200, html, sjisUndeclared);
      case '/ten-mb':
        return send(res, 200, { ...html, 'content-length': tenMb.length }, tenMb);
      case '/ten-mb-chunked': {
        res.writeHead(200, html);
        // No Content-Length: the cap must stop it while reading.
        res.end(tenMb);
        return;
      }
      case '/gzip-bomb':
        return send(res, 200, { ...html, 'content-encoding': 'gzip' }, gzipBomb);
      case '/endless': {
        res.writeHead(200, html);
        const chunk = Buffer.from(`<p>${'never ending '.repeat(5000)}</p>`);
        // What reached the socket (not what waits in Node's buffer), read when the client hangs up.
        const socket = res.socket;
        const pump = () => {
          while (!res.destroyed && res.write(chunk)) {}
          if (!res.destroyed) res.once('drain', pump);
        };
        res.on('close', () => written.set('/endless', socket?.bytesWritten ?? 0));
        pump();
        return;
      }
      case '/trickle': {
        res.writeHead(200, html);
        let sent = 0;
        const timer = setInterval(() => {
          if (res.destroyed) return clearInterval(timer);
          res.write('<');
          sent += 1;
          written.set('/trickle', sent);
        }, 100);
        res.on('close', () => clearInterval(timer));
        return;
      }
      case '/redirect':
        return send(res, 302, { location: url.searchParams.get('to') ?? '/' });
      case '/loop-a':
        return send(res, 301, { location: '/loop-b' });
      case '/loop-b':
        return send(res, 307, { location: `${base}/loop-a` });
      case '/self':
        return send(res, 302, { location: '/self' });
      case '/chain': {
        const n = Number(url.searchParams.get('n') ?? 0);
        return send(res, 302, { location: n > 0 ? `/chain?n=${n - 1}` : '/article' });
      }
      default:
        if (path.startsWith('/beacon/')) return send(res, 200, { 'content-type': 'text/plain' }, 'seen');
        return send(res, 404, { 'content-type': 'text/plain' }, 'not found');
    }
  });
  base = server.url;
  return Object.assign(server, {
    written,
    hits: (path: string) =>
      server.requests.filter((r) => new URL(r.url, 'http://x').pathname === path).length,
  });
}
