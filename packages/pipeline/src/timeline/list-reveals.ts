import type { ListPanel } from '@movie-generator/remotion/props';
import type { Section } from '../schema/script.ts';

/** Letters and digits only, width- and case-folded, so an item matches however the narration punctuates it. */
const fold = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** How early (frames at 30 fps) the first item may show before it is said: 3 s, as for bullets. */
const MAX_EARLY_FIRST_ITEM_FRAMES = 90;

/**
 * When each item of a `list` slide appears, in frames from the slide's start: when the first
 * narration that names it (its head, punctuation aside) starts. An item no narration names shows
 * from the start, and so does the first item when it is said within 3 s and no lead line stands
 * above the items, so the slide does not open on an empty list for a moment. Undefined when
 * everything shows from the start.
 */
export function listReveals(
  section: Pick<Section, 'narrations'>,
  list: ListPanel,
  narrationStarts: readonly number[],
  slideStart: number,
): number[] | undefined {
  const said = section.narrations.map((n) => fold(n.text));
  let from = 0;
  const reveals = list.items.map((item) => {
    const head = fold(item.head);
    // Items are said in order: each is looked for from the narration that said the one before.
    const at = head.length === 0 ? -1 : said.findIndex((text, k) => k >= from && text.includes(head));
    if (at < 0) return 0;
    from = at;
    return Math.max(0, narrationStarts[at]! - slideStart);
  });
  const first = reveals.find((r) => r > 0);
  if (first !== undefined && first <= MAX_EARLY_FIRST_ITEM_FRAMES && !list.lead) {
    for (const [k, r] of reveals.entries()) if (r === first) reveals[k] = 0;
  }
  return reveals.some((r) => r > 0) ? reveals : undefined;
}
