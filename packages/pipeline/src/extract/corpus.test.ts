import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, urlNamesFile } from '../../fixtures/real-world/expectations.ts';
import { type CorpusServer, serveCorpus } from '../../fixtures/real-world/serve-corpus.ts';
import { fetchPage } from '../fetch/fetch-page.ts';
import { makeTestContext } from '../test-context.ts';
import { extractArticle } from './extract-article.ts';
import type { Article } from './types.ts';

const corpus = loadCorpus();
let server: CorpusServer;
const articles = new Map<string, Article>();

beforeAll(async () => {
  server = await serveCorpus();
});
afterAll(async () => {
  await server.close();
});

async function articleOf(slug: string): Promise<Article> {
  const cached = articles.get(slug);
  if (cached) return cached;
  const ctx = makeTestContext();
  const page = await fetchPage(server.pageUrl(slug), { allowPrivateNetwork: true }, ctx);
  const article = await extractArticle(page, ctx);
  articles.set(slug, article);
  return article;
}

describe('the real-world corpus through fetch + extract', () => {
  it('has at least 15 pages', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(15);
  });

  describe.each(corpus)('$slug', ({ slug, expected }) => {
    it('finds the title, site name and language', async () => {
      const article = await articleOf(slug);
      expect(article.title).toBe(expected.title);
      if (expected.siteName) expect(article.siteName).toBe(expected.siteName);
      expect(article.language).toBe(expected.language);
      if (expected.headings) expect(article.headings).toEqual(expected.headings);
    });

    it('keeps no furniture and loses none of the kept words', async () => {
      const article = await articleOf(slug);
      const texts = article.blocks.map((b) => b.text);
      const leaks = expected.furniture.flatMap((snippet) =>
        texts.filter((text) => text.includes(snippet)).map((text) => `${snippet} ← ${text}`),
      );
      expect(leaks).toEqual([]);
      const missing = expected.mustKeep.filter((snippet) => !texts.some((text) => text.includes(snippet)));
      expect(missing).toEqual([]);
      const paragraphs = article.paragraphs;
      expect(paragraphs.filter((p, i) => paragraphs.indexOf(p) !== i)).toEqual([]);
    });

    it('finds the content pictures and no decorative one', async () => {
      const article = await articleOf(slug);
      const urls = [
        ...article.images.map((image) => image.url),
        ...(article.leadImage ? [article.leadImage] : []),
      ];
      for (const url of urls) expect(url).toMatch(/^https?:\/\//);
      const missing = expected.contentImages.filter((name) => !urls.some((url) => urlNamesFile(url, name)));
      expect(missing).toEqual([]);
      const decorative = urls.filter((url) =>
        expected.decorativeImages.some((name) => urlNamesFile(url, name)),
      );
      expect(decorative).toEqual([]);
      expect(article.images.length).toBeLessThanOrEqual(8);
      for (const image of article.images) {
        expect(image.afterBlock).toBeGreaterThanOrEqual(-1);
        expect(image.afterBlock).toBeLessThan(article.blocks.length);
      }
    });
  });
});
