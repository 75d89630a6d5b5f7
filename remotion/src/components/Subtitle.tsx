import { useFrameLayout } from '../layout/frame-layout.ts';
import { measureEmFor } from '../layout/measure.ts';
import { breakSegments } from '../layout/segments.ts';
import { fitSingleLines } from '../layout/text-fit.ts';
import { FONT_WEIGHT, theme } from '../theme.ts';
import { WrappedText } from './WrappedText.tsx';

/**
 * One subtitle (≤ 2 pre-broken lines) in a dark band with the speaker's colour as a left bar.
 * It appears and disappears with hard cuts: no animation at all. Each line stays on one line
 * (the font shrinks to fit); only a line too long even at the minimum size wraps, between words.
 */
export const Subtitle: React.FC<{
  lines: readonly string[];
  color: string;
  /** The line budget the pipeline broke lines to, in full-width characters. */
  charsPerLine: number;
}> = ({ lines, color, charsPerLine }) => {
  const { subtitle: m, u, vertical } = useFrameLayout();
  const textWidth = m.maxWidth - m.barWidth - 2 * m.paddingX;
  // One size for every subtitle: a full budget of full-width characters fills the box.
  const budgetFont = Math.min(m.fontSize, textWidth / charsPerLine);
  const fit = fitSingleLines(lines, measureEmFor(FONT_WEIGHT.bold), textWidth, budgetFont, m.minFontSize);

  return (
    <div
      style={{
        position: 'absolute',
        left: 0,
        right: 0,
        bottom: m.bottom,
        display: 'flex',
        justifyContent: 'center',
        pointerEvents: 'none',
      }}
    >
      <div
        style={{
          display: 'flex',
          maxWidth: m.maxWidth,
          borderRadius: 1.4 * u,
          overflow: 'hidden',
          background: theme.subtitleBand,
          border: `${0.12 * u}px solid rgba(255, 255, 255, 0.08)`,
          boxShadow: `0 ${u}px ${4 * u}px rgba(0, 0, 0, 0.4)`,
        }}
      >
        <div style={{ flex: 'none', width: m.barWidth, background: color }} />
        <div
          style={{
            padding: `${m.paddingY}px ${m.paddingX}px`,
            minWidth: 0,
            fontSize: fit.fontSize,
            fontWeight: FONT_WEIGHT.bold,
            lineHeight: m.lineHeight,
            color: theme.text,
            textAlign: vertical ? 'center' : 'left',
          }}
        >
          {lines.map((line, i) =>
            fit.fits ? (
              // Lines are positional within one subtitle.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <div key={i} style={{ whiteSpace: 'nowrap' }}>
                {line}
              </div>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <WrappedText key={i} segments={breakSegments(line)} />
            ),
          )}
        </div>
      </div>
    </div>
  );
};
