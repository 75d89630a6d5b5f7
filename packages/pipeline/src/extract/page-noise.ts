/**
 * Removes page furniture from the parsed page before Readability scores it: navigation, headers
 * and footers of the site, breadcrumbs, tables of contents, share/subscribe/related blocks,
 * comments, cookie notices, ads, bylines, language switchers, edit links, footnote marks and ruby
 * readings. By structure (elements and roles) and by class/id names; the text patterns come
 * later, per block (furniture-text.ts).
 *
 * A guard keeps anything that holds the article itself: an element that contains the page's h1
 * or more than half of the page's text is never removed, whatever its name (some sites call the
 * wrapper of the whole article "post-share-wrapper" or put it inside a <form>).
 */

/** Elements that are furniture wherever they are (subject to the guard). */
const FURNITURE_SELECTOR = [
  'nav',
  'aside',
  'form',
  'button',
  'select',
  'textarea',
  'input',
  'dialog',
  'iframe',
  'rt',
  'rp',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="complementary"]',
  '[role="search"]',
  '[role="dialog"]',
  '[role="alertdialog"]',
  '[aria-hidden="true"]',
  '[hidden]',
  '[style*="display:none"]',
  '[style*="display: none"]',
  '[style*="visibility:hidden"]',
  '[style*="visibility: hidden"]',
  'sup.reference',
  'sup.noprint',
  '.mw-editsection',
  '.mw-cite-backlink',
  '.mw-jump-link',
  '.reflist',
  'ol.references',
  '.navbox',
  '.vertical-navbox',
  '.infobox',
  '.hatnote',
  '.catlinks',
  '.metadata',
  '#toc',
  '.toc',
  '#siteSub',
  '#contentSub',
].join(', ');

/** Footers, except an attribution footer inside a quote or figure. */
const FOOTER_SELECTOR = 'footer, header[role="banner"], body > header';

/**
 * Class/id words of furniture containers. Matched against the words of the class and id
 * (split at spaces, "-", "_" and camelCase), so "related-content" and "jp-relatedposts" match
 * but "unrelated" does not.
 */
const FURNITURE_WORDS = new Set([
  'breadcrumb',
  'breadcrumbs',
  'crumb',
  'crumbs',
  'topicpath',
  'pankuzu',
  'pan',
  'toc',
  'mokuji',
  'tableofcontents',
  'share',
  'shares',
  'sharing',
  'sharebar',
  'sharedaddy',
  'social',
  'sns',
  'sociallinks',
  'related',
  'relatedposts',
  'recommend',
  'recommended',
  'recommendation',
  'recommendations',
  'ranking',
  'popular',
  'mostread',
  'mostviewed',
  'trending',
  'onwards',
  'morefrom',
  'readmore',
  'yarpp',
  'newsletter',
  'subscribe',
  'subscription',
  'signup',
  'promo',
  'promotion',
  'paywall',
  'upsell',
  'cookie',
  'cookies',
  'consent',
  'gdpr',
  'comment',
  'comments',
  'disqus',
  'respond',
  'replies',
  'authorbox',
  'profile',
  'bio',
  'byline',
  'tags',
  'tagcloud',
  'categories',
  'pager',
  'pagination',
  'pagenav',
  'prevnext',
  'colophon',
  'masthead',
  'topbar',
  'navbar',
  'gnav',
  'globalnav',
  'menu',
  'skip',
  'skiplink',
  'sidebar',
  'widget',
  'widgets',
  'lang',
  'language',
  'languages',
  'langswitch',
  'visuallyhidden',
  'noprint',
  'tools',
  'sponsor',
  'sponsored',
  'affiliate',
  'advert',
  'advertisement',
  'adsense',
  'adslot',
  'ad',
  'ads',
  'adv',
  'pr',
  'audio',
  'footer',
  'subnav',
  'submeta',
  'series',
  'kicker',
]);
/** Class/id words of short meta lines (dates, authors): removed only when small. */
const META_WORDS = new Set([
  'meta',
  'date',
  'time',
  'timestamp',
  'posted',
  'update',
  'updated',
  'author',
  'authors',
  'dateline',
  'info',
  'reading',
  'readtime',
]);
/** Photo credits and copyright lines, removed even inside a caption. */
const CREDIT_WORDS = new Set(['credit', 'credits', 'copyright']);
/** Meta-named elements with this much text or more are kept (a "meta-content" wrapper). */
const META_LIMIT = 120;

/** Inline elements inside a paragraph are never removed by name: the words belong to a sentence. */
const PHRASING = new Set([
  'A',
  'SPAN',
  'EM',
  'STRONG',
  'B',
  'I',
  'U',
  'ABBR',
  'CODE',
  'SMALL',
  'MARK',
  'Q',
  'CITE',
  'TIME',
  'SUB',
  'SUP',
  'KBD',
  'VAR',
  'DFN',
  'BDI',
  'BDO',
  'S',
  'DEL',
  'INS',
  'LABEL',
  'FONT',
]);
const TEXT_BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, dd, dt, td, th, figcaption';

export function removePageNoise(document: Document): void {
  const body = document.body;
  if (!body) return;
  const guard = makeGuard(document, body);
  const doomed: Element[] = [];
  const doom = (element: Element): void => {
    if (!guard(element)) doomed.push(element);
  };

  for (const element of body.querySelectorAll(FURNITURE_SELECTOR)) doom(element);
  for (const element of body.querySelectorAll(FOOTER_SELECTOR)) {
    if (!element.parentElement?.closest('blockquote, figure')) doom(element);
  }
  let last: Element | undefined;
  for (const element of body.querySelectorAll('[class], [id]')) {
    if (last?.contains(element)) continue;
    const words = nameWords(element);
    if (words.length === 0) continue;
    const credit = words.some((w) => CREDIT_WORDS.has(w));
    if (
      !credit &&
      PHRASING.has(element.tagName.toUpperCase()) &&
      element.parentElement?.closest(TEXT_BLOCKS)
    ) {
      continue;
    }
    const furniture = credit || words.some((w) => FURNITURE_WORDS.has(w)) || joinedFurniture(words);
    const meta = !furniture && words.some((w) => META_WORDS.has(w));
    if (furniture || (meta && textLengthUpTo(element, META_LIMIT) < META_LIMIT)) {
      if (!guard(element)) {
        doomed.push(element);
        last = element;
      }
    }
  }
  for (const element of doomed) element.remove();
}

/** "table-of-contents", "most-read", "read-more": furniture names split over several words. */
function joinedFurniture(words: string[]): boolean {
  const joined = words.join('');
  return /tableofcontents|mostread|mostviewed|readmore|morefrom|relatedposts|screenreader|sronly|skipto|jumpto|cookienotice|authorbox|postnavigation|navlinks|entrymeta|postmeta|articlemeta/.test(
    joined,
  );
}

/** The words of an element's class and id: "jp-relatedposts sdTitle" → jp, relatedposts, sd, title. */
export function nameWords(element: Element): string[] {
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  if (names.trim() === '') return [];
  return names
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/**
 * True for elements that must stay: the page's main h1 or more than half of the page's text is
 * inside. The text of the body is counted once; each candidate is counted only up to that half.
 */
function makeGuard(document: Document, body: HTMLElement): (element: Element) => boolean {
  const h1 = mainHeading(document);
  const half = Math.floor(textLengthUpTo(body, Number.POSITIVE_INFINITY) / 2);
  return (element) => {
    if (element === body || element === document.documentElement) return true;
    if (h1 && element.contains(h1) && element.tagName !== 'HEADER') return true;
    return half > 400 && textLengthUpTo(element, half) >= half;
  };
}

/** The h1 of the article: the last h1 on the page that is not a site logo inside a header. */
function mainHeading(document: Document): Element | undefined {
  const all = [...document.querySelectorAll('h1')].filter((h) => (h.textContent ?? '').trim() !== '');
  return all.find((h) => h.closest('article, main, [role="main"]')) ?? all.at(-1);
}

/** The element's text length, counting no further than `limit` (big wrappers stop early). */
export function textLengthUpTo(element: Element, limit: number): number {
  let length = 0;
  const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node && length < limit; node = walker.nextNode()) {
    length += (node.nodeValue ?? '').trim().length;
  }
  return length;
}
