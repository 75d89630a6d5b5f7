import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import type { StageContext } from '../context.ts';
import { cancelledError, PipelineError } from '../errors.ts';
import type { FetchedPage } from '../fetch/types.ts';
import { assertPageIsSimple } from '../guard/page-complexity.ts';
import { msg } from '../i18n/messages.ts';
import { type CollectedContent, collectContent, MAX_IMAGES, textOf } from './blocks.ts';
import { isFurnitureLine } from './furniture-text.ts';
import { isDecorativeUrl } from './images.ts';
import { detectLanguage } from './language.ts';
import { pagePicture } from './lead-picture.ts';
import { removeLinkBlocks } from './link-blocks.ts';
import { type PageMetadata, readPageMetadata } from './page-metadata.ts';
import { removePageNoise } from './page-noise.ts';
import { publishedDate } from './published-date.ts';
import { rubyReadings } from './ruby-readings.ts';
import { markElements, restoreSiblingGaps } from './sibling-gaps.ts';
import { characterCount, normaliseText } from './text.ts';
import { chooseTitle, siteNameFromTitle, titleParts } from './title.ts';
import type { Article, ArticleBlock, ArticleImage } from './types.ts';

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
  const h1s = headingTexts(document);
  // Before the furniture goes: the page's own picture may sit in an infobox, with its caption.
  const shownLead = meta.image ? pagePicture(document, meta.image, url) : undefined;
  const readings = rubyReadings(document);
  const published = publishedDate(document);
  removePageNoise(document);
  if (document.body) markElements(document.body);
  const parsed = new Readability<Element | null | undefined>(document, {
    serializer: (node) => node as Element,
    // Class names tell captions and decorative pictures apart later (blocks.ts, images.ts).
    keepClasses: true,
  }).parse();

  const siteName = chooseSiteName(meta, normaliseText(parsed?.siteName ?? ''), url);
  const title = chooseTitle({
    ogTitle: meta.ogTitle,
    documentTitle: meta.documentTitle,
    readabilityTitle: normaliseText(parsed?.title ?? '') || undefined,
    h1s,
    siteName,
  });

  const content = parsed?.content ?? undefined;
  if (content) {
    restoreSiblingGaps(content, document);
    removeLinkBlocks(content);
  }
  const collected = content ? collectContent(content, url) : { blocks: [], images: [] };
  let { blocks, images } = withoutTitleAndLabels(collected, title);
  if (!blocks.some((b) => b.type === 'paragraph') && parsed?.textContent) {
    blocks = linesAsParagraphs(parsed.textContent);
    images = [];
  }

  const paragraphs = blocks.filter((b) => b.type === 'paragraph').map((b) => b.text);
  const headings = blocks
    .filter((b) => b.type === 'heading' && (b.level === 2 || b.level === 3))
    .map((b) => b.text);
  const bodyText = paragraphs.join('\n');

  const article: Article = {
    url,
    title,
    siteName,
    language: detectLanguage([meta.htmlLang, parsed?.lang, meta.locale], `${title}\n${bodyText}`),
    blocks,
    headings,
    paragraphs,
    textLength: paragraphs.reduce((sum, p) => sum + characterCount(p), 0),
    images,
  };
  if (Object.keys(readings).length > 0) article.readings = readings;
  if (published) article.published = published;
  const leadImage = chooseLeadImage(meta.image, images);
  if (leadImage) article.leadImage = leadImage;
  // The lead picture shown on the page outside the text kept (an infobox) is the article's first
  // picture, with its caption and alt text.
  if (shownLead && shownLead.url === leadImage && !images.some((image) => image.url === leadImage))
    article.images = [shownLead, ...images].slice(0, MAX_IMAGES);
  return article;
}

/** Texts of the page's h1 elements (read before furniture removal, which may take a header). */
function headingTexts(document: Document): string[] {
  return [...document.querySelectorAll('h1')]
    .slice(0, 10)
    .map((h1) => textOf(h1))
    .filter((text) => text !== '');
}

/**
 * og:site_name (spelt as in the title suffix when they differ only in case or a domain ending:
 * "the Guardian" → "The Guardian", "Factorio.com" → "Factorio"), else the site name the <title> ends with, else Readability's, else the host.
 */
function chooseSiteName(meta: PageMetadata, readabilitySite: string, url: string): string {
  const fromTitle = siteNameFromTitle(meta.documentTitle) ?? siteNameFromTitle(meta.ogTitle);
  if (meta.siteName) {
    // "Factorio.com" in og:site_name, "… | Factorio" in the title: the same site.
    const key = (name: string) => name.toLowerCase().replace(/\.[a-z]{2,3}$/, '');
    const suffixes = [meta.documentTitle, meta.ogTitle].flatMap((t) => (t ? titleParts(t).slice(1) : []));
    return suffixes.find((part) => key(part) === key(meta.siteName!)) ?? meta.siteName;
  }
  return fromTitle ?? (readabilitySite || hostLabel(url));
}

/**
 * Drops the article's own title where it reappears as a heading, and the short labels before it
 * (a kicker or series name such as 「元旦のイソップ童話」 or "Member-only story"), keeping the
 * pictures' places in step.
 */
function withoutTitleAndLabels(collected: CollectedContent, title: string): CollectedContent {
  const titleIndex = collected.blocks.findIndex((b) => b.type === 'heading' && b.text === title);
  const drop = (block: ArticleBlock, i: number): boolean =>
    (block.type === 'heading' && block.text === title) ||
    (i < titleIndex && block.type === 'paragraph' && characterCount(block.text) <= 40);
  const newIndex: number[] = [];
  const blocks: ArticleBlock[] = [];
  collected.blocks.forEach((block, i) => {
    if (!drop(block, i))
      blocks.push(isStandfirst(collected.blocks, i, titleIndex) ? toParagraph(block) : block);
    newIndex[i] = blocks.length - 1;
  });
  const images = collected.images.map((image) => ({
    ...image,
    afterBlock: image.afterBlock < 0 ? -1 : (newIndex[image.afterBlock] ?? -1),
  }));
  return { blocks, images };
}

/**
 * A long heading that comes first (right after the title, or at the very top when the title
 * heading is gone) and is followed by the body's paragraphs is a subtitle, not a section title:
 * "After ten years of note-taking apps, a cheap notebook changed how I think".
 */
function isStandfirst(blocks: ArticleBlock[], index: number, titleIndex: number): boolean {
  const block = blocks[index]!;
  if (block.type !== 'heading' || index !== titleIndex + 1 || blocks[index + 1]?.type !== 'paragraph')
    return false;
  const later = blocks.slice(index + 1).find((b) => b.type === 'heading');
  return characterCount(block.text) >= 40 && (later === undefined || later.level === block.level);
}

function toParagraph(block: ArticleBlock): ArticleBlock {
  return { type: 'paragraph', text: block.text };
}

/** og:image unless it names a logo or icon, else the first content picture of a fair size. */
function chooseLeadImage(ogImage: string | undefined, images: ArticleImage[]): string | undefined {
  if (ogImage && !isDecorativeUrl(ogImage)) return ogImage;
  const large = images.find((image) => (image.width ?? 400) >= 400 && (image.height ?? 200) >= 200);
  return large?.url;
}

/**
 * Plain text (a page that is one big <pre>, like an RFC): paragraphs are separated by blank
 * lines and their lines joined; lines that repeat through the document (running page headers
 * and footers such as "de Jong [Page 3]") and dot-leader table-of-contents lines are dropped.
 */
function linesAsParagraphs(text: string): ArticleBlock[] {
  const lines = text.split(/\r?\n/);
  const shape = (line: string) => normaliseText(line).replace(/\d+/g, '#');
  const repeats = new Map<string, number>();
  for (const line of lines) {
    const key = shape(line);
    if (key !== '') repeats.set(key, (repeats.get(key) ?? 0) + 1);
  }
  const blocks: ArticleBlock[] = [];
  let current: string[] = [];
  const flush = () => {
    const paragraph = normaliseText(current.join(' '));
    current = [];
    if (paragraph !== '' && !isFurnitureLine(paragraph)) blocks.push({ type: 'paragraph', text: paragraph });
  };
  for (const line of lines) {
    const clean = normaliseText(line);
    if (clean === '') {
      flush();
      continue;
    }
    if ((repeats.get(shape(line)) ?? 0) >= 3 || /\.{4,}\s*\d+$/.test(clean)) continue;
    current.push(clean);
  }
  flush();
  return blocks;
}

function hostLabel(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}
