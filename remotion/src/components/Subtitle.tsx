import { computeDialogueLayout, type NameTagMetrics } from '../layout/dialogue-layout.ts';
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
 * In a dialogue the band keeps clear of the speaker badges and wears the speaker's name tag.
 */
export const Subtitle: React.FC<{
  lines: readonly string[];
  color: string;
  /** The line budget the pipeline broke lines to, in full-width characters. */
  charsPerLine: number;
  /** Speakers with badges on screen (a dialogue's); 0 for a narration. */
  speakerCount?: number;
  /** The speaker's name tag (dialogues only). */
  nameTag?: { name: string; color: string };
}> = ({ lines, color, charsPerLine, speakerCount = 0, nameTag }) => {
  const frameLayout = useFrameLayout();
  const { u, vertical } = frameLayout;
  const dialogue = speakerCount > 0 ? computeDialogueLayout(frameLayout, speakerCount) : undefined;
  const m = dialogue
    ? { ...frameLayout.subtitle, maxWidth: dialogue.subtitleMaxWidth }
    : frameLayout.subtitle;
  const textWidth = m.maxWidth - m.barWidth - 2 * m.paddingX;
  // One size for every subtitle: a full budget of full-width characters fills the box.
  const budgetFont = Math.min(m.fontSize, textWidth / charsPerLine);
  const fit = fitSingleLines(lines, measureEmFor(FONT_WEIGHT.bold), textWidth, budgetFont, m.minFontSize);

  const band = (
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
  );

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
      {nameTag && dialogue ? (
        <div style={{ position: 'relative', display: 'flex', maxWidth: m.maxWidth }}>
          {band}
          <NameTag name={nameTag.name} color={nameTag.color} metrics={dialogue.tag} />
        </div>
      ) : (
        band
      )}
    </div>
  );
};

/** The speaker's name in a small pill of the speaker's colour, astride the band's top edge. */
const NameTag: React.FC<{ name: string; color: string; metrics: NameTagMetrics }> = ({
  name,
  color,
  metrics,
}) => (
  <div
    style={{
      position: 'absolute',
      left: metrics.left,
      top: -metrics.rise,
      height: metrics.height,
      boxSizing: 'border-box',
      padding: `${metrics.paddingY}px ${metrics.paddingX}px`,
      borderRadius: metrics.height / 2,
      background: color,
      color: theme.background,
      fontSize: metrics.fontSize,
      lineHeight: metrics.lineHeight,
      fontWeight: FONT_WEIGHT.bold,
      whiteSpace: 'nowrap',
    }}
  >
    {name}
  </div>
);
