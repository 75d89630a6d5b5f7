import { AbsoluteFill } from 'remotion';
import type { VideoLabels } from '../i18n.ts';
import { useFrameLayout } from '../layout/frame-layout.ts';
import { measureEmFor } from '../layout/measure.ts';
import { breakSegments } from '../layout/segments.ts';
import { fitParagraphs } from '../layout/text-fit.ts';
import { FONT_WEIGHT, theme } from '../theme.ts';
import { WrappedText } from './WrappedText.tsx';

const THANKS_LINE_HEIGHT = 1.3;
const MAX_CREDIT_LINES = 4;

/** Last slide without recap bullets: the thank-you line, then a card with the source and the voice credits. */
export const ClosingSlide: React.FC<{
  labels: VideoLabels;
  /** The source line (site name and host), not the raw URL. */
  source?: string;
  credits: readonly string[];
}> = ({ labels, source, credits }) => {
  const { content, u, vertical, radius } = useFrameLayout();

  const thanksSegments = breakSegments(labels.thanks);
  const thanks = fitParagraphs({
    paragraphs: [thanksSegments],
    measureEm: measureEmFor(FONT_WEIGHT.bold),
    boxWidth: content.width,
    boxHeight: content.height * 0.4,
    maxFontSize: (vertical ? 7.4 : 6.4) * u,
    minFontSize: 3.6 * u,
    lineHeight: THANKS_LINE_HEIGHT,
    maxLinesPerParagraph: 2,
  });
  const labelFont = (vertical ? 2.6 : 2) * u;
  const infoFont = (vertical ? 3.4 : 2.6) * u;
  const shownCredits = [...new Set(credits)].slice(0, MAX_CREDIT_LINES);

  const rowLabel: React.CSSProperties = {
    fontSize: labelFont,
    fontWeight: FONT_WEIGHT.bold,
    color: theme.accent,
    letterSpacing: '0.1em',
    // Align the label's text with the first line of its value.
    lineHeight: `${infoFont * 1.45}px`,
    whiteSpace: 'nowrap',
  };
  const rowText: React.CSSProperties = { fontSize: infoFont, lineHeight: 1.45, color: theme.textSecondary };

  return (
    <AbsoluteFill>
      <div
        style={{
          position: 'absolute',
          ...content,
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'center',
          alignItems: 'center',
          textAlign: 'center',
          gap: (vertical ? 5 : 3.6) * u,
        }}
      >
        <WrappedText
          segments={thanksSegments}
          maxLines={2}
          style={{
            fontSize: thanks.fontSize,
            fontWeight: FONT_WEIGHT.bold,
            lineHeight: THANKS_LINE_HEIGHT,
            color: theme.text,
          }}
        />
        <div
          style={{
            width: 12 * u,
            height: 0.8 * u,
            borderRadius: u,
            background: theme.accent,
          }}
        />
        {(source || shownCredits.length > 0) && (
          <div
            style={{
              maxWidth: '100%',
              padding: `${3.2 * u}px ${4.5 * u}px`,
              borderRadius: radius,
              background: theme.card,
              border: `${0.15 * u}px solid ${theme.cardBorder}`,
              boxShadow: `0 ${1.5 * u}px ${5 * u}px rgba(0, 0, 0, 0.35)`,
              display: 'grid',
              // Landscape: labels in a column beside the values; vertical: labels above them.
              gridTemplateColumns: vertical ? 'minmax(0, 1fr)' : 'auto minmax(0, 1fr)',
              columnGap: 3.5 * u,
              rowGap: (vertical ? 1 : 2.2) * u,
              textAlign: 'left',
            }}
          >
            {source && (
              <>
                <div style={rowLabel}>{labels.source}</div>
                <div style={{ ...rowText, marginBottom: vertical ? 2 * u : 0 }}>{source}</div>
              </>
            )}
            {shownCredits.length > 0 && (
              <>
                <div style={rowLabel}>{labels.credits}</div>
                <div>
                  {shownCredits.map((credit) => (
                    <div
                      key={credit}
                      style={{
                        ...rowText,
                        whiteSpace: 'nowrap',
                        overflow: 'hidden',
                        textOverflow: 'ellipsis',
                      }}
                    >
                      {credit}
                    </div>
                  ))}
                </div>
              </>
            )}
          </div>
        )}
      </div>
    </AbsoluteFill>
  );
};
