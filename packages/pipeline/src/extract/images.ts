import { absoluteHttpUrl } from './page-metadata.ts';
import { nameWords } from './page-noise.ts';

/** A picture found in the article body, before its place and caption are known. */
export interface ImageCandidate {
  url: string;
  alt?: string;
  width?: number;
  height?: number;
}

/** Attributes lazy-loading scripts keep the real address in. */
const LAZY_SOURCES = [
  'data-src',
  'data-original',
  'data-lazy-src',
  'data-lazy',
  'data-url',
  'data-hi-res-src',
  'data-full-src',
];
const LAZY_SRCSETS = ['srcset', 'data-srcset', 'data-lazy-srcset'];
/** The widest srcset candidate used; wider ones only cost download time. */
const MAX_SRCSET_WIDTH = 1600;

/**
 * Words that mark a picture as decorative when they appear in its address, class, id or the
 * class/id of a close ancestor: logos, icons, avatars, spacers, tracking pixels, share buttons,
 * ads. Matched as whole words ("ad-banner.jpg" yes, "broadway.jpg" no).
 */
const DECORATIVE_WORDS = new Set([
  'logo',
  'logos',
  'icon',
  'icons',
  'favicon',
  'avatar',
  'avatars',
  'sprite',
  'sprites',
  'spacer',
  'blank',
  'pixel',
  'tracking',
  'tracker',
  'beacon',
  'badge',
  'badges',
  'button',
  'btn',
  'emoji',
  'emoticon',
  'smiley',
  'gravatar',
  'share',
  'social',
  'sns',
  'facebook',
  'twitter',
  'linkedin',
  'pinterest',
  'whatsapp',
  'rss',
  'ad',
  'ads',
  'adv',
  'advert',
  'advertisement',
  'banner',
  'banners',
  'sponsor',
  'sponsored',
  'promo',
  'doubleclick',
  '1x1',
  'transparent',
  'placeholder',
  'spinner',
  'loading',
  'clap',
  'author',
  'profile',
  'comment',
  'comments',
]);
/** Words in alt text that give a decorative picture away (a smaller set: alt is prose). */
const DECORATIVE_ALT =
  /^(?:logo|icon|avatar|advertisement|sponsor|spacer)\b|\blogo$|share on|シェア|ポスト|広告|スポンサー/i;
const TRACKING_HOST =
  /(?:^|\.)(?:ads?|adserver|adservice|doubleclick|tracker|tracking|pixel|analytics|beacon|stats|metrics)\./i;
/** Declared sizes below these are icons, avatars or spacers; flatter/taller shapes are banners. */
const MIN_SIDE = 100;
const MIN_AREA = 160 * 160;
const MAX_ASPECT = 4.5;

/**
 * The content picture an <img> shows, or undefined when it is decorative or has no usable
 * http(s) address. Lazy images are read from their data-* attributes and srcset (largest
 * candidate up to 1600 px wide); a data: placeholder in src is ignored.
 */
export function contentImage(img: Element, baseUrl: string): ImageCandidate | undefined {
  const url = imageSource(img, baseUrl);
  if (!url) return undefined;
  const width = declaredSize(img.getAttribute('width'));
  const height = declaredSize(img.getAttribute('height'));
  const alt = img.getAttribute('alt')?.trim() || undefined;
  if (isDecorativeUrl(url) || isDecorativeSize(width, height)) return undefined;
  if (alt && DECORATIVE_ALT.test(alt)) return undefined;
  if (hasDecorativeName(img)) return undefined;
  const image: ImageCandidate = { url };
  if (alt) image.alt = alt;
  if (width) image.width = width;
  if (height) image.height = height;
  return image;
}

/** The absolute http(s) address an <img> shows (lazy and srcset sources first), if any. */
export function imageSource(img: Element, baseUrl: string): string | undefined {
  const raw = pickSource(img);
  return raw ? absoluteHttpUrl(raw, baseUrl) : undefined;
}

/** True for addresses of logos, icons, tracking pixels, ads and the like, and for SVG files. */
export function isDecorativeUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return true;
  }
  if (TRACKING_HOST.test(parsed.hostname)) return true;
  const path = decodeURIComponentSafe(parsed.pathname).toLowerCase();
  if (path.endsWith('.svg') || path.endsWith('.ico')) return true;
  return path.split(/[^a-z0-9]+/).some((word) => DECORATIVE_WORDS.has(word));
}

function isDecorativeSize(width: number | undefined, height: number | undefined): boolean {
  if ((width !== undefined && width < MIN_SIDE) || (height !== undefined && height < MIN_SIDE)) return true;
  if (width === undefined || height === undefined) return false;
  return width * height < MIN_AREA || width / height > MAX_ASPECT || height / width > MAX_ASPECT;
}

/** The image's own class/id, and those of its three closest ancestors. */
function hasDecorativeName(img: Element): boolean {
  let element: Element | null = img;
  for (let depth = 0; element && depth < 4; depth++, element = element.parentElement) {
    if (nameWords(element).some((word) => DECORATIVE_WORDS.has(word))) return true;
  }
  return false;
}

function pickSource(img: Element): string | undefined {
  const candidates: string[] = [];
  for (const attribute of LAZY_SRCSETS) {
    const best = bestFromSrcset(img.getAttribute(attribute));
    if (best) candidates.push(best);
  }
  const picture = img.parentElement?.tagName === 'PICTURE' ? img.parentElement : null;
  for (let source = picture?.firstElementChild; source; source = source.nextElementSibling) {
    if (source.tagName !== 'SOURCE') continue;
    const type = source.getAttribute('type') ?? '';
    if (type !== '' && !/jpe?g|png|webp|avif/i.test(type)) continue;
    const best = bestFromSrcset(source.getAttribute('srcset'));
    if (best) candidates.push(best);
  }
  for (const attribute of LAZY_SOURCES) {
    const value = img.getAttribute(attribute)?.trim();
    if (value && !value.startsWith('data:')) candidates.push(value);
  }
  const src = img.getAttribute('src')?.trim();
  if (src && !src.startsWith('data:')) candidates.push(src);
  return candidates[0];
}

/** "a.jpg 400w, b.jpg 1200w" → the widest up to 1600w (else the narrowest); "a.jpg 1x, b.jpg 2x" → 2x. */
export function bestFromSrcset(srcset: string | null): string | undefined {
  if (!srcset) return undefined;
  const entries = srcset
    .split(/,\s+(?=\S)/)
    .map((entry) => {
      const [url = '', descriptor = '1x'] = entry.trim().split(/\s+/);
      const unit = descriptor.at(-1);
      const size = Number.parseFloat(descriptor);
      // Compare densities against the same cap as widths: 2x of a ~800 px slot.
      const width = unit === 'w' ? size : unit === 'x' ? size * (MAX_SRCSET_WIDTH / 2) : Number.NaN;
      return { url, width };
    })
    .filter((entry) => entry.url !== '' && !entry.url.startsWith('data:') && Number.isFinite(entry.width))
    .sort((a, b) => a.width - b.width);
  const fitting = entries.filter((entry) => entry.width <= MAX_SRCSET_WIDTH);
  return (fitting.at(-1) ?? entries[0])?.url;
}

function declaredSize(value: string | null): number | undefined {
  if (!value || !/^\s*\d+(?:px)?\s*$/.test(value)) return undefined;
  const size = Number.parseInt(value, 10);
  return size > 0 ? size : undefined;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
