import { AbsoluteFill, useCurrentFrame } from 'remotion';
import { entranceProgress, fadeSlideIn, wipeIn } from '../animation.ts';
import { useFrameLayout } from '../layout/frame-layout.ts';
import { measureEmFor } from '../layout/measure.ts';
import {
  BULLET_GAP,
  BULLET_LINE_HEIGHT,
  computeSectionLayout,
  HEADING_LINE_HEIGHT,
} from '../layout/section-layout.ts';
import { breakSegments } from '../layout/segments.ts';
import { FONT_WEIGHT, theme } from '../theme.ts';
import { WrappedText } from './WrappedText.tsx';

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Body slide: "02 / 05" counter, heading with an accent bar, and the bullets in a card. */
export const SectionSlide: React.FC<{
  title: string;
  bullets: readonly string[];
  sectionNumber: number;
  sectionCount: number;
  transitionFrames: number;
}> = ({ title, bullets, sectionNumber, sectionCount, transitionFrames }) => {
  const frame = useCurrentFrame();

  const layout = useFrameLayout();
  const { u, radius } = layout;
  const headingSegments = breakSegments(title);
  const bulletSegments = bullets.map(breakSegments);
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
  } = computeSectionLayout(
    layout,
    headingSegments,
    bulletSegments,
    measureEmFor(FONT_WEIGHT.bold),
    measureEmFor(FONT_WEIGHT.regular),
  );

  const counterIn = entranceProgress(frame, transitionFrames, [0, 0.5]);
  const headingIn = entranceProgress(frame, transitionFrames, [0.08, 0.6]);
  const barIn = entranceProgress(frame, transitionFrames, [0.25, 0.75]);
  const cardIn = entranceProgress(frame, transitionFrames, [0.2, 0.7]);
  const bulletPhase = (i: number): [number, number] => {
    const start = 0.3 + (0.3 * i) / Math.max(1, bullets.length - 1);
    return [start, start + 0.4];
  };
  const markerSize = 0.42 * bulletFont;

  return (
    <AbsoluteFill>
      <div style={{ position: 'absolute', ...layout.content, display: 'flex', flexDirection: 'column' }}>
        <div
          style={{
            ...fadeSlideIn(counterIn, -3 * u, 'x'),
            height: counterHeight,
            display: 'flex',
            alignItems: 'center',
            gap: 0.5 * counterFont,
            fontSize: counterFont,
            fontWeight: FONT_WEIGHT.bold,
            letterSpacing: '0.08em',
            fontVariantNumeric: 'tabular-nums',
          }}
        >
          <span style={{ color: theme.accent }}>{pad2(sectionNumber)}</span>
          <span style={{ color: theme.textMuted }}>/ {pad2(sectionCount)}</span>
        </div>
        <WrappedText
          segments={headingSegments}
          maxLines={headingMaxLines}
          style={{
            ...fadeSlideIn(headingIn, -4 * u, 'x'),
            marginTop: gapSmall,
            fontSize: headingFont,
            fontWeight: FONT_WEIGHT.bold,
            lineHeight: HEADING_LINE_HEIGHT,
            color: theme.text,
          }}
        />
        <div
          style={{
            ...wipeIn(barIn),
            marginTop: gapSmall,
            flex: 'none',
            width: 10 * u,
            height: barHeight,
            borderRadius: barHeight,
            background: theme.accent,
          }}
        />
        {bullets.length > 0 && (
          <div
            style={{
              ...fadeSlideIn(cardIn, 3 * u),
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
                  ...fadeSlideIn(entranceProgress(frame, transitionFrames, bulletPhase(i)), 2 * u),
                  display: 'flex',
                  alignItems: 'flex-start',
                }}
              >
                <div style={{ flex: 'none', width: markerColumn, height: bulletFont * BULLET_LINE_HEIGHT }}>
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
                </div>
                <WrappedText
                  segments={segments}
                  maxLines={bulletClampLines}
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
      </div>
    </AbsoluteFill>
  );
};
