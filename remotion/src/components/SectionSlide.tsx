import { AbsoluteFill, useCurrentFrame } from 'remotion';
import { BULLET_FIGURE } from '../layout/bullet-figures.ts';
import { type Box, useFrameLayout } from '../layout/frame-layout.ts';
import {
  CONTEXT_LINE_HEIGHT,
  computeFigureLayout,
  computeKeyPointLayout,
  computeQuoteLayout,
  FIGURE_LINE_HEIGHT,
  QUOTE_LINE_HEIGHT,
  shownFigureValue,
} from '../layout/hero-layout.ts';
import { measureEmFor } from '../layout/measure.ts';
import {
  BULLET_GAP,
  BULLET_LINE_HEIGHT,
  computeSectionLayout,
  HEADING_LINE_HEIGHT,
} from '../layout/section-layout.ts';
import { breakSegments } from '../layout/segments.ts';
import { countWrappedLines } from '../layout/text-fit.ts';
import type { Slide } from '../props.ts';
import { FONT_WEIGHT, theme } from '../theme.ts';
import { KeyPointPanel } from './KeyPointPanel.tsx';
import { ListCard } from './ListCard.tsx';
import { SlidePicture } from './SlidePicture.tsx';
import { WrappedText } from './WrappedText.tsx';

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** A step's number in a disc of the accent colour, in place of the bullet marker; nothing for a bullet that is not a step. */
function StepBadge({ step, bulletFont }: { step: number | null; bulletFont: number }) {
  if (step === null) return null;
  const size = 0.86 * bulletFont;
  return (
    <div
      style={{
        width: size,
        height: size,
        marginTop: (bulletFont * BULLET_LINE_HEIGHT - size) / 2,
        borderRadius: '50%',
        background: theme.accent,
        color: theme.background,
        fontSize: (step >= 10 ? 0.48 : 0.58) * bulletFont,
        fontWeight: FONT_WEIGHT.bold,
        lineHeight: 1,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        fontVariantNumeric: 'tabular-nums',
      }}
    >
      {step}
    </div>
  );
}

/**
 * Body slide: "02 / 05" counter, heading with an accent bar, then by layout:
 * - bullets: the bullets in a card;
 * - picture: the article's picture with its caption beside the bullets (stacked above them
 *   when vertical);
 * - figure: one key number very large with its one-line context, the bullets smaller below;
 * - quote: the quotation large with "— who", the bullets smaller below;
 * - keypoint: the section's rule or conclusion large on an accent panel, the bullets smaller
 *   below it (or above it, when it is said after them: it appears when said).
 * Bullets with a reveal frame appear then (a cut); the others show from the start. A layout
 * without its data is drawn as bullets.
 */
export const SectionSlide: React.FC<{
  slide: Slide;
  /** Small lines at the bottom of the slide (the closing slide's source and credits). */
  footer?: readonly string[];
}> = ({ slide, footer = [] }) => {
  const frame = useCurrentFrame();
  const frameLayout = useFrameLayout();
  const { u, radius, vertical, content } = frameLayout;
  const measureBold = measureEmFor(FONT_WEIGHT.bold);
  const measureRegular = measureEmFor(FONT_WEIGHT.regular);
  const { title, bullets, sectionNumber, sectionCount } = slide;
  const layout =
    slide.layout === 'picture' && slide.image
      ? 'picture'
      : slide.layout === 'figure' && slide.figure
        ? 'figure'
        : slide.layout === 'quote' && slide.quote
          ? 'quote'
          : slide.layout === 'keypoint' && slide.keyPoint
            ? 'keypoint'
            : slide.layout === 'list' && slide.list
              ? 'list'
              : 'bullets';

  // The picture takes one side (landscape) or the top (vertical); the text gets the rest.
  const footerFont = (vertical ? 2.6 : 2.1) * u;
  const footerHeight = footer.length > 0 ? footer.length * footerFont * 1.4 + 2 * u : 0;
  const slideBox: Box = { ...content, height: content.height - footerHeight };
  let textBox: Box = slideBox;
  let pictureBox: Box | undefined;
  if (layout === 'picture') {
    if (vertical) {
      const height = 0.4 * slideBox.height;
      pictureBox = { ...slideBox, height };
      textBox = { ...slideBox, top: slideBox.top + height + 3 * u, height: slideBox.height - height - 3 * u };
    } else {
      const width = 0.45 * slideBox.width;
      const gap = 4 * u;
      pictureBox = { ...slideBox, left: slideBox.left + slideBox.width - width, width };
      textBox = { ...slideBox, width: slideBox.width - width - gap };
    }
  }

  const headingSegments = breakSegments(title);
  const bulletSegments = bullets.map(breakSegments);
  // Room for a figure or quote: what is left under a two-line heading, shared with the bullets.
  const headerEstimate =
    (vertical ? 3.4 * 1.5 + 4 + 0.7 + 3 * 7 * 1.3 : 2.8 * 1.5 + 2.8 + 0.7 + 2 * 6 * 1.3) * u;
  const heroMax = (textBox.height - headerEstimate - 3 * u) * (bullets.length > 0 ? 0.5 : 0.9);
  const contextSegments = slide.figure ? breakSegments(slide.figure.context) : [];
  const quoteSegments = slide.quote ? breakSegments(slide.quote.text) : [];
  const keyPointSegments = slide.keyPoint ? breakSegments(slide.keyPoint.text) : [];
  const layoutWith = (heroMax: number) => {
    const figureLayout =
      layout === 'figure' && slide.figure
        ? computeFigureLayout(
            slide.figure,
            contextSegments,
            textBox.width,
            heroMax,
            u,
            vertical,
            measureBold,
            measureRegular,
          )
        : undefined;
    const quoteLayout =
      layout === 'quote'
        ? computeQuoteLayout(
            quoteSegments,
            textBox.width,
            heroMax,
            u,
            vertical,
            measureBold,
            bullets.length === 0,
          )
        : undefined;
    const keyPointLayout =
      layout === 'keypoint'
        ? computeKeyPointLayout(
            keyPointSegments,
            textBox.width,
            heroMax,
            u,
            vertical,
            measureBold,
            bullets.length === 0,
          )
        : undefined;
    const heroHeight = figureLayout?.height ?? quoteLayout?.height ?? keyPointLayout?.height ?? 0;
    const sizes = computeSectionLayout(
      { ...frameLayout, content: textBox },
      headingSegments,
      bulletSegments,
      measureBold,
      measureRegular,
      {
        ...(heroHeight > 0 ? { reserve: heroHeight + (vertical ? 4.5 : 3.2) * u, bulletScale: 0.82 } : {}),
        ...(slide.steps ? { numbered: true } : {}),
      },
    );
    return { figureLayout, quoteLayout, keyPointLayout, sizes };
  };
  let laidOut = layoutWith(heroMax);
  // Bullets that overflow even at their smallest size get room from a smaller figure or quote.
  if (
    laidOut.sizes.bulletClampLines !== undefined &&
    (laidOut.figureLayout || laidOut.quoteLayout || laidOut.keyPointLayout)
  ) {
    laidOut = layoutWith(0.55 * heroMax);
  }
  const { figureLayout, quoteLayout, keyPointLayout, sizes } = laidOut;
  const {
    counterFont,
    counterHeight,
    gapSmall,
    gapLarge,
    barHeight,
    headingFont,
    headingMaxLines,
    cardPadX,
    cardPadY,
    markerColumn,
    bulletFont,
    bulletClampLines,
  } = sizes;

  // A compact list takes what is left under the heading.
  const headingLines = Math.min(
    headingMaxLines,
    countWrappedLines(headingSegments, measureBold, (0.97 * textBox.width) / headingFont),
  );
  const listHeight =
    textBox.height -
    counterHeight -
    2 * gapSmall -
    barHeight -
    headingLines * headingFont * HEADING_LINE_HEIGHT -
    gapLarge;

  const reveals = slide.bulletReveals;
  // When every bullet waits for its narration, the card appears with the first of them.
  const firstReveal = reveals && reveals.length > 0 ? Math.min(...reveals) : 0;
  const shown = (at: number): React.CSSProperties => ({ opacity: frame < at ? 0 : 1 });
  const markerSize = 0.42 * bulletFont;
  // A key point said after the slide's first narration appears under the bullets shown before it,
  // in the order they are said (above them, an empty panel's place waited over the bullets).
  const keyPointBelow = (slide.keyPointReveal ?? 0) > 0 && bullets.length > 0;
  const keyPointPanel = keyPointLayout && (
    <KeyPointPanel
      segments={keyPointSegments}
      layout={keyPointLayout}
      radius={radius}
      style={{
        ...shown(slide.keyPointReveal ?? 0),
        // Alone on its slide, the key point stands in the middle of the space under the heading.
        marginTop: bullets.length === 0 ? 'auto' : gapLarge,
        marginBottom: bullets.length === 0 ? 'auto' : undefined,
      }}
    />
  );

  return (
    <AbsoluteFill>
      {pictureBox && slide.image && (
        <SlidePicture image={slide.image} box={pictureBox} u={u} vertical={vertical} />
      )}
      <div style={{ position: 'absolute', ...textBox, display: 'flex', flexDirection: 'column' }}>
        <div
          style={{
            height: counterHeight,
            flex: 'none',
            display: 'flex',
            alignItems: 'center',
            gap: 0.5 * counterFont,
            fontSize: counterFont,
            fontWeight: FONT_WEIGHT.bold,
            letterSpacing: '0.08em',
            fontVariantNumeric: 'tabular-nums',
          }}
        >
          {/* The closing slide (number 0) keeps the row's height but shows no counter. */}
          {sectionNumber > 0 && (
            <>
              <span style={{ color: theme.accent }}>{pad2(sectionNumber)}</span>
              <span style={{ color: theme.textMuted }}>/ {pad2(sectionCount)}</span>
            </>
          )}
        </div>
        <WrappedText
          segments={headingSegments}
          maxLines={headingMaxLines}
          style={{
            marginTop: gapSmall,
            flex: 'none',
            fontSize: headingFont,
            fontWeight: FONT_WEIGHT.bold,
            lineHeight: HEADING_LINE_HEIGHT,
            color: theme.text,
          }}
        />
        <div
          style={{
            marginTop: gapSmall,
            flex: 'none',
            width: 10 * u,
            height: barHeight,
            borderRadius: barHeight,
            background: theme.accent,
          }}
        />
        {figureLayout && slide.figure && (
          <div style={{ marginTop: gapLarge, flex: 'none' }}>
            <div
              style={{
                fontSize: figureLayout.valueFont,
                lineHeight: FIGURE_LINE_HEIGHT,
                fontWeight: FONT_WEIGHT.bold,
                color: theme.accent,
                whiteSpace: 'nowrap',
                letterSpacing: '-0.01em',
                fontVariantNumeric: 'tabular-nums',
              }}
            >
              {shownFigureValue(slide.figure.value)}
            </div>
            <WrappedText
              segments={contextSegments}
              maxLines={2}
              style={{
                marginTop: figureLayout.gap,
                fontSize: figureLayout.contextFont,
                lineHeight: CONTEXT_LINE_HEIGHT,
                color: theme.text,
              }}
            />
          </div>
        )}
        {keyPointLayout && !keyPointBelow && keyPointPanel}
        {quoteLayout && slide.quote && (
          <div
            style={{
              position: 'relative',
              // Alone on its slide, the quotation stands in the middle of the space under the heading.
              marginTop: bullets.length === 0 ? 'auto' : gapLarge,
              marginBottom: bullets.length === 0 ? 'auto' : undefined,
              flex: 'none',
              paddingLeft: quoteLayout.indent,
            }}
          >
            <div
              style={{
                position: 'absolute',
                left: 0,
                top: -0.25 * quoteLayout.indent,
                fontSize: 1.6 * quoteLayout.indent,
                lineHeight: 1,
                fontFamily: 'Georgia, serif',
                fontWeight: FONT_WEIGHT.bold,
                color: theme.accent,
              }}
            >
              “
            </div>
            <WrappedText
              segments={quoteSegments}
              maxLines={quoteLayout.quoteLines}
              style={{
                fontSize: quoteLayout.quoteFont,
                lineHeight: QUOTE_LINE_HEIGHT,
                fontWeight: FONT_WEIGHT.bold,
                color: theme.text,
              }}
            />
            {slide.quote.by && (
              <div
                style={{
                  marginTop: quoteLayout.gap,
                  fontSize: quoteLayout.byFont,
                  lineHeight: 1.4,
                  color: theme.accent,
                  whiteSpace: 'nowrap',
                  overflow: 'hidden',
                  textOverflow: 'ellipsis',
                }}
              >
                — {slide.quote.by}
              </div>
            )}
          </div>
        )}
        {layout === 'list' && slide.list && (
          <ListCard
            list={slide.list}
            reveals={slide.listReveals}
            frame={frame}
            width={textBox.width}
            height={listHeight}
            u={u}
            vertical={vertical}
            measureBold={measureBold}
            measureRegular={measureRegular}
            marginTop={gapLarge}
          />
        )}
        {bullets.length > 0 && (
          <div
            style={{
              ...shown(firstReveal),
              marginTop: gapLarge,
              padding: `${cardPadY}px ${cardPadX}px`,
              borderRadius: radius,
              background: theme.card,
              border: `${0.15 * u}px solid ${theme.cardBorder}`,
              boxShadow: `0 ${1.5 * u}px ${5 * u}px rgba(0, 0, 0, 0.35)`,
              display: 'flex',
              flexDirection: 'column',
              gap: BULLET_GAP * bulletFont,
            }}
          >
            {bulletSegments.map((segments, i) => (
              <div
                // Bullets are positional; their order never changes within a slide.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                key={i}
                style={{
                  ...shown(reveals?.[i] ?? 0),
                  display: 'flex',
                  alignItems: 'flex-start',
                }}
              >
                <div style={{ flex: 'none', width: markerColumn, height: bulletFont * BULLET_LINE_HEIGHT }}>
                  {slide.steps ? (
                    <StepBadge step={slide.steps[i] ?? null} bulletFont={bulletFont} />
                  ) : (
                    <div
                      style={{
                        width: markerSize,
                        height: markerSize,
                        marginTop: (bulletFont * BULLET_LINE_HEIGHT - markerSize) / 2,
                        borderRadius: 0.25 * markerSize,
                        background: theme.accent,
                        transform: 'rotate(45deg)',
                      }}
                    />
                  )}
                </div>
                <WrappedText
                  segments={segments}
                  maxLines={bulletClampLines}
                  highlight={{ pattern: BULLET_FIGURE, color: theme.accent }}
                  style={{
                    flex: 1,
                    minWidth: 0,
                    fontSize: bulletFont,
                    lineHeight: BULLET_LINE_HEIGHT,
                    color: theme.textSecondary,
                  }}
                />
              </div>
            ))}
          </div>
        )}
        {keyPointLayout && keyPointBelow && keyPointPanel}
      </div>
      {footer.length > 0 && (
        <div
          style={{
            position: 'absolute',
            left: content.left,
            width: content.width,
            top: content.top + content.height - footer.length * footerFont * 1.4,
            fontSize: footerFont,
            lineHeight: 1.4,
            color: theme.textMuted,
          }}
        >
          {footer.map((line) => (
            <div key={line} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
              {line}
            </div>
          ))}
        </div>
      )}
    </AbsoluteFill>
  );
};
