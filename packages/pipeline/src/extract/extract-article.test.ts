import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer, type TestHttpServer } from '@movie-generator/test-helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PipelineError } from '../errors.ts';
import { decodeHtml } from '../fetch/charset.ts';
import { fetchPage } from '../fetch/fetch-page.ts';
import type { FetchedPage } from '../fetch/types.ts';
import { msg } from '../i18n/messages.ts';
import { makeTestContext } from '../test-context.ts';
import { extractArticle } from './extract-article.ts';
import type { Article } from './types.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/articles/', import.meta.url));
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

/** A FetchedPage built from a fixture without the network, decoded the same way fetch does. */
function pageFrom(name: string, url = `https://news.example.com/${name}`): FetchedPage {
  const { html, charset } = decodeHtml(fixture(name));
  return { requestedUrl: url, url, html, charset, contentType: 'text/html' };
}

function pageOf(html: string, url = 'https://news.example.com/a'): FetchedPage {
  return { requestedUrl: url, url, html, charset: 'utf-8', contentType: 'text/html' };
}

async function extractError(promise: Promise<unknown>): Promise<PipelineError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PipelineError);
  return error as PipelineError;
}

function expectConsistent(article: Article): void {
  expect(article.paragraphs).toEqual(article.blocks.filter((b) => b.type === 'paragraph').map((b) => b.text));
  expect(article.textLength).toBe(article.paragraphs.reduce((n, p) => n + [...p].length, 0));
  for (const text of [...article.paragraphs, ...article.headings]) {
    expect(text).toBe(text.trim());
    expect(text).not.toMatch(/\s{2,}|\n/);
  }
}

const SHINKANSEN_HEADINGS = [
  '東海道線が限界を迎えていた',
  '速さと安全を両立させた仕組み',
  '全国へ広がった路線網',
  'これからの新幹線',
];
const RECYCLING_HEADINGS = [
  '燃やすごみは清掃工場へ',
  '資源ごみは選別されて生まれ変わる',
  '燃やさないごみと粗大ごみ',
  '分別が未来の負担を減らす',
];
const TIDES_HEADINGS = [
  'The Moon pulls unevenly',
  'Why the timing drifts',
  'Spring tides and neap tides',
  'Coastlines change everything',
];

describe('extractArticle on the fixtures (directly)', () => {
  it('ja-utf8.html: the Shinkansen article, without nav, ads, comments or sidebar', async () => {
    const ctx = makeTestContext();
    const article = await extractArticle(pageFrom('ja-utf8.html'), ctx);
    expect(article.title).toBe('新幹線はどのように生まれたのか\u3000開業から60年の歩み');
    expect(article.siteName).toBe('テツドウ・ノート');
    expect(article.language).toBe('ja');
    expect(article.headings).toEqual(SHINKANSEN_HEADINGS);
    expect(article.paragraphs).toHaveLength(11);
    expect(article.paragraphs[0]).toMatch(
      /^1964年10月1日、東京駅と新大阪駅を結ぶ東海道新幹線が開業しました。/,
    );
    expect(article.paragraphs.at(-1)).toMatch(/これからも注目していきたいと思います。$/);
    expect(article.textLength).toBe(1500);
    expect(article.leadImage).toBe('https://news.example.com/images/2024/shinkansen-0kei.jpg');
    expect(article.url).toBe('https://news.example.com/ja-utf8.html');
    const all = JSON.stringify(article);
    for (const noise of [
      'ホーム',
      '人気の記事',
      'コメント',
      '鉄道好き',
      'スポンサーリンク',
      '広告',
      'プライバシーポリシー',
      '編集部',
      'シェア',
    ]) {
      expect(all).not.toContain(noise);
    }
    // The inline script would have written this into the ad slots: scripts never ran.
    expect(all).not.toContain('読み込み中');
    // Blocks keep document order: the intro, then each heading followed by its paragraphs.
    expect(article.blocks[0]).toMatchObject({ type: 'paragraph' });
    const headingIndexes = article.blocks.flatMap((b, i) => (b.type === 'heading' ? [i] : []));
    expect(headingIndexes).toEqual([1, 4, 8, 12]);
    expect(article.blocks[1]).toEqual({ type: 'heading', text: SHINKANSEN_HEADINGS[0], level: 2 });
    expectConsistent(article);
    expect(ctx.progress).toEqual([
      { percent: 0, message: msg.extracting },
      { percent: 100, message: msg.extracted },
    ]);
  });

  it('ja-sjis.html: decoded from Shift_JIS, the same article as its UTF-8 source', async () => {
    const page = pageFrom('ja-sjis.html');
    expect(page.charset).toBe('shift_jis');
    const article = await extractArticle(page, makeTestContext());
    expect(article.title).toBe('ごみはどこへ行くのか\u3000みどり市の分別とリサイクルの仕組み');
    expect(article.siteName).toBe('みどり市くらしの便利帳');
    expect(article.language).toBe('ja');
    expect(article.headings).toEqual(RECYCLING_HEADINGS);
    expect(article.textLength).toBeGreaterThan(1300);
    expect(article.paragraphs[0]).toMatch(/^毎朝、集積所に出されるごみ袋。/);
    expect(article.leadImage).toBe('https://kurashi.midori-city.example.jp/img/recycle-center.jpg');
    const all = JSON.stringify(article);
    for (const noise of ['最終更新日', 'ごみ収集カレンダー', '引っ越し業者', 'Copyright', '検索']) {
      expect(all).not.toContain(noise);
    }
    const source = readFileSync(join(FIXTURES, 'ja-sjis.utf8.html'), 'utf8');
    const fromSource = await extractArticle(pageOf(source, page.url), makeTestContext());
    expect(fromSource).toEqual(article);
    expectConsistent(article);
  });

  it('ja-eucjp.html: EUC-JP, no lang attribute, title suffix after a full-width bar', async () => {
    const page = pageFrom('ja-eucjp.html');
    expect(page.charset).toBe('euc-jp');
    const article = await extractArticle(page, makeTestContext());
    expect(article.title).toBe('梅雨はなぜ毎年やってくるのか');
    expect(article.siteName).toBe('そらもよう通信');
    expect(article.language).toBe('ja');
    expect(article.headings).toEqual(['二つの高気圧がぶつかる場所', '梅雨明けのしくみ']);
    expect(article.paragraphs).toHaveLength(3);
    expect(article.leadImage).toBeUndefined();
    expectConsistent(article);
  });

  it('en.html: the English article, scripts not run, noise dropped', async () => {
    const article = await extractArticle(pageFrom('en.html'), makeTestContext());
    expect(article.title).toBe('Why the Sea Rises and Falls Twice a Day');
    expect(article.siteName).toBe('The Coastline Explainer');
    expect(article.language).toBe('en');
    expect(article.headings).toEqual(TIDES_HEADINGS);
    expect(article.paragraphs).toHaveLength(8);
    expect(article.paragraphs[0]).toMatch(/^Anyone who has spent a day at the beach/);
    expect(article.textLength).toBeGreaterThan(2400);
    expect(article.textLength).toBeLessThan(2900);
    expect(article.leadImage).toBe('https://cdn.coastline-explainer.example.com/img/tides-hero.jpg');
    const all = JSON.stringify(article);
    for (const noise of [
      'HACKED',
      'cookies',
      'Advertisement',
      'Most read',
      'First!',
      'Sign up',
      'Privacy',
      'Read more',
      'Science Desk',
    ]) {
      expect(all).not.toContain(noise);
    }
    expectConsistent(article);
  });

  it('too-short.html: TOO_LITTLE_TEXT', async () => {
    const error = await extractError(extractArticle(pageFrom('too-short.html'), makeTestContext()));
    expect(error.code).toBe('TOO_LITTLE_TEXT');
    expect(error.detail).toMatch(/^\d+ characters of body text$/);
  });

  it('scripts-only.html: TOO_LITTLE_TEXT (the text its scripts would write never appears)', async () => {
    const error = await extractError(extractArticle(pageFrom('scripts-only.html'), makeTestContext()));
    expect(error).toMatchObject({ code: 'TOO_LITTLE_TEXT', detail: '0 characters of body text' });
  });
});

describe('extractArticle: plain text out of markup', () => {
  const body = `<p>${'本文のテキストです。'.repeat(30)}</p><p>Tags like &lt;b&gt;bold&lt;/b&gt; and <em>emphasis</em> stay text.</p>`;

  it('keeps HTML and JS in titles as literal text', async () => {
    const html = `<html><head><title>&lt;script&gt;alert(1)&lt;/script&gt; News</title></head><body><article>${body}</article></body></html>`;
    const article = await extractArticle(pageOf(html), makeTestContext());
    expect(article.title).toBe('<script>alert(1)</script> News');
  });

  it('keeps markup-looking og:title and headings as text', async () => {
    const html = `<html><head><meta property="og:title" content="&lt;img src=x onerror=alert(1)&gt; 特集">
      </head><body><article><h2>見出し <em>強調</em> &lt;i&gt;</h2>${body}</article></body></html>`;
    const article = await extractArticle(pageOf(html), makeTestContext());
    expect(article.title).toBe('<img src=x onerror=alert(1)> 特集');
    expect(article.headings).toEqual(['見出し強調 <i>']);
    expect(article.paragraphs[1]).toBe('Tags like <b>bold</b> and emphasis stay text.');
  });

  it('falls back to the host for the site name and guesses the language from the text', async () => {
    const html = `<html><head><title>お知らせ</title></head><body><article>${body}</article></body></html>`;
    const article = await extractArticle(
      pageOf(html, 'https://www.shop.example.jp/news/1'),
      makeTestContext(),
    );
    expect(article.siteName).toBe('shop.example.jp');
    expect(article.language).toBe('ja');
  });

  it('spells the site name as the title suffix does and strips it from the title', async () => {
    const head = (site: string, title: string) =>
      `<html><head><meta property="og:site_name" content="${site}"><title>${title}</title></head><body><article>${body}</article></body></html>`;
    const factorio = await extractArticle(
      pageOf(head('Factorio.com', 'Friday Facts #282 | Factorio')),
      makeTestContext(),
    );
    expect(factorio).toMatchObject({ title: 'Friday Facts #282', siteName: 'Factorio' });
    const ledger = await extractArticle(
      pageOf(head('the Daily Ledger', 'Puffins return | The Daily Ledger')),
      makeTestContext(),
    );
    expect(ledger).toMatchObject({ title: 'Puffins return', siteName: 'The Daily Ledger' });
  });

  it('keeps the caption of the lead picture when its box (an infobox) is left out of the text', async () => {
    const english = `<p>${'The tower was built of brick on the point. '.repeat(12)}</p>`;
    const html = `<html><head><meta property="og:image" content="/lens.jpg"></head><body><article>
      <table class="infobox"><tr><td class="infobox-image"><a href="/wiki/File:Lens.jpg"><img src="/lens.jpg"
        width="300" height="400" alt="The first-order Fresnel lens"></a><div class="infobox-caption">The first-order
        lens, installed in 1871</div></td></tr><tr><th>Height</th><td>38 m</td></tr></table>${english}</article></body></html>`;
    const article = await extractArticle(pageOf(html), makeTestContext());
    expect(article.leadImage).toBe('https://news.example.com/lens.jpg');
    expect(article.images[0]).toEqual({
      url: 'https://news.example.com/lens.jpg',
      alt: 'The first-order Fresnel lens',
      caption: 'The first-order lens, installed in 1871',
      afterBlock: -1,
    });
    expect(article.paragraphs.join(' ')).not.toContain('38 m');
  });

  it('adds no picture when the lead picture is not shown on the page or is already an article picture', async () => {
    const english = `<p>${'The tower was built of brick on the point. '.repeat(12)}</p>`;
    const social = await extractArticle(
      pageOf(
        `<html><head><meta property="og:image" content="/card.jpg"></head><body><article>${english}</article></body></html>`,
      ),
      makeTestContext(),
    );
    expect(social.leadImage).toBe('https://news.example.com/card.jpg');
    expect(social.images).toEqual([]);
    const inline = await extractArticle(
      pageOf(
        `<html><head><meta property="og:image" content="/a.jpg"></head><body><article><figure><img src="/a.jpg" width="800" height="400" alt="A tower"><figcaption>The tower in 1890</figcaption></figure>${english}</article></body></html>`,
      ),
      makeTestContext(),
    );
    expect(inline.images.map((i) => [i.url, i.caption])).toEqual([
      ['https://news.example.com/a.jpg', 'The tower in 1890'],
    ]);
  });

  it('does not load images, stylesheets, scripts or frames the page refers to', async () => {
    const server = await startStaticServer({});
    try {
      const html = `<html><head><link rel="stylesheet" href="${server.url}/s.css"><script src="${server.url}/a.js"></script>
        </head><body><img src="${server.url}/i.png"><iframe src="${server.url}/f.html"></iframe>
        <object data="${server.url}/o.swf"></object><article>${body}</article></body></html>`;
      await extractArticle(pageOf(html), makeTestContext());
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(server.requests).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('refuses to start when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await extractError(extractArticle(pageFrom('en.html'), makeTestContext(controller.signal)));
    expect(error.code).toBe('CANCELLED');
  });

  it('extracts a 1 MB page quickly', async () => {
    const script = `<script>window.__DATA__ = ${JSON.stringify({ items: 'x'.repeat(400_000) })};</script>`;
    const style = `<style>${'.c{color:red}'.repeat(15_000)}</style>`;
    const nav = Array.from(
      { length: 1500 },
      (_, i) => `<li class="nav-item"><a href="/c/${i}">カテゴリ ${i}</a></li>`,
    );
    const sections = Array.from(
      { length: 40 },
      (_, s) =>
        `<h2>第${s + 1}節</h2>${[1, 2, 3, 4, 5]
          .map(
            (p) =>
              `<p>第${s + 1}節の${p}段落。${'これは長いページの性能を確かめるための段落です。'.repeat(8)}</p>`,
          )
          .join('')}`,
    );
    const html = `<html lang="ja"><head><title>長いページ</title>${style}${script}</head><body><nav><ul>${nav.join('')}</ul></nav>
      <div class="layout"><article>${sections.join('')}</article><aside class="sidebar"><ul>${nav.join('')}</ul></aside></div>${script}</body></html>`;
    expect(Buffer.byteLength(html)).toBeGreaterThan(1_000_000);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const article = await extractArticle(pageOf(html), makeTestContext());
    const cpu = process.cpuUsage(cpuBefore);
    const wallMs = performance.now() - started;
    expect(article.headings).toHaveLength(40);
    expect(article.paragraphs).toHaveLength(200);
    // CPU time is what the extraction costs; wall time also carries whatever else the machine runs.
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(2500);
    expect(wallMs).toBeLessThan(8000);
  });
});

describe('extractArticle through the real fetch path', () => {
  let server: TestHttpServer;
  beforeAll(async () => {
    server = await startStaticServer({
      '/ja-utf8': { body: fixture('ja-utf8.html'), contentType: 'text/html; charset=utf-8' },
      '/ja-sjis': { body: fixture('ja-sjis.html'), contentType: 'text/html' },
      '/ja-sjis-header': { body: fixture('ja-sjis.html'), contentType: 'text/html; charset=Shift_JIS' },
      '/ja-eucjp': { body: fixture('ja-eucjp.html'), contentType: 'text/html' },
      '/en': { body: fixture('en.html'), contentType: 'text/html; charset=UTF-8' },
      '/too-short': { body: fixture('too-short.html'), contentType: 'text/html' },
      '/scripts-only': { body: fixture('scripts-only.html'), contentType: 'text/html' },
      '/report.pdf': { body: '%PDF-1.7\n', contentType: 'application/pdf' },
      '/moved': { body: '', contentType: 'text/html', status: 301, headers: { location: '/ja-utf8' } },
    });
  });
  afterAll(() => server.close());

  const fetchAndExtract = async (path: string) => {
    const ctx = makeTestContext();
    const page = await fetchPage(`${server.url}${path}`, { allowPrivateNetwork: true }, ctx);
    return { page, article: await extractArticle(page, ctx) };
  };

  it('ja-utf8 via a redirect: absolute URLs against the final address', async () => {
    const { page, article } = await fetchAndExtract('/moved');
    expect(page.url).toBe(`${server.url}/ja-utf8`);
    expect(article.url).toBe(`${server.url}/ja-utf8`);
    expect(article.headings).toEqual(SHINKANSEN_HEADINGS);
    expect(article.textLength).toBe(1500);
    expect(article.leadImage).toBe(`${server.url}/images/2024/shinkansen-0kei.jpg`);
    expect(server.requests.map((r) => r.url).slice(-2)).toEqual(['/moved', '/ja-utf8']);
  });

  it.each(['/ja-sjis', '/ja-sjis-header'])('%s decodes Shift_JIS and extracts the article', async (path) => {
    const { page, article } = await fetchAndExtract(path);
    expect(page.charset).toBe('shift_jis');
    expect(article.headings).toEqual(RECYCLING_HEADINGS);
    expect(article.siteName).toBe('みどり市くらしの便利帳');
    expect(article).toEqual(await extractArticle(pageFrom('ja-sjis.html', page.url), makeTestContext()));
  });

  it('ja-eucjp decodes EUC-JP from its meta tag', async () => {
    const { page, article } = await fetchAndExtract('/ja-eucjp');
    expect(page.charset).toBe('euc-jp');
    expect(article.title).toBe('梅雨はなぜ毎年やってくるのか');
  });

  it('en extracts the English article', async () => {
    const { article } = await fetchAndExtract('/en');
    expect(article.title).toBe('Why the Sea Rises and Falls Twice a Day');
    expect(article.language).toBe('en');
    expect(article.headings).toEqual(TIDES_HEADINGS);
  });

  it.each(['/too-short', '/scripts-only'])('%s ends in TOO_LITTLE_TEXT', async (path) => {
    const error = await extractError(fetchAndExtract(path));
    expect(error.code).toBe('TOO_LITTLE_TEXT');
  });

  it('a PDF is refused by fetch as NOT_HTML', async () => {
    const error = await extractError(fetchAndExtract('/report.pdf'));
    expect(error.code).toBe('NOT_HTML');
  });
});
