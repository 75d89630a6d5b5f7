/**
 * Readability picks the article's container and then keeps only the siblings it scores high
 * enough. Its thresholds are tuned for English: a Japanese section of two short paragraphs
 * (「このお話の教訓」) scores low and is dropped even when it sits between two kept siblings, and a
 * picture just before the text has no score at all. These helpers put such siblings back.
 *
 * Before Readability runs, every element of the body gets `data-mg="<index>:<parent index>"`
 * (document order), and centred ones `data-mg-centred`. Readability moves the siblings it keeps into its content and leaves the
 * others in the document, where they can be found by their parent's index.
 */
const MARK = 'data-mg';
/** Set on elements whose text is centred, which Readability would otherwise forget. */
export const CENTRED = 'data-mg-centred';
/** A picture block put back before the first kept sibling holds at most this much text. */
const MAX_PICTURE_TEXT = 100;

export function markElements(body: Element): void {
  const indexes = new Map<Element, number>();
  let index = 0;
  const walk = (element: Element, parentIndex: number): void => {
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
      const own = index++;
      indexes.set(child, own);
      child.setAttribute(MARK, `${own}:${parentIndex}`);
      // Readability drops style and align; captions are told by their centring (blocks.ts).
      if (isCentred(child)) child.setAttribute(CENTRED, '');
      walk(child, own);
    }
  };
  walk(body, -1);
}

function markOf(element: Element): { index: number; parent: number } | undefined {
  const value = element.getAttribute(MARK);
  if (!value) return undefined;
  const [index, parent] = value.split(':').map(Number);
  return index === undefined || parent === undefined ? undefined : { index, parent };
}

/**
 * Puts back the siblings Readability dropped between two siblings it kept (same parent), and a
 * picture right before the first kept one, each at its place in document order.
 */
export function restoreSiblingGaps(content: Element, document: Document): void {
  const page = content.firstElementChild?.id === 'readability-page-1' ? content.firstElementChild : content;
  const kept: Array<{ element: Element; index: number; parent: number }> = [];
  for (let child = page.firstElementChild; child; child = child.nextElementSibling) {
    const mark = markOf(child);
    if (mark) kept.push({ element: child, ...mark });
  }
  if (kept.length === 0) return;
  const byParent = new Map<number, typeof kept>();
  for (const entry of kept) byParent.set(entry.parent, [...(byParent.get(entry.parent) ?? []), entry]);
  const [, group] = [...byParent].sort((a, b) => b[1].length - a[1].length)[0]!;
  if (group.length === 0) return;
  const first = group[0]!.index;
  const last = group.at(-1)!.index;

  // Readability turns some divs into new <p>s without the mark: such a leftover takes the place
  // of the marked sibling before it.
  const parent = document.querySelector(`[${MARK}^="${group[0]!.parent}:"]`);
  if (!parent) return;
  let before: Element | undefined;
  const gaps: Array<{ element: Element; index: number }> = [];
  let position = -1;
  for (let element = parent.firstElementChild; element; element = element.nextElementSibling) {
    position = markOf(element)?.index ?? position + 0.001;
    if (position < first) before = hasPicture(element) ? element : undefined;
    else if (position < last) gaps.push({ element, index: position });
  }
  const lastInserted = new Map<Element, Element>();
  for (const gap of gaps) {
    const anchor = group.filter((entry) => entry.index < gap.index).at(-1)?.element;
    if (!anchor) continue;
    (lastInserted.get(anchor) ?? anchor).after(gap.element);
    lastInserted.set(anchor, gap.element);
  }
  if (before) group[0]!.element.before(before);
}

function hasPicture(element: Element): boolean {
  return (
    element.querySelector('img') !== null && (element.textContent ?? '').trim().length <= MAX_PICTURE_TEXT
  );
}

function isCentred(element: Element): boolean {
  const style = element.getAttribute('style');
  if (style && /text-align\s*:\s*center/i.test(style)) return true;
  return element.getAttribute('align')?.toLowerCase() === 'center';
}
