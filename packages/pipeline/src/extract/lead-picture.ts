import { cleanCaption, isCaptionNamed, textOf } from './blocks.ts';
import { imageSource } from './images.ts';
import type { ArticleImage } from './types.ts';

/** How many levels above the <img> its caption may sit beside: the link, the cell or box around it. */
const CAPTION_DEPTH = 3;

/**
 * The page's own picture (its og:image) as the page shows it: the first <img> with that address,
 * with its alt text and the caption beside it (the figure's <figcaption>, or a caption-named box
 * after it, such as an infobox's "infobox-caption"), as a picture before the article's first
 * block. Read before furniture is removed: the box holding it (an infobox) goes with the
 * furniture. Undefined when no <img> on the page shows it.
 */
export function pagePicture(document: Document, url: string, baseUrl: string): ArticleImage | undefined {
  for (const img of document.querySelectorAll('img')) {
    if (imageSource(img, baseUrl) !== url) continue;
    const alt = img.getAttribute('alt')?.trim();
    const caption = captionOf(img);
    return { url, afterBlock: -1, ...(alt ? { alt } : {}), ...(caption ? { caption } : {}) };
  }
  return undefined;
}

function captionOf(img: Element): string | undefined {
  const figcaption = img.closest('figure')?.querySelector('figcaption');
  if (figcaption) return cleanCaption(textOf(figcaption)) || undefined;
  let branch: Element | null = img;
  for (let depth = 0; branch && depth < CAPTION_DEPTH; depth++, branch = branch.parentElement) {
    for (let next = branch.nextElementSibling; next; next = next.nextElementSibling) {
      if (isCaptionNamed(next)) return cleanCaption(textOf(next)) || undefined;
    }
  }
  return undefined;
}
