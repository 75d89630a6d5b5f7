/** Class/id tokens of advertising slots; Readability's own list misses names like "ad-slot". */
const AD_TOKEN =
  /(?:^|[\s_-])(?:ad|ads|adv|advert|adverts|advertisement|adsense|adslot|sponsored|promo|pr)(?:$|[\s_-])/i;
/** Class/id tokens of the date/author/share lines around an article. */
const META_TOKEN =
  /(?:^|[\s_-])(?:meta|date|time|timestamp|posted|update|updated|byline|author|share|sharing|tags|breadcrumbs?|topicpath)(?:$|[\s_-])/i;
/** Labels that are never article text on their own. */
const LABELS = new Set(['広告', 'スポンサーリンク', 'PR', 'Advertisement', 'Sponsored', 'Ad']);

/**
 * Removes the page furniture Readability tends to keep: ad slots, and short date/author/share
 * lines. Only small elements go (a wrapper that happens to be named "meta-content" around the
 * whole article stays), and only by class/id or by an exact ad label on a leaf element.
 */
export function removePageNoise(document: Document): void {
  const doomed: Element[] = [];
  for (const element of document.body?.querySelectorAll('[class], [id]') ?? []) {
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    const limit = AD_TOKEN.test(names) ? 300 : META_TOKEN.test(names) ? 100 : 0;
    if (limit > 0 && textLengthUpTo(element, limit) < limit) doomed.push(element);
  }
  for (const element of document.body?.querySelectorAll('div, p, span, aside, section') ?? []) {
    if (element.firstElementChild === null && LABELS.has((element.textContent ?? '').trim()))
      doomed.push(element);
  }
  for (const element of doomed) element.remove();
}

/** The element's text length, counting no further than `limit` (big wrappers stop early). */
function textLengthUpTo(element: Element, limit: number): number {
  let length = 0;
  const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node && length < limit; node = walker.nextNode()) {
    length += (node.nodeValue ?? '').trim().length;
  }
  return length;
}
