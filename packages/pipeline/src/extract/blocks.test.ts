import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { collectContent, MAX_IMAGES } from './blocks.ts';
import { bestFromSrcset, contentImage, isDecorativeUrl } from './images.ts';

const BASE = 'https://news.example.com/a/story.html';
const bodyOf = (html: string): Element =>
  new JSDOM(`<body>${html}</body>`, { url: BASE }).window.document.body;
const collect = (html: string) => collectContent(bodyOf(html), BASE);
const texts = (html: string) => collect(html).blocks.map((b) => b.text);

describe('collectContent: quotations set apart', () => {
  it('marks a blockquote and an epigraph as quoted, with the line naming whose words they are', () => {
    const { blocks } = collect(
      '<p class="epigraph"><em>A dull tool is more dangerous than a sharp one.</em></p>' +
        '<p>Every woodworker learns this sooner or later.</p>' +
        '<blockquote><p>Measure twice and cut once, and then measure again.</p><footer>— Old proverb</footer></blockquote>',
    );
    expect(blocks).toEqual([
      { type: 'paragraph', text: 'A dull tool is more dangerous than a sharp one.', quoted: true },
      { type: 'paragraph', text: 'Every woodworker learns this sooner or later.' },
      {
        type: 'paragraph',
        text: 'Measure twice and cut once, and then measure again.',
        quoted: true,
        by: 'Old proverb',
      },
    ]);
  });
});

describe('collectContent: every word, once, in its place', () => {
  it('keeps inline elements inside their sentence', () => {
    expect(
      texts(
        '<p>The government plans to reverse its position on <a href="/s">Sudan</a> and <em>lift</em> sanctions.</p>',
      ),
    ).toEqual(['The government plans to reverse its position on Sudan and lift sanctions.']);
  });

  it('never glues two blocks, in Japanese either', () => {
    expect(texts('<div><div>元旦のイソップ童話</div><div>欲張りなイヌ</div></div>')).toEqual([
      '元旦のイソップ童話',
      '欲張りなイヌ',
    ]);
    expect(texts('<td>元旦のイソップ童話<br>欲張りなイヌ</td>')).toEqual([
      '元旦のイソップ童話\u3000欲張りなイヌ',
    ]);
    expect(texts('<p>いました。<br>このイヌは</p>')).toEqual(['いました。このイヌは']);
  });

  it('keeps a heading apart from the paragraph after it', () => {
    const { blocks } = collect('<h2>New process</h2><p>Our rough research suggested a simple idea.</p>');
    expect(blocks).toEqual([
      { type: 'heading', text: 'New process', level: 2 },
      { type: 'paragraph', text: 'Our rough research suggested a simple idea.' },
    ]);
  });

  it('reads text between blocks as its own paragraph (an li with a nested list)', () => {
    expect(
      texts('<ul><li>Tools you need:<ul><li>a coarse stone</li><li>a fine stone</li></ul></li></ul>'),
    ).toEqual(['Tools you need:', 'a coarse stone', 'a fine stone']);
  });

  it('drops ruby readings, keeping the base text', () => {
    expect(
      texts('<p>北浜湾に<ruby>鰊<rp>（</rp><rt>にしん</rt><rp>）</rp></ruby>の大群が押し寄せた。</p>'),
    ).toEqual(['北浜湾に鰊の大群が押し寄せた。']);
  });

  it('says no sentence twice and drops headings that head nothing', () => {
    expect(
      texts(
        '<p>Same sentence here.</p><h2>Empty</h2><h2>Real</h2><p>Same sentence here.</p><p>New one.</p><h2>End</h2>',
      ),
    ).toEqual(['Same sentence here.', 'Real', 'New one.']);
    const lead =
      'The mother of a woman who took the pills has described how her daughter was burning up from within.';
    expect(collect(`<h2>${lead}</h2><h2>Next item</h2><p>Text.</p>`).blocks).toEqual([
      { type: 'paragraph', text: lead },
      { type: 'heading', text: 'Next item', level: 2 },
      { type: 'paragraph', text: 'Text.' },
    ]);
  });

  it('drops furniture lines and cleans headings', () => {
    expect(
      texts(
        '<p>Share this article</p><p>6 min read · Sep 12, 2026</p><h2>History<span>[edit]</span></h2><p>Text.[1]</p>',
      ),
    ).toEqual(['History', 'Text.']);
  });

  it('reads a data table row by row, with its headers', () => {
    const html = `<table><caption>Annual cost</caption>
      <tr><th>System</th><th>Cost</th><th>CO2</th></tr>
      <tr><td>Heat pump</td><td>£990</td><td>0.7 t</td></tr>
      <tr><td>Gas boiler</td><td>£1,010</td><td>2.4 t</td></tr></table>`;
    expect(texts(html)).toEqual([
      'Annual cost',
      'Heat pump — Cost: £990; CO2: 0.7 t',
      'Gas boiler — Cost: £1,010; CO2: 2.4 t',
    ]);
  });

  it('walks into a layout table', () => {
    const story = 'むかしむかし、ある村に、一匹のイヌがいました。'.repeat(12);
    expect(texts(`<table><tr><td><p>${story}</p></td><td><p>ほかの話</p></td></tr></table>`)).toEqual([
      story,
      'ほかの話',
    ]);
  });
});

describe('collectContent: pictures', () => {
  it('gives figures their captions and keeps captions out of the text', () => {
    const { blocks, images } = collect(`<p>First paragraph of the story.</p>
      <figure><img src="/img/kiln.jpg" width="800" height="450" alt="The kiln"><figcaption>The firebox at night. <span>Photo: Sam</span></figcaption></figure>
      <p>Second paragraph.</p>`);
    expect(blocks.map((b) => b.text)).toEqual(['First paragraph of the story.', 'Second paragraph.']);
    expect(images).toEqual([
      {
        url: 'https://news.example.com/img/kiln.jpg',
        alt: 'The kiln',
        width: 800,
        height: 450,
        caption: 'The firebox at night.',
        afterBlock: 0,
      },
    ]);
  });

  it('drops a credit sentence after the caption, not a caption that mentions a photo', () => {
    const { images } =
      collect(`<figure><img src="/a.jpg"><figcaption>My notebook on a Tuesday morning. Photo by the author.</figcaption></figure>
      <p>Text.</p><figure><img src="/c.jpg"><figcaption>Ayn Rand, Rand Paul <span>(Credit: AP/Manuel Balce Ceneta)</span></figcaption></figure>
      <p>Text two.</p><figure><img src="/b.jpg"><figcaption>A photo by the river, taken in 1890</figcaption></figure><p>More.</p>`);
    expect(images.map((i) => i.caption)).toEqual([
      'My notebook on a Tuesday morning.',
      'Ayn Rand, Rand Paul',
      'A photo by the river, taken in 1890',
    ]);
  });

  it('takes a caption-classed block or an emphasised line after a picture as its caption', () => {
    const { blocks, images } = collect(`<div><img src="a.jpg"><span class="illust-cap">いぬのかお</span></div>
      <p>本文です。</p><p><img src="b.jpg"></p><p><em>Pots cooling on the shelves.</em></p><p>Body.</p>`);
    expect(blocks.map((b) => b.text)).toEqual(['本文です。', 'Body.']);
    expect(images.map((i) => [i.url.split('/').at(-1), i.caption, i.afterBlock])).toEqual([
      ['a.jpg', 'いぬのかお', -1],
      ['b.jpg', 'Pots cooling on the shelves.', 0],
    ]);
  });

  it('leaves a centred line under a picture as text when the whole page is centred', () => {
    const { blocks, images } = collect(
      '<p style="text-align:center"><img src="c.jpg"></p><p style="text-align:center">營區水電方便水槽也很有特色</p>',
    );
    expect(blocks.map((b) => b.text)).toEqual(['營區水電方便水槽也很有特色']);
    expect(images[0]?.caption).toBeUndefined();
  });

  it('reads lazy images and skips decorative ones', () => {
    const { images } = collect(`<p>Text one.</p>
      <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/lazy.jpg" width="800" height="450">
      <img class="lazy" data-original="/orig.jpg">
      <img src="/small.jpg" srcset="/small.jpg 400w, /large.jpg 1200w, /huge.jpg 3000w">
      <img src="/pixel.gif" width="1" height="1">
      <img src="/img/site-logo.png" width="300" height="200">
      <img src="/img/x.jpg" width="64" height="64" alt="Author">
      <img src="/img/y.jpg" width="728" height="90">
      <img src="/img/share.png" alt="Share on Facebook">
      <img src="/img/z.svg" width="400" height="300">
      <div class="author-box"><img src="/img/portrait.jpg" width="300" height="300"></div>
      <img src="javascript:alert(1)" width="400" height="300">`);
    expect(images.map((i) => i.url)).toEqual([
      'https://news.example.com/lazy.jpg',
      'https://news.example.com/orig.jpg',
      'https://news.example.com/large.jpg',
    ]);
    expect(images.every((i) => i.afterBlock === 0)).toBe(true);
  });

  it(`keeps at most ${MAX_IMAGES} pictures, each once`, () => {
    const imgs = Array.from(
      { length: 12 },
      (_, i) => `<p>Para ${i}.</p><img src="/p${i}.jpg"><img src="/p${i}.jpg">`,
    );
    const { images } = collect(imgs.join(''));
    expect(images).toHaveLength(MAX_IMAGES);
    expect(new Set(images.map((i) => i.url)).size).toBe(MAX_IMAGES);
    expect(images.map((i) => i.afterBlock)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('image helpers', () => {
  it('picks the widest srcset candidate up to 1600 px, else the narrowest', () => {
    expect(bestFromSrcset('a.jpg 400w, b.jpg 1200w, c.jpg 2400w')).toBe('b.jpg');
    expect(bestFromSrcset('c.jpg 2400w, d.jpg 3000w')).toBe('c.jpg');
    expect(bestFromSrcset('a.jpg 1x, b.jpg 2x, c.jpg 3x')).toBe('b.jpg');
    expect(bestFromSrcset('data:image/gif;base64,xx 1x')).toBeUndefined();
    expect(bestFromSrcset(null)).toBeUndefined();
  });

  it('tells decorative addresses by their words, host and type', () => {
    expect(isDecorativeUrl('https://x.example/_shared/ad-banner.jpg')).toBe(true);
    expect(isDecorativeUrl('https://x.example/avatars/12.jpg')).toBe(true);
    expect(isDecorativeUrl('https://ads.example.net/p.jpg')).toBe(true);
    expect(isDecorativeUrl('https://x.example/logo.svg')).toBe(true);
    expect(isDecorativeUrl('https://x.example/2026/broadway-cranes.jpg')).toBe(false);
  });

  it('resolves relative addresses and refuses other schemes', () => {
    const doc = new JSDOM('<img src="../i/a.jpg"><img src="ftp://x/a.jpg">', { url: BASE }).window.document;
    const [relative, ftp] = [...doc.querySelectorAll('img')];
    expect(contentImage(relative!, BASE)?.url).toBe('https://news.example.com/i/a.jpg');
    expect(contentImage(ftp!, BASE)).toBeUndefined();
  });
});
