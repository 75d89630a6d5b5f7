/**
 * Pure text fitting: picks the largest font size at which text fits a box, by simulating the
 * browser's greedy line wrapping over the same break opportunities the slides render (see
 * segments.ts). Measurement is injected, so this runs (and is tested) without a browser.
 */

/** Width of a string in em (i.e. in px at a font size of 1 px). */
export type MeasureEm = (text: string) => number;

/** Wrapped lines are kept a little narrower than the box, to absorb kerning and rounding. */
const WIDTH_SAFETY = 0.97;
/** Each step down shrinks the font by 4 %. */
const SHRINK_STEP = 0.96;

/**
 * Lines a paragraph takes when wrapped greedily at `maxWidthEm`. `segments` are the unbreakable
 * pieces in order; a segment may end in a space, which hangs at a line end like in CSS.
 */
export function countWrappedLines(
  segments: readonly string[],
  measureEm: MeasureEm,
  maxWidthEm: number,
): number {
  let lines = 1;
  let x = 0;
  for (const segment of segments) {
    const visible = measureEm(segment.trimEnd());
    const advance = measureEm(segment);
    if (x > 0 && x + visible > maxWidthEm) {
      lines += 1;
      x = 0;
    }
    if (visible > maxWidthEm) {
      // overflow-wrap: anywhere splits a segment wider than the line.
      const extraLines = Math.ceil(visible / maxWidthEm) - 1;
      lines += extraLines;
      x = visible - extraLines * maxWidthEm + (advance - visible);
      continue;
    }
    x += advance;
  }
  return lines;
}

export interface FitParagraphsOptions {
  /** Each paragraph as its unbreakable segments. */
  paragraphs: readonly (readonly string[])[];
  measureEm: MeasureEm;
  boxWidth: number;
  boxHeight: number;
  maxFontSize: number;
  minFontSize: number;
  /** Line height as a multiple of the font size. */
  lineHeight: number;
  /** Space between paragraphs as a multiple of the font size. */
  paragraphGap?: number;
  /** No paragraph may wrap to more lines than this. */
  maxLinesPerParagraph?: number;
}

export interface FitResult {
  fontSize: number;
  lineCounts: number[];
  /** Height of the laid-out paragraphs in px. */
  height: number;
  /** False when even the minimum font size overflows; the caller then clamps lines. */
  fits: boolean;
}

export function fitParagraphs(options: FitParagraphsOptions): FitResult {
  const { paragraphs, measureEm, boxWidth, boxHeight, lineHeight } = options;
  const gap = options.paragraphGap ?? 0;
  const maxLines = options.maxLinesPerParagraph ?? Number.POSITIVE_INFINITY;
  const minFontSize = Math.min(options.minFontSize, options.maxFontSize);
  let fontSize = options.maxFontSize;
  for (;;) {
    const lineCounts = paragraphs.map((segments) =>
      countWrappedLines(segments, measureEm, (boxWidth * WIDTH_SAFETY) / fontSize),
    );
    const totalLines = lineCounts.reduce((sum, n) => sum + n, 0);
    const height = totalLines * fontSize * lineHeight + Math.max(0, paragraphs.length - 1) * gap * fontSize;
    const fits = height <= boxHeight && lineCounts.every((n) => n <= maxLines);
    if (fits || fontSize <= minFontSize) {
      return { fontSize, lineCounts, height, fits };
    }
    fontSize = Math.max(minFontSize, fontSize * SHRINK_STEP);
  }
}

export interface FitSingleLinesResult {
  fontSize: number;
  /** False when the widest line is too wide even at the minimum size; the caller lets it wrap. */
  fits: boolean;
}

/** Largest font size (≤ max) at which every line fits on one line of `boxWidth`. */
export function fitSingleLines(
  lines: readonly string[],
  measureEm: MeasureEm,
  boxWidth: number,
  maxFontSize: number,
  minFontSize: number,
): FitSingleLinesResult {
  const widestEm = Math.max(0, ...lines.map((line) => measureEm(line)));
  if (widestEm === 0) return { fontSize: maxFontSize, fits: true };
  const ideal = (boxWidth * WIDTH_SAFETY) / widestEm;
  if (ideal >= maxFontSize) return { fontSize: maxFontSize, fits: true };
  if (ideal >= minFontSize) return { fontSize: ideal, fits: true };
  return { fontSize: minFontSize, fits: false };
}
