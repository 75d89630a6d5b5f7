import type { FrameLayout } from './frame-layout.ts';
import { fitParagraphs, type MeasureEm } from './text-fit.ts';

export const HEADING_LINE_HEIGHT = 1.3;
export const BULLET_LINE_HEIGHT = 1.5;
/** Space between bullets, as a multiple of their font size. */
export const BULLET_GAP = 0.8;

export interface SectionLayout {
  counterFont: number;
  counterHeight: number;
  gapSmall: number;
  gapLarge: number;
  barHeight: number;
  headingFont: number;
  headingMaxLines: number;
  cardPadX: number;
  cardPadY: number;
  markerColumn: number;
  bulletFont: number;
  /** Lines each bullet is clamped to, when even the smallest font overflows. */
  bulletClampLines: number | undefined;
}

/**
 * Sizes of a section slide: the heading gets its largest size that fits in 2 (vertical 3)
 * lines, the bullets get the rest of the content box. When the bullets cannot fit even at their
 * smallest size, the heading steps down to its smallest size to make room, and as a last resort
 * the bullets are clamped to an even share of the lines.
 */
export interface SectionLayoutOptions {
  /** Height (gap included) of a block shown between the heading bar and the bullets. */
  reserve?: number;
  /** Scale of the bullets' font sizes (smaller under a key figure or a quote). */
  bulletScale?: number;
  /** The bullets are numbered steps: their markers are number badges, which take a wider column. */
  numbered?: boolean;
}

export function computeSectionLayout(
  frame: FrameLayout,
  heading: readonly string[],
  bullets: readonly (readonly string[])[],
  measureBold: MeasureEm,
  measureRegular: MeasureEm,
  options: SectionLayoutOptions = {},
): SectionLayout {
  const reserve = options.reserve ?? 0;
  const bulletScale = options.bulletScale ?? 1;
  const { content, u, vertical } = frame;
  const counterFont = (vertical ? 3.4 : 2.8) * u;
  const counterHeight = counterFont * 1.5;
  const gapSmall = (vertical ? 2 : 1.4) * u;
  const gapLarge = (vertical ? 4.5 : 3.2) * u;
  const barHeight = 0.7 * u;
  const headingMaxLines = vertical ? 3 : 2;
  const headingMin = (vertical ? 4.6 : 3.6) * u;
  const cardPadX = (vertical ? 4.5 : 4) * u;
  const cardPadY = (vertical ? 4.5 : 3.6) * u;
  const markerColumn = (options.numbered ? (vertical ? 6 : 5) : vertical ? 4.2 : 3.4) * u;

  const fitHeading = (maxFontSize: number) =>
    fitParagraphs({
      paragraphs: [heading],
      measureEm: measureBold,
      boxWidth: content.width,
      boxHeight: headingMaxLines * maxFontSize * HEADING_LINE_HEIGHT,
      maxFontSize,
      minFontSize: headingMin,
      lineHeight: HEADING_LINE_HEIGHT,
      maxLinesPerParagraph: headingMaxLines,
    });
  const fitBullets = (headingHeight: number) => {
    const boxHeight =
      content.height -
      counterHeight -
      2 * gapSmall -
      barHeight -
      headingHeight -
      reserve -
      gapLarge -
      2 * cardPadY;
    const fit = fitParagraphs({
      paragraphs: bullets,
      measureEm: measureRegular,
      boxWidth: content.width - 2 * cardPadX - markerColumn,
      boxHeight,
      maxFontSize: (vertical ? 5 : 4.2) * u * bulletScale,
      minFontSize: Math.min((vertical ? 3.2 : 2.5) * u, (vertical ? 5 : 4.2) * u * bulletScale),
      lineHeight: BULLET_LINE_HEIGHT,
      paragraphGap: BULLET_GAP,
    });
    return { fit, boxHeight };
  };
  const headingHeightOf = (h: ReturnType<typeof fitHeading>) =>
    Math.min(h.height, headingMaxLines * h.fontSize * HEADING_LINE_HEIGHT);

  let headingFit = fitHeading((vertical ? 7 : 6) * u);
  let bulletsFit = fitBullets(headingHeightOf(headingFit));
  if (!bulletsFit.fit.fits && headingFit.fontSize > headingMin) {
    headingFit = fitHeading(headingMin);
    bulletsFit = fitBullets(headingHeightOf(headingFit));
  }
  const { fit, boxHeight } = bulletsFit;
  const linesThatFit = Math.floor(
    (boxHeight - (bullets.length - 1) * BULLET_GAP * fit.fontSize) / (fit.fontSize * BULLET_LINE_HEIGHT),
  );

  return {
    counterFont,
    counterHeight,
    gapSmall,
    gapLarge,
    barHeight,
    headingFont: headingFit.fontSize,
    headingMaxLines,
    cardPadX,
    cardPadY,
    markerColumn,
    bulletFont: fit.fontSize,
    bulletClampLines: fit.fits ? undefined : Math.max(1, Math.floor(linesThatFit / bullets.length)),
  };
}
