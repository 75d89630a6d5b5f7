import { Img } from 'remotion';
import type { Box } from '../layout/frame-layout.ts';
import { measureEmFor } from '../layout/measure.ts';
import { pictureSize } from '../layout/picture-layout.ts';
import { breakSegments } from '../layout/segments.ts';
import { fitParagraphs } from '../layout/text-fit.ts';
import type { SlideImage } from '../props.ts';
import { FONT_WEIGHT, theme } from '../theme.ts';
import { WrappedText } from './WrappedText.tsx';

const CAPTION_LINE_HEIGHT = 1.4;

/**
 * A picture from the article, whole (never cropped), as large as fits in `box` up to `maxScale`
 * times its own pixels, centred, with its caption (at most 2 lines) under it. The source is
 * always a local data: URL (the pipeline makes sure).
 */
export const SlidePicture: React.FC<{
  image: SlideImage;
  box: Box;
  u: number;
  vertical: boolean;
  /** Largest scale of the picture's own pixels (1 = never upscaled, so no visible blocks). */
  maxScale?: number;
}> = ({ image, box, u, vertical, maxScale = Number.POSITIVE_INFINITY }) => {
  const segments = image.caption ? breakSegments(image.caption) : [];
  const gap = 1.4 * u;
  const caption =
    segments.length > 0
      ? fitParagraphs({
          paragraphs: [segments],
          measureEm: measureEmFor(FONT_WEIGHT.regular),
          boxWidth: box.width,
          boxHeight: 2 * (vertical ? 3 : 2.5) * u * CAPTION_LINE_HEIGHT,
          maxFontSize: (vertical ? 3 : 2.5) * u,
          minFontSize: (vertical ? 2.6 : 2.1) * u,
          lineHeight: CAPTION_LINE_HEIGHT,
          maxLinesPerParagraph: 2,
        })
      : undefined;
  const captionHeight = caption
    ? Math.min(caption.height, 2 * caption.fontSize * CAPTION_LINE_HEIGHT) + gap
    : 0;
  const border = 0.2 * u;
  // The frame's border is drawn outside the picture, so the picture keeps its own aspect ratio
  // to the pixel and `contain` leaves no strip inside the frame.
  const { width, height } = pictureSize(
    image,
    box.width - 2 * border,
    box.height - captionHeight - 2 * border,
    maxScale,
  );

  return (
    <div
      style={{
        position: 'absolute',
        ...box,
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        gap,
      }}
    >
      <div
        style={{
          flex: 'none',
          boxSizing: 'content-box',
          width,
          height,
          overflow: 'hidden',
          borderRadius: 1.4 * u,
          border: `${border}px solid ${theme.cardBorder}`,
          boxShadow: `0 ${1.5 * u}px ${5 * u}px rgba(0, 0, 0, 0.45)`,
        }}
      >
        <Img
          src={image.src}
          // Whole, never cropped: the box has the picture's aspect ratio; contain guarantees it.
          style={{ display: 'block', width: '100%', height: '100%', objectFit: 'contain' }}
        />
      </div>
      {caption && (
        <WrappedText
          segments={segments}
          maxLines={2}
          style={{
            width: '100%',
            textAlign: 'center',
            fontSize: caption.fontSize,
            lineHeight: CAPTION_LINE_HEIGHT,
            color: theme.textMuted,
          }}
        />
      )}
    </div>
  );
};
