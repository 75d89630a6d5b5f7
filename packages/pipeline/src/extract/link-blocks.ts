import { normaliseText } from './text.ts';

/** Share of a block's text inside links from which it is a list of links, not prose. */
const LINK_DENSITY = 0.6;
/** Items of a list of links are short titles; a list of long linked sentences is prose. */
const MAX_LINK_ITEM = 120;
const SENTENCE_END = /[.!?。！？」』"”]$/u;

interface LinkStats {
  text: number;
  linkText: number;
  links: number;
  /** Links to a place on the same page ("#section"). */
  inPageLinks: number;
}

/**
 * Removes what Readability keeps of link furniture inside the article: lists of links (related
 * articles, "see also", chapter lists), tables of contents (lists of in-page links, or lists whose
 * entries repeat the article's headings: "1.1 Construction"), rows of links (share bars, pagers)
 * and a lone short link standing as a paragraph ("Five things we learned from …").
 */
export function removeLinkBlocks(root: Element): void {
  const headings = new Set<string>();
  for (const heading of root.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    headings.add(withoutNumbering(normaliseText(heading.textContent ?? '')));
  }
  const doomed: Element[] = [];
  for (const list of root.querySelectorAll('ul, ol, dl')) {
    if (isLinkList(list) || isTableOfContents(list, headings)) doomed.push(list);
  }
  // Never inline elements: a link inside a sentence is part of the sentence.
  for (const block of root.querySelectorAll('p, div, section')) {
    if (!hasBlockChild(block) && isLinkRow(block)) doomed.push(block);
  }
  for (const element of doomed) element.remove();
}

function isLinkList(list: Element): boolean {
  let items = 0;
  let longest = 0;
  for (let item = list.firstElementChild; item; item = item.nextElementSibling) {
    items++;
    longest = Math.max(longest, normaliseText(item.textContent ?? '').length);
  }
  if (items < 2) return false;
  const stats = linkStats(list);
  if (stats.links >= 2 && stats.inPageLinks / stats.links >= 0.6) return true;
  return (
    stats.links >= 2 && stats.linkText / Math.max(stats.text, 1) >= LINK_DENSITY && longest <= MAX_LINK_ITEM
  );
}

/** A list whose entries are mostly the article's own headings, numbered or not. */
function isTableOfContents(list: Element, headings: Set<string>): boolean {
  let items = 0;
  let matches = 0;
  for (const item of list.querySelectorAll('li')) {
    items++;
    const first = item.firstChild?.nodeType === 3 ? item.textContent : textBeforeSublist(item);
    if (headings.has(withoutNumbering(normaliseText(first ?? '')))) matches++;
  }
  return items >= 3 && matches / items >= 0.6;
}

/** Text of a list item without its nested list (a TOC entry with sub-entries). */
function textBeforeSublist(item: Element): string {
  let text = '';
  for (let child = item.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1 && /^(UL|OL)$/i.test((child as Element).tagName)) break;
    text += child.textContent ?? '';
  }
  return text;
}

/** "1.1 Construction", "2. Terminology", "第3章 …" → the words only. */
function withoutNumbering(text: string): string {
  return text
    .replace(/^(?:\d+(?:\.\d+)*\.?|[IVX]+\.|第\d+[章節])\s*/u, '')
    .replace(/\.{3,}\s*\d+$/, '')
    .trim();
}

/**
 * A short block that is mostly links: two or more of them ("Share: Facebook X Email",
 * "1 2 次へ"), or a single link making up the whole line without ending a sentence.
 */
function isLinkRow(block: Element): boolean {
  const stats = linkStats(block);
  if (stats.links === 0 || stats.text === 0 || stats.text > 300) return false;
  const density = stats.linkText / stats.text;
  if (stats.links >= 2) return density >= LINK_DENSITY;
  const text = normaliseText(block.textContent ?? '');
  return density >= 0.95 && text.length <= MAX_LINK_ITEM && !SENTENCE_END.test(text);
}

function hasBlockChild(element: Element): boolean {
  for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
    if (/^(P|DIV|UL|OL|DL|TABLE|SECTION|BLOCKQUOTE|FIGURE|H[1-6])$/i.test(child.tagName)) return true;
  }
  return false;
}

function linkStats(root: Element): LinkStats {
  const stats: LinkStats = { text: 0, linkText: 0, links: 0, inPageLinks: 0 };
  const visit = (node: Node, inLink: boolean): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const length = (child.nodeValue ?? '').replace(/\s+/g, '').length;
        stats.text += length;
        if (inLink) stats.linkText += length;
      } else if (child.nodeType === 1) {
        const element = child as Element;
        const isLink = element.tagName.toUpperCase() === 'A' && element.hasAttribute('href');
        if (isLink && !inLink) {
          stats.links++;
          if (isInPageLink(element)) stats.inPageLinks++;
        }
        visit(element, inLink || isLink);
      }
    }
  };
  visit(root, false);
  return stats;
}

/** "#History", or the page's own address with a fragment (Readability makes links absolute). */
function isInPageLink(link: Element): boolean {
  const href = link.getAttribute('href') ?? '';
  if (href.startsWith('#')) return true;
  const hash = href.indexOf('#');
  return hash > 0 && href.slice(0, hash) === link.ownerDocument.URL.split('#')[0];
}
