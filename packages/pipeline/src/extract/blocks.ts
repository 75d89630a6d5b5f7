import { normaliseText } from './text.ts';
import type { ArticleBlock } from './types.ts';

const HEADING = /^H([1-6])$/;
/** Elements read as one paragraph each, unless they hold blocks of their own (an li with p's). */
const PARAGRAPHS = new Set(['P', 'LI', 'BLOCKQUOTE', 'DD', 'DT']);
const CONTAINERS_IN_PARAGRAPHS = ['P', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'DL', 'DIV', 'TABLE'];
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'SVG',
  'FIGCAPTION',
  'PRE',
  'BUTTON',
]);

/**
 * The readable blocks of the article body in document order: headings with their level, and
 * paragraphs from p, li and friends. A list item that holds blocks is walked into instead, so no
 * text appears twice. The walk uses sibling pointers: in jsdom, `children`/`childNodes` build
 * live collections and cost ~50x more on big pages.
 */
export function collectBlocks(root: Element): ArticleBlock[] {
  const blocks: ArticleBlock[] = [];
  const walk = (element: Element): void => {
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
      const tag = child.tagName.toUpperCase();
      if (SKIPPED.has(tag)) continue;
      const heading = HEADING.exec(tag);
      if (heading) {
        push(blocks, { type: 'heading', text: textOf(child), level: Number(heading[1]) });
      } else if (PARAGRAPHS.has(tag) && !hasBlockChild(child)) {
        push(blocks, { type: 'paragraph', text: textOf(child) });
      } else {
        walk(child);
      }
    }
  };
  walk(root);
  return blocks;
}

function push(blocks: ArticleBlock[], block: ArticleBlock): void {
  if (block.text !== '') blocks.push(block);
}

function hasBlockChild(element: Element): boolean {
  for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
    const tag = child.tagName.toUpperCase();
    if (CONTAINERS_IN_PARAGRAPHS.includes(tag) || HEADING.test(tag)) return true;
  }
  return false;
}

/** Text of an element with line breaks as spaces and scripts/styles left out. */
function textOf(element: Element): string {
  let text = '';
  const visit = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) text += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const tag = (child as Element).tagName.toUpperCase();
        if (tag === 'BR') text += ' ';
        else if (!SKIPPED.has(tag) || tag === 'PRE' || tag === 'BUTTON') visit(child);
      }
    }
  };
  visit(element);
  return normaliseText(text);
}
