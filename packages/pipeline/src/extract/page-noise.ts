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
const FURNITURE_TAGS = new Set([
  'NAV',
  'ASIDE',
  'FORM',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'INPUT',
  'DIALOG',
  'IFRAME',
  'RT',
  'RP',
]);
const FURNITURE_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'dialog',
  'alertdialog',
]);
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
/** Class/id words removed even on an inline element inside a paragraph: footnote marks, credits. */
const FORCE_WORDS = new Set([
  'credit',
  'credits',
  'copyright',
  'reference',
  'noprint',
  'editsection',
  'backlink',
]);
/** Elements whose text is running prose; inline elements inside them are part of a sentence. */
const TEXT_BLOCKS = new Set([
  'P',
  'LI',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'DD',
  'DT',
  'TD',
  'TH',
  'FIGCAPTION',
]);

/**
 * Class/id words of furniture containers. Matched against the words of the class and id
 * (split at spaces, "-", "_" and camelCase), so "related-content" and "jp-relatedposts" match
 * but "unrelated" does not.
 */
const FURNITURE_WORDS = new Set([
  'editsection',
  'backlink',
  'reflist',
  'references',
  'navbox',
  'infobox',
  'hatnote',
  'catlinks',
  'metadata',
  'jump',
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

export function removePageNoise(document: Document): void {
  const body = document.body;
  if (!body) return;
  const guard = makeGuard(document, body);
  const doomed: Element[] = [];
  // One walk over the elements with sibling pointers: a long selector list costs seconds in
  // jsdom on a big page.
  const walk = (parent: Element, inText: boolean, inQuote: boolean): void => {
    for (let element = parent.firstElementChild; element; element = element.nextElementSibling) {
      const tag = element.tagName.toUpperCase();
      if (isFurniture(element, tag, parent === body, inText, inQuote) && !guard(element)) {
        doomed.push(element);
        continue;
      }
      walk(element, inText || TEXT_BLOCKS.has(tag), inQuote || tag === 'BLOCKQUOTE' || tag === 'FIGURE');
    }
  };
  walk(body, false, false);
  for (const element of doomed) {
    // A "[citation needed]" mark goes as a mark, not as page furniture: the text says it in words
    // (see withSourceCaveats).
    const mark = element.textContent?.trim() ?? '';
    if (UNSOURCED_MARK.test(mark)) element.replaceWith(document.createTextNode(mark));
    else element.remove();
  }
}

const UNSOURCED_MARK = /^[[［]\s*(?:[Cc]itation needed|要出典)\s*[\]］]$/u;

function isFurniture(
  element: Element,
  tag: string,
  topLevel: boolean,
  inText: boolean,
  inQuote: boolean,
): boolean {
  if (FURNITURE_TAGS.has(tag)) return true;
  if (tag === 'FOOTER') return !inQuote;
  if (tag === 'HEADER' && topLevel) return true;
  const role = element.getAttribute('role');
  if (role && FURNITURE_ROLES.has(role)) return true;
  if (element.getAttribute('aria-hidden') === 'true' || element.hasAttribute('hidden')) return true;
  const style = element.getAttribute('style');
  if (style && HIDDEN_STYLE.test(style)) return true;
  const words = nameWords(element);
  if (words.length === 0) return false;
  if (words.some((w) => FORCE_WORDS.has(w))) return true;
  // Inline elements inside a paragraph are never removed by name: the words belong to a sentence.
  if (inText && PHRASING.has(tag)) return false;
  if (words.some((w) => FURNITURE_WORDS.has(w)) || joinedFurniture(words)) return true;
  return words.some((w) => META_WORDS.has(w)) && textLengthUpTo(element, META_LIMIT) < META_LIMIT;
}

/** "table-of-contents", "most-read", "read-more": furniture names split over several words. */
function joinedFurniture(words: string[]): boolean {
  const joined = words.join('');
  return /tableofcontents|mostread|mostviewed|readmore|morefrom|relatedposts|screenreader|sronly|skipto|jumpto|cookienotice|authorbox|postnavigation|navlinks|entrymeta|postmeta|articlemeta|sitesub|contentsub|visuallyhidden/.test(
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
    // Most furniture is small: too little text to hold prose or half the page, no more counting.
    const length = textLengthUpTo(element, Math.max(MIN_PROTECTED, half));
    if (length < MIN_PROTECTED) return false;
    if (half > 400 && length >= half) return true;
    return !nameWords(element).some((w) => COMMENT_WORDS.has(w)) && holdsProse(element);
  };
}

/** Less text than this can be neither three prose paragraphs nor the article. */
const MIN_PROTECTED = 240;

/** Comment threads hold prose too, but are never the article. */
const COMMENT_WORDS = new Set(['comment', 'comments', 'disqus', 'respond', 'replies']);
/** Paragraphs of article prose: three of this many characters or more ("read-more-content"). */
const PROSE_PARAGRAPH = 80;

function holdsProse(element: Element): boolean {
  let long = 0;
  for (const p of element.querySelectorAll('p')) {
    if ((p.textContent ?? '').trim().length >= PROSE_PARAGRAPH && ++long >= 3) return true;
  }
  return false;
}

/** The h1 of the article: the last h1 on the page that is not a site logo inside a header. */
function mainHeading(document: Document): Element | undefined {
  const all = [...document.querySelectorAll('h1')].filter((h) => (h.textContent ?? '').trim() !== '');
  return all.find((h) => h.closest('article, main, [role="main"]')) ?? all.at(-1);
}

/** The element's text length, counting no further than `limit` (big wrappers stop early). */
export function textLengthUpTo(element: Element, limit: number): number {
  let length = 0;
  const visit = (node: Node): void => {
    for (let child = node.firstChild; child && length < limit; child = child.nextSibling) {
      if (child.nodeType === 3) length += (child.nodeValue ?? '').trim().length;
      else if (child.nodeType === 1) visit(child);
    }
  };
  visit(element);
  return length;
}
