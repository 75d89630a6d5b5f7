import type { Box, FrameLayout } from './frame-layout.ts';

/** Share of the frame given to the title slide's lead picture: the right side, or the top when vertical. */
export const LEAD_PICTURE_SHARE = { landscape: 0.46, vertical: 0.4 } as const;

/**
 * The lead picture is shown at most at this multiple of its own pixels: enough for a 300×400
 * thumbnail to read at 720p, not so much that it turns into visible blocks.
 */
export const LEAD_MAX_SCALE = 1.25;

/**
 * The title slide's boxes: the title text's, and with a picture, the panel the picture and its
 * caption are centred in (beside the title, above it when vertical), 2u apart.
 */
export function computeTitleBoxes(
  frame: Pick<FrameLayout, 'content' | 'u' | 'vertical' | 'width' | 'height'>,
  hasPicture: boolean,
): { text: Box; picture?: Box } {
  const { content: full, u, vertical, width, height } = frame;
  if (!hasPicture) return { text: full };
  if (vertical) {
    const pictureBottom = LEAD_PICTURE_SHARE.vertical * height;
    const top = Math.max(full.top, pictureBottom + 2 * u);
    return {
      picture: { left: full.left, top: full.top, width: full.width, height: pictureBottom - full.top },
      text: { ...full, top, height: full.top + full.height - top },
    };
  }
  const panelLeft = width - LEAD_PICTURE_SHARE.landscape * width;
  return {
    picture: {
      left: panelLeft,
      top: full.top,
      width: full.left + full.width - panelLeft,
      height: full.height,
    },
    text: { ...full, width: panelLeft - full.left - 2 * u },
  };
}

/**
 * A picture's size on screen: whole (its aspect ratio kept, nothing cropped), as large as fits in
 * `width` × `height`, and never more than `maxScale` times its own pixels, so a small picture
 * stays small (and sharp) instead of being blown up to fill the panel.
 */
export function pictureSize(
  image: { width: number; height: number },
  width: number,
  height: number,
  maxScale = Number.POSITIVE_INFINITY,
): { width: number; height: number; scale: number } {
  const scale = Math.max(0, Math.min(maxScale, width / image.width, height / image.height));
  return {
    width: Math.max(1, Math.floor(image.width * scale)),
    height: Math.max(1, Math.floor(image.height * scale)),
    scale,
  };
}
