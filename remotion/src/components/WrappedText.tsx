import type { CSSProperties } from 'react';
import { Fragment } from 'react';

/**
 * Text that wraps only between the given segments (see layout/segments.ts), never inside a
 * Japanese word; `maxLines` clamps with an ellipsis as the last guard against overflow.
 */
export const WrappedText: React.FC<{
  segments: readonly string[];
  maxLines?: number;
  style?: CSSProperties;
}> = ({ segments, maxLines, style }) => {
  const clamp: CSSProperties =
    maxLines === undefined
      ? {}
      : {
          display: '-webkit-box',
          WebkitBoxOrient: 'vertical',
          WebkitLineClamp: maxLines,
          overflow: 'hidden',
        };
  return (
    <div
      style={{
        wordBreak: 'keep-all',
        overflowWrap: 'anywhere',
        lineBreak: 'strict',
        ...clamp,
        ...style,
      }}
    >
      {segments.map((segment, i) => (
        // Segments are positional: the same text always yields the same list.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {segment}
        </Fragment>
      ))}
    </div>
  );
};
