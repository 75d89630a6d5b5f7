import { AbsoluteFill } from 'remotion';
import { useFrameLayout } from '../layout/frame-layout.ts';
import { measureEmFor } from '../layout/measure.ts';
import { computeTitleBoxes, LEAD_MAX_SCALE } from '../layout/picture-layout.ts';
import { breakSegments } from '../layout/segments.ts';
import { fitParagraphs } from '../layout/text-fit.ts';
import type { SlideImage } from '../props.ts';
import { FONT_WEIGHT, theme } from '../theme.ts';
import { SlidePicture } from './SlidePicture.tsx';
import { WrappedText } from './WrappedText.tsx';

const TITLE_LINE_HEIGHT = 1.32;

/**
 * Opening slide: the site as a pill label, the article title large, an accent bar. With the
 * article's lead picture, the picture is shown as a picture beside the title (above it when
 * vertical): whole, sharp, at most LEAD_MAX_SCALE times its own pixels (a small one stays small,
 * centred in its panel), with the script's caption under it; the background stays the plain theme.
 */
export const TitleSlide: React.FC<{
  title: string;
  /** Site name (or host) shown as a pill; omitted when unknown. */
  label?: string;
  image?: SlideImage;
}> = ({ title, label, image }) => {
  const layout = useFrameLayout();
  const { u, vertical } = layout;
  const { text: content, picture: pictureBox } = computeTitleBoxes(layout, image !== undefined);

  const pillFont = (vertical ? 3.2 : 2.5) * u;
  const pillHeight = label ? pillFont * 1.5 + 1.6 * u : 0;
  const gap = (vertical ? 4 : 3.5) * u;
  const barHeight = 0.9 * u;
  const segments = breakSegments(title);
  const maxLines = vertical ? 7 : 4;
  const fit = fitParagraphs({
    paragraphs: [segments],
    measureEm: measureEmFor(FONT_WEIGHT.bold),
    boxWidth: content.width,
    boxHeight: content.height - pillHeight - barHeight - 2 * gap,
    maxFontSize: (vertical ? 8.6 : 7.6) * u,
    minFontSize: (vertical ? 4.6 : 3.8) * u,
    lineHeight: TITLE_LINE_HEIGHT,
    maxLinesPerParagraph: maxLines,
  });

  return (
    <AbsoluteFill>
      {image && pictureBox && (
        <SlidePicture image={image} box={pictureBox} u={u} vertical={vertical} maxScale={LEAD_MAX_SCALE} />
      )}
      <div
        style={{
          position: 'absolute',
          ...content,
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'center',
          alignItems: 'flex-start',
          gap,
        }}
      >
        {label && (
          <div
            style={{
              display: 'flex',
              alignItems: 'center',
              gap: 1.2 * u,
              maxWidth: '100%',
              padding: `${0.8 * u}px ${2.2 * u}px`,
              borderRadius: 999,
              background: theme.accentSoft,
              border: `${0.15 * u}px solid ${theme.accentBorder}`,
              color: theme.accent,
              fontSize: pillFont,
              fontWeight: FONT_WEIGHT.bold,
              lineHeight: 1.5,
              letterSpacing: '0.04em',
            }}
          >
            <div
              style={{
                flex: 'none',
                width: 0.5 * pillFont,
                height: 0.5 * pillFont,
                borderRadius: '50%',
                background: theme.accent,
              }}
            />
            <span style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
              {label}
            </span>
          </div>
        )}
        <WrappedText
          segments={segments}
          maxLines={maxLines}
          style={{
            fontSize: fit.fontSize,
            fontWeight: FONT_WEIGHT.bold,
            lineHeight: TITLE_LINE_HEIGHT,
            color: theme.text,
            textShadow: `0 ${0.3 * u}px ${2 * u}px rgba(0, 0, 0, 0.35)`,
          }}
        />
        <div
          style={{
            width: (vertical ? 18 : 14) * u,
            height: barHeight,
            borderRadius: barHeight,
            background: theme.accent,
          }}
        />
      </div>
    </AbsoluteFill>
  );
};
