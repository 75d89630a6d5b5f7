/** Class/id tokens of advertising slots; Readability's own list misses names like "ad-slot". */
const AD_TOKEN = /(?:^|[\s_-])(?:ad|ads|adv|advert|adverts|advertisement|adsense|adslot|sponsored|promo|pr)(?:$|[\s_-])/i;
/** Class/id tokens of the date/author/share lines around an article. */
const META_TOKEN =
  /(?:^|[\s_-])(?:meta|date|time|timestamp|posted|update|updated|byline|author|share|sharing|tags|breadcrumbs?|topicpath)(?:$|[\s_-])/i;
/** Labels that are never article text on their own. */
const LABELS = new Set(['広告', 'スポンサーリンク', 'PR', 'Advertisement', 'Sponsored', 'Ad']);

/**
 * Removes the page furniture Readability tends to keep: ad slots, and short date/author/share
 * lines. Only small elements go (a wrapper that happens to be named "meta-content" around the
 * whole article stays), and only by class/id or by an exact ad label.
 */
export function removePageNoise(document: Document): void {
  for (const element of document.body?.querySelectorAll('[class], [id]') ?? []) {
    if (!element.isConnected) continue;
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    const length = (element.textContent ?? '').trim().length;
    if ((AD_TOKEN.test(names) && length < 300) || (META_TOKEN.test(names) && length < 100)) element.remove();
  }
  for (const element of document.body?.querySelectorAll('div, p, span, aside, section') ?? []) {
    if (element.isConnected && LABELS.has((element.textContent ?? '').trim())) element.remove();
  }
}
