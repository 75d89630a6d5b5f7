import { useVideoConfig } from 'remotion';

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface SubtitleMetrics {
  /** Distance from the bottom of the frame to the bottom of the band. */
  bottom: number;
  maxWidth: number;
  fontSize: number;
  minFontSize: number;
  lineHeight: number;
  paddingX: number;
  paddingY: number;
  barWidth: number;
}

/**
 * Every size on screen, derived from the composition size. `u` is 1 % of the short side, so
 * 720p and 1080p scale identically; `vertical` switches to the stacked phone layout.
 */
export interface FrameLayout {
  width: number;
  height: number;
  vertical: boolean;
  u: number;
  /** Where slides may draw: clear of the subtitle band. */
  content: Box;
  subtitle: SubtitleMetrics;
  radius: number;
}

export function computeFrameLayout(width: number, height: number): FrameLayout {
  const vertical = height > width;
  const u = Math.min(width, height) / 100;
  const marginX = 7 * u;
  const top = (vertical ? 13 : 6.5) * u;

  const fontSize = (vertical ? 5 : 4.4) * u;
  const lineHeight = 1.4;
  const paddingY = (vertical ? 1.6 : 1.5) * u;
  // Landscape: a band at the bottom. Vertical: lower-middle, above the phone UI overlays.
  const bottom = vertical ? height * 0.2 : 4 * u;
  const bandMaxHeight = 2 * fontSize * lineHeight + 2 * paddingY;
  const contentBottom = height - bottom - bandMaxHeight - 3 * u;

  return {
    width,
    height,
    vertical,
    u,
    content: { left: marginX, top, width: width - 2 * marginX, height: contentBottom - top },
    subtitle: {
      bottom,
      maxWidth: vertical ? width - 10 * u : width - 2 * marginX,
      fontSize,
      minFontSize: (vertical ? 3.4 : 3) * u,
      lineHeight,
      paddingX: 3 * u,
      paddingY,
      barWidth: 0.8 * u,
    },
    radius: 2 * u,
  };
}

export function useFrameLayout(): FrameLayout {
  const { width, height } = useVideoConfig();
  return computeFrameLayout(width, height);
}
