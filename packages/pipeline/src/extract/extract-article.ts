import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import type { StageContext } from '../context.ts';
import { cancelledError, PipelineError } from '../errors.ts';
import type { FetchedPage } from '../fetch/types.ts';
import { assertPageIsSimple } from '../guard/page-complexity.ts';
import { msg } from '../i18n/messages.ts';
import { collectBlocks } from './blocks.ts';
import { detectLanguage } from './language.ts';
import { absoluteHttpUrl, readPageMetadata } from './page-metadata.ts';
import { removePageNoise } from './page-noise.ts';
import { characterCount, normaliseText } from './text.ts';
import { stripSiteName } from './title.ts';
import type { Article, ArticleBlock } from './types.ts';

/** Articles with less body text than this are refused (TOO_LITTLE_TEXT). */
export const MIN_TEXT_LENGTH = 200;

/**
 * Finds the article in a fetched page with Readability over jsdom and returns it as plain data:
 * title (without the " | Site" suffix), site name, language, headings and paragraphs in document
 * order, lead image and text length. No script of the page runs and nothing it refers to is
 * loaded; every string returned is plain text.
 */
export async function extractArticle(page: FetchedPage, ctx: StageContext): Promise<Article> {
  if (ctx.signal.aborted) throw cancelledError(ctx.signal);
  ctx.onProgress(0, msg.extracting);
  // Before jsdom: hostile markup is refused with PAGE_TOO_COMPLEX instead of eating CPU and memory.
  assertPageIsSimple(page.html);
  const host = new JSDOM('', { url: page.url, virtualConsole: new VirtualConsole() });
  try {
    const article = readArticle(parseDocument(host, page.html), page.url);
    if (ctx.signal.aborted) throw cancelledError(ctx.signal);
    ctx.log.debug(
      { url: page.url, textLength: article.textLength, blocks: article.blocks.length },
      'extracted',
    );
    if (article.textLength < MIN_TEXT_LENGTH) {
      throw new PipelineError('TOO_LITTLE_TEXT', { detail: `${article.textLength} characters of body text` });
    }
    ctx.onProgress(100, msg.extracted);
    return article;
  } finally {
    host.window.close();
  }
}

/**
 * Parses the page with DOMParser inside an empty jsdom window (whose fresh VirtualConsole swallows
 * jsdom's warnings). A DOMParser document has no browsing context: scripting is disabled, nothing
 * is loaded, and iframes get no windows of their own (each costs ~50 ms in jsdom). Relative URLs
 * still resolve against the page's address.
 */
function parseDocument(host: JSDOM, html: string): Document {
  return new host.window.DOMParser().parseFromString(html, 'text/html');
}

function readArticle(document: Document, url: string): Article {
  const meta = readPageMetadata(document, url);
  const firstH1 = normaliseText(document.querySelector('h1')?.textContent ?? '') || undefined;
  removePageNoise(document);
  const parsed = new Readability<Element | null | undefined>(document, {
    serializer: (node) => node as Element,
  }).parse();

  const siteName = meta.siteName ?? (normaliseText(parsed?.siteName ?? '') || hostLabel(url));
  const rawTitle = meta.ogTitle ?? (normaliseText(parsed?.title ?? '') || meta.documentTitle || firstH1);
  const title = rawTitle ? stripSiteName(rawTitle, siteName) : siteName;

  const content = parsed?.content ?? undefined;
  let blocks = content ? collectBlocks(content) : [];
  // The article's own title often reappears as its first heading.
  blocks = blocks.filter((b) => !(b.type === 'heading' && b.text === title));
  if (!blocks.some((b) => b.type === 'paragraph') && parsed?.textContent) {
    blocks = linesAsParagraphs(parsed.textContent);
  }

  const paragraphs = blocks.filter((b) => b.type === 'paragraph').map((b) => b.text);
  const headings = blocks
    .filter((b) => b.type === 'heading' && (b.level === 2 || b.level === 3))
    .map((b) => b.text);
  const bodyText = paragraphs.join('\n');
  const firstImage = content?.querySelector('img[src]')?.getAttribute('src');

  const article: Article = {
    url,
    title,
    siteName,
    language: detectLanguage([meta.htmlLang, parsed?.lang, meta.locale], `${title}\n${bodyText}`),
    blocks,
    headings,
    paragraphs,
    textLength: paragraphs.reduce((sum, p) => sum + characterCount(p), 0),
    images: [],
  };
  const leadImage = meta.image ?? (firstImage ? absoluteHttpUrl(firstImage, url) : undefined);
  if (leadImage) article.leadImage = leadImage;
  return article;
}

function linesAsParagraphs(text: string): ArticleBlock[] {
  return text
    .split(/\n\s*\n|\r?\n/)
    .map(normaliseText)
    .filter((line) => line !== '')
    .map((line) => ({ type: 'paragraph', text: line }));
}

function hostLabel(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}
