import type { ListPanel } from '../props.ts';
import { breakSegments } from './segments.ts';
import { countWrappedLines, fitSingleLines, type MeasureEm } from './text-fit.ts';

export const LIST_LINE_HEIGHT = 1.35;
/** Space between rows, as a multiple of the item font size. */
export const LIST_ROW_GAP = 0.55;
/** Space between the lead and the first row, as a multiple of the item font size. */
export const LIST_LEAD_GAP = 0.9;
const WIDTH_SAFETY = 0.97;
const SHRINK_STEP = 0.96;

export interface ListLayout {
  /** 2: items flow down the left column, then the right one; 1: one item a row. */
  columns: 1 | 2;
  font: number;
  columnGap: number;
  /** Width of an item's marker column in em of the item font (0 for a table of amounts). */
  markerEm: number;
  /** Lines each item is clamped to when even the smallest font overflows. */
  clampLines: number | undefined;
  /** Lines the lead takes. */
  leadLines: number;
}

interface Fit {
  font: number;
  fits: boolean;
  leadLines: number;
}

/**
 * Sizes of a compact list in a box: the largest font at which every item (head and tail) fits in
 * one column or in two, whichever gives the larger type (ties go to one column); a table of
 * amounts (a recipe's ingredients) is one name-and-amount row per item, each on one line when it
 * can be. The lead line above the items takes at most two lines.
 */
export function computeListLayout(
  list: ListPanel,
  box: { width: number; height: number },
  u: number,
  vertical: boolean,
  measureBold: MeasureEm,
  measureRegular: MeasureEm,
): ListLayout {
  // A table of amounts has short rows: it may use larger type.
  const maxFont = (list.amounts ? (vertical ? 5 : 4.4) : vertical ? 4.6 : 3.9) * u;
  const minFont = (vertical ? 2.6 : 2.4) * u;
  const columnGap = (vertical ? 4 : 3.5) * u;
  // Heads are bold, tails regular: each segment is measured in its own weight (bold when in doubt).
  const headSegments = list.items.map((item) => breakSegments(item.head));
  const tailSegments = list.items.map((item) => (item.tail ? breakSegments(item.tail) : []));
  const itemSegments = headSegments.map((head, i) => [
    ...head.slice(0, -1),
    ...(tailSegments[i]!.length > 0 ? [`${head.at(-1) ?? ''} `] : head.slice(-1)),
    ...tailSegments[i]!,
  ]);
  const bold = new Set(headSegments.flatMap((head) => head.flatMap((seg) => [seg, `${seg} `])));
  const regular = new Set(tailSegments.flat().filter((seg) => !bold.has(seg)));
  const measureItem: MeasureEm = (text) => (regular.has(text) ? measureRegular(text) : measureBold(text));
  const leadSegments = list.lead ? breakSegments(list.lead) : undefined;

  const fitWith = (columns: 1 | 2, markerEm: number, spare = 0, startFont = maxFont): Fit => {
    for (let font = startFont; ; font = Math.max(minFont, font * SHRINK_STEP)) {
      const colWidth = (box.width - (columns - 1) * columnGap) / columns;
      const textWidthEm = ((colWidth - spare) * WIDTH_SAFETY) / font - markerEm;
      const lines = itemSegments.map((s) => countWrappedLines(s, measureItem, textWidthEm));
      const perColumn = Math.ceil(lines.length / columns);
      // Rows line up across the columns: each row is as tall as its taller item.
      const rowLines = Array.from({ length: perColumn }, (_, r) =>
        Math.max(...Array.from({ length: columns }, (_, c) => lines[c * perColumn + r] ?? 0)),
      );
      const leadLines = leadSegments
        ? Math.min(2, countWrappedLines(leadSegments, measureRegular, (box.width * WIDTH_SAFETY) / font))
        : 0;
      const height =
        rowLines.reduce((a, b) => a + b, 0) * font * LIST_LINE_HEIGHT +
        (perColumn - 1) * LIST_ROW_GAP * font +
        (leadLines > 0 ? leadLines * font * LIST_LINE_HEIGHT + LIST_LEAD_GAP * font : 0);
      // A table of amounts rules every row, the first included: one row gap more.
      const fits = height + (list.amounts ? LIST_ROW_GAP * font : 0) <= box.height;
      if (fits || font <= minFont) return { font, fits, leadLines };
    }
  };

  const layoutOf = (columns: 1 | 2, markerEm: number, fit: Fit): ListLayout => {
    const perColumn = Math.ceil(list.items.length / columns);
    const room =
      box.height -
      (fit.leadLines > 0 ? fit.leadLines * fit.font * LIST_LINE_HEIGHT + LIST_LEAD_GAP * fit.font : 0);
    const linesThatFit = Math.floor(
      (room - (perColumn - 1) * LIST_ROW_GAP * fit.font) / (fit.font * LIST_LINE_HEIGHT),
    );
    return {
      columns,
      font: fit.font,
      columnGap,
      markerEm,
      clampLines: fit.fits ? undefined : Math.max(1, Math.floor(linesThatFit / perColumn)),
      leadLines: fit.leadLines,
    };
  };

  if (list.amounts) {
    // A table of amounts: one row an item, the gap before the amount kept, each row on one line
    // when a size down to the smallest allows it.
    const rows = list.items.map((item) => `${item.head}${item.tail ?? ''}`);
    const oneLine = fitSingleLines(rows, measureBold, box.width - 6 * u, maxFont, minFont);
    return layoutOf(1, 0, fitWith(1, 0, 6 * u, oneLine.fontSize));
  }
  const markerEm = 1.4;
  const one = fitWith(1, markerEm);
  const two = vertical ? undefined : fitWith(2, markerEm);
  const useTwo =
    two !== undefined && (two.fits ? !one.fits || two.font > one.font : !one.fits && two.font >= one.font);
  return useTwo ? layoutOf(2, markerEm, two) : layoutOf(1, markerEm, one);
}
