import type { KeyPointLayout } from '../layout/hero-layout.ts';
import { KEY_POINT_LINE_HEIGHT } from '../layout/hero-layout.ts';
import { FONT_WEIGHT, theme } from '../theme.ts';
import { WrappedText } from './WrappedText.tsx';

/**
 * The `keypoint` layout's panel: the section's rule or conclusion in large bold type on a soft
 * accent panel with an accent bar at its left edge (no quotation marks, no speaker). `style`
 * places it in the slide's column (its margins, its reveal).
 */
export const KeyPointPanel: React.FC<{
  segments: readonly string[];
  layout: KeyPointLayout;
  radius: number;
  style?: React.CSSProperties;
}> = ({ segments, layout, radius, style }) => (
  <div
    style={{
      flex: 'none',
      display: 'flex',
      height: layout.height,
      boxSizing: 'border-box',
      borderRadius: radius,
      overflow: 'hidden',
      background: theme.accentSoft,
      border: `${0.15 * layout.bar}px solid ${theme.accentBorder}`,
      ...style,
    }}
  >
    <div style={{ flex: 'none', width: layout.bar, background: theme.accent }} />
    <div style={{ flex: 1, minWidth: 0, padding: `${layout.padY}px ${layout.padX}px` }}>
      <WrappedText
        segments={segments}
        maxLines={layout.lines}
        style={{
          fontSize: layout.font,
          lineHeight: KEY_POINT_LINE_HEIGHT,
          fontWeight: FONT_WEIGHT.bold,
          color: theme.text,
        }}
      />
    </div>
  </div>
);
