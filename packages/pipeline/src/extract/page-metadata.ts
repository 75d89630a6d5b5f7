import { normaliseText } from './text.ts';

/** What the page says about itself in <head>, read before Readability rewrites the document. */
export interface PageMetadata {
  ogTitle?: string;
  documentTitle?: string;
  siteName?: string;
  image?: string;
  htmlLang?: string;
  locale?: string;
}

export function readPageMetadata(document: Document, pageUrl: string): PageMetadata {
  const meta = (selector: string): string | undefined => {
    const value = document.querySelector(selector)?.getAttribute('content');
    const text = value ? normaliseText(value) : '';
    return text === '' ? undefined : text;
  };
  const title = normaliseText(document.title);
  const image =
    meta('meta[property="og:image"], meta[name="og:image"]') ?? meta('meta[name="twitter:image"]');
  return {
    ogTitle: meta('meta[property="og:title"], meta[name="og:title"]'),
    documentTitle: title === '' ? undefined : title,
    siteName: meta('meta[property="og:site_name"], meta[name="og:site_name"], meta[name="application-name"]'),
    image: image ? absoluteHttpUrl(image, pageUrl) : undefined,
    htmlLang: document.documentElement.getAttribute('lang') ?? undefined,
    locale: meta('meta[property="og:locale"]'),
  };
}

/** An absolute http(s) URL, or undefined for other schemes (data:, javascript:) and garbage. */
export function absoluteHttpUrl(value: string, base: string): string | undefined {
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
