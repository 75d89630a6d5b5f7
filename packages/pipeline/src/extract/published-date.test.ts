import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { publishedDate } from './published-date.ts';

const page = (head: string, body: string) =>
  new JSDOM(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).window.document;

describe('published date', () => {
  it('reads the date the page states for machines', () => {
    expect(
      publishedDate(page('<meta property="article:published_time" content="2026-03-14T07:30:00Z">', '')),
    ).toBe('2026-03-14');
    expect(
      publishedDate(
        page(
          '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-11-02"}</script>',
          '',
        ),
      ),
    ).toBe('2025-11-02');
    expect(
      publishedDate(
        page(
          '',
          '<article><div class="byline"><time datetime="2026-03-14T07:30:00Z">14 March</time></div><p>Text.</p></article>',
        ),
      ),
    ).toBe('2026-03-14');
  });

  it('never dates the article by a comment, a side column or the text', () => {
    expect(
      publishedDate(
        page(
          '',
          '<article><p>Published 3 May 2026.</p><div class="comments"><time datetime="2026-05-09">9 May</time></div></article>',
        ),
      ),
    ).toBeUndefined();
    expect(
      publishedDate(page('', '<aside><time datetime="2026-05-09">9 May</time></aside><p>Text.</p>')),
    ).toBeUndefined();
    expect(publishedDate(page('<meta name="date" content="yesterday">', ''))).toBeUndefined();
  });
});

describe('published date of a living page', () => {
  it('does not date a page edited for years after its first day', () => {
    const ld =
      '{"@type":"Article","datePublished":"2001-10-29T10:00:00Z","dateModified":"2019-03-01T00:00:00Z"}';
    expect(publishedDate(page(`<script type="application/ld+json">${ld}</script>`, ''))).toBeUndefined();
    const fresh = '{"@type":"Article","datePublished":"2026-03-14","dateModified":"2026-03-15"}';
    expect(publishedDate(page(`<script type="application/ld+json">${fresh}</script>`, ''))).toBe(
      '2026-03-14',
    );
  });
});

describe('published date from a dateline', () => {
  it('reads the day of a short element named as a date', () => {
    expect(publishedDate(page('', '<p class="date">２０２６年３月１４日 10時20分</p><p>本文。</p>'))).toBe(
      '2026-03-14',
    );
    expect(publishedDate(page('', '<div class="dateline">Sat 12 Jul 2026 08.00 BST</div>'))).toBe(
      '2026-07-12',
    );
    expect(
      publishedDate(page('', '<p class="dateline">Published January 9, 2026 · Updated January 10, 2026</p>')),
    ).toBe('2026-01-09');
  });

  it('does not read an update line, a comment date or a long text', () => {
    expect(publishedDate(page('', '<p class="updated-date">Updated January 10, 2026</p>'))).toBeUndefined();
    expect(
      publishedDate(page('', '<div class="comment"><span class="date">May 3, 2026</span></div>')),
    ).toBeUndefined();
    const long = `<div class="date-section">${'Words about the harbour. '.repeat(5)} 3 May 2026</div>`;
    expect(publishedDate(page('', long))).toBeUndefined();
  });
});
