import type { KeyFigure } from '../props.ts';
import { fitParagraphs, fitSingleLines, type MeasureEm } from './text-fit.ts';

/** A figure's number as shown: it heads its panel, so it starts like a heading ("About $90,000 a year"). */
export function shownFigureValue(value: string): string {
  return value.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

export const FIGURE_LINE_HEIGHT = 1.1;
export const CONTEXT_LINE_HEIGHT = 1.35;
export const QUOTE_LINE_HEIGHT = 1.45;

export interface FigureLayout {
  valueFont: number;
  contextFont: number;
  contextLines: number;
  gap: number;
  height: number;
}

/** The key figure as large as fits on one line (within `maxHeight`), its context in ≤ 2 lines under it. */
export function computeFigureLayout(
  figure: Pick<KeyFigure, 'value'>,
  contextSegments: readonly string[],
  width: number,
  maxHeight: number,
  u: number,
  vertical: boolean,
  measureBold: MeasureEm,
  measureRegular: MeasureEm,
): FigureLayout {
  const gap = 1 * u;
  const context = fitParagraphs({
    paragraphs: [contextSegments],
    measureEm: measureRegular,
    boxWidth: width,
    boxHeight: 2 * (vertical ? 4.6 : 3.8) * u * CONTEXT_LINE_HEIGHT,
    maxFontSize: (vertical ? 4.6 : 3.8) * u,
    minFontSize: (vertical ? 3.2 : 2.6) * u,
    lineHeight: CONTEXT_LINE_HEIGHT,
    maxLinesPerParagraph: 2,
  });
  const contextLines = Math.min(2, context.lineCounts[0] ?? 1);
  const contextHeight = contextLines * context.fontSize * CONTEXT_LINE_HEIGHT;
  const heightCap = Math.max(6 * u, (maxHeight - contextHeight - gap) / FIGURE_LINE_HEIGHT);
  const value = fitSingleLines(
    [shownFigureValue(figure.value)],
    measureBold,
    width,
    Math.min((vertical ? 17 : 15) * u, heightCap),
    Math.min(6 * u, heightCap),
  );
  const height = value.fontSize * FIGURE_LINE_HEIGHT + gap + contextHeight;
  return { valueFont: value.fontSize, contextFont: context.fontSize, contextLines, gap, height };
}

export interface QuoteLayout {
  quoteFont: number;
  quoteLines: number;
  byFont: number;
  indent: number;
  gap: number;
  height: number;
}

/**
 * The quotation as large as fits in `maxHeight` (≤ 5 lines), indented past a big quote mark,
 * "— by" under it. A quotation alone on its slide (`alone`: no bullets) may be set larger: a
 * short one otherwise sat small in the corner of an empty slide.
 */
export function computeQuoteLayout(
  quoteSegments: readonly string[],
  width: number,
  maxHeight: number,
  u: number,
  vertical: boolean,
  measureBold: MeasureEm,
  alone = false,
): QuoteLayout {
  const indent = (vertical ? 7 : 6) * u;
  const byFont = (vertical ? 3.6 : 3) * u;
  const gap = 1.6 * u;
  const fit = fitParagraphs({
    paragraphs: [quoteSegments],
    measureEm: measureBold,
    boxWidth: width - indent,
    boxHeight: Math.max(4 * u, maxHeight - byFont * 1.4 - gap),
    maxFontSize: (alone ? 1.3 : 1) * (vertical ? 6 : 5.2) * u,
    minFontSize: (vertical ? 3.4 : 2.8) * u,
    lineHeight: QUOTE_LINE_HEIGHT,
    maxLinesPerParagraph: 6,
  });
  const quoteLines = Math.min(6, fit.lineCounts[0] ?? 1);
  const height = quoteLines * fit.fontSize * QUOTE_LINE_HEIGHT + gap + byFont * 1.4;
  return { quoteFont: fit.fontSize, quoteLines, byFont, indent, gap, height };
}

export const KEY_POINT_LINE_HEIGHT = 1.3;

export interface KeyPointLayout {
  font: number;
  lines: number;
  padX: number;
  padY: number;
  /** Width of the accent bar on the panel's left edge. */
  bar: number;
  height: number;
}

/**
 * A key point as large as fits in a panel `width` wide and at most `maxHeight` tall (≤ 3 lines),
 * about the size of a figure's number when short. Alone on its slide (`alone`: no bullets) it may
 * be set larger.
 */
export function computeKeyPointLayout(
  segments: readonly string[],
  width: number,
  maxHeight: number,
  u: number,
  vertical: boolean,
  measureBold: MeasureEm,
  alone = false,
): KeyPointLayout {
  const padX = (vertical ? 4 : 3.4) * u;
  const padY = (vertical ? 3 : 2.4) * u;
  const bar = 0.9 * u;
  const fit = fitParagraphs({
    paragraphs: [segments],
    measureEm: measureBold,
    boxWidth: width - 2 * padX - bar,
    boxHeight: Math.max(4 * u, maxHeight - 2 * padY),
    maxFontSize: (alone ? 1.25 : 1) * (vertical ? 7.2 : 6.4) * u,
    minFontSize: (vertical ? 3.6 : 3) * u,
    lineHeight: KEY_POINT_LINE_HEIGHT,
    maxLinesPerParagraph: 3,
  });
  const lines = Math.min(3, fit.lineCounts[0] ?? 1);
  const height = lines * fit.fontSize * KEY_POINT_LINE_HEIGHT + 2 * padY;
  return { font: fit.fontSize, lines, padX, padY, bar, height };
}
