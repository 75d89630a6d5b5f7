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
  /** Text to set in another colour (same font and weight, so the line breaks do not move); `pattern` is global. */
  highlight?: { pattern: RegExp; color: string };
}> = ({ segments, maxLines, style, highlight }) => {
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
          {highlight ? <Highlighted text={segment} {...highlight} /> : segment}
        </Fragment>
      ))}
    </div>
  );
};

/** A segment with the parts `pattern` (a global pattern: matchAll needs one) matches in `color`. */
const Highlighted: React.FC<{ text: string; pattern: RegExp; color: string }> = ({
  text,
  pattern,
  color,
}) => {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const at = match.index ?? 0;
    if (match[0].length === 0) continue;
    if (at > last) parts.push(text.slice(last, at));
    parts.push(
      <span key={at} style={{ color }}>
        {match[0]}
      </span>,
    );
    last = at + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
};
