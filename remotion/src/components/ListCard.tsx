import { Fragment } from 'react';
import { computeListLayout, LIST_LEAD_GAP, LIST_LINE_HEIGHT, LIST_ROW_GAP } from '../layout/list-layout.ts';
import { breakSegments } from '../layout/segments.ts';
import type { MeasureEm } from '../layout/text-fit.ts';
import type { ListItem, ListPanel } from '../props.ts';
import { FONT_WEIGHT, theme } from '../theme.ts';

/** Segments with line-break opportunities between them (never inside a Japanese word). */
function Segments({ text }: { text: string }) {
  return (
    <>
      {breakSegments(text).map((segment, i) => (
        // Segments are positional: the same text always yields the same list.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {segment}
        </Fragment>
      ))}
    </>
  );
}

const wrapping: React.CSSProperties = {
  wordBreak: 'keep-all',
  overflowWrap: 'anywhere',
  lineBreak: 'strict',
};

const clampTo = (lines: number | undefined): React.CSSProperties =>
  lines === undefined
    ? {}
    : { display: '-webkit-box', WebkitBoxOrient: 'vertical', WebkitLineClamp: lines, overflow: 'hidden' };

/** An item: its head in the main text colour, then what it is for in the lighter secondary colour. */
function ItemText({ item, clamp }: { item: ListItem; clamp: number | undefined }) {
  return (
    <div style={{ ...wrapping, ...clampTo(clamp), flex: 1, minWidth: 0 }}>
      <span style={{ color: theme.text, fontWeight: FONT_WEIGHT.bold }}>
        <Segments text={item.head} />
      </span>
      {item.tail && (
        <>
          {' '}
          <wbr />
          <span style={{ color: theme.textSecondary }}>
            <Segments text={item.tail} />
          </span>
        </>
      )}
    </div>
  );
}

/**
 * A compact list under a section's heading: its lead line, then its items in two columns (down the
 * left, then the right) when that gives larger type, else one a row; a recipe's ingredients are a
 * table of name and amount. Items appear at their reveal frames; rows are ruled, not carded.
 */
export const ListCard: React.FC<{
  list: ListPanel;
  reveals: readonly number[] | undefined;
  frame: number;
  width: number;
  height: number;
  u: number;
  vertical: boolean;
  measureBold: MeasureEm;
  measureRegular: MeasureEm;
  marginTop: number;
}> = ({ list, reveals, frame, width, height, u, vertical, measureBold, measureRegular, marginTop }) => {
  const layout = computeListLayout(list, { width, height }, u, vertical, measureBold, measureRegular);
  const { font, columns, columnGap, clampLines, markerEm } = layout;
  const shown = (i: number): React.CSSProperties => ({ opacity: frame < (reveals?.[i] ?? 0) ? 0 : 1 });
  const perColumn = Math.ceil(list.items.length / columns);
  const rule = `${0.12 * u}px solid ${theme.cardBorder}`;
  const markerSize = 0.36 * font;

  return (
    <div style={{ marginTop, flex: 'none', width, fontSize: font, lineHeight: LIST_LINE_HEIGHT }}>
      {list.lead && (
        <div
          style={{
            ...wrapping,
            ...clampTo(2),
            marginBottom: LIST_LEAD_GAP * font,
            color: theme.textSecondary,
          }}
        >
          <Segments text={list.lead} />
        </div>
      )}
      {list.amounts ? (
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'auto auto',
            justifyContent: 'start',
          }}
        >
          {list.items.map((item, i) => (
            // Items are positional; their order never changes within a slide.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <Fragment key={i}>
              <div
                style={{
                  ...shown(i),
                  ...wrapping,
                  borderTop: rule,
                  // The gap between name and amount is padding, so each row's rule runs unbroken.
                  padding: `${(LIST_ROW_GAP / 2) * font}px ${6 * u}px ${(LIST_ROW_GAP / 2) * font}px 0`,
                  color: theme.text,
                  fontWeight: FONT_WEIGHT.bold,
                }}
              >
                <Segments text={item.head} />
              </div>
              <div
                style={{
                  ...shown(i),
                  ...wrapping,
                  borderTop: rule,
                  padding: `${(LIST_ROW_GAP / 2) * font}px 0`,
                  color: theme.textSecondary,
                  fontVariantNumeric: 'tabular-nums',
                }}
              >
                {item.tail && <Segments text={item.tail} />}
              </div>
            </Fragment>
          ))}
        </div>
      ) : (
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
            gridTemplateRows: `repeat(${perColumn}, auto)`,
            gridAutoFlow: 'column',
            columnGap,
            rowGap: LIST_ROW_GAP * font,
          }}
        >
          {list.items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: items are positional
            <div key={i} style={{ ...shown(i), display: 'flex', alignItems: 'flex-start' }}>
              <div style={{ flex: 'none', width: markerEm * font, height: font * LIST_LINE_HEIGHT }}>
                <div
                  style={{
                    width: markerSize,
                    height: markerSize,
                    marginTop: (font * LIST_LINE_HEIGHT - markerSize) / 2,
                    borderRadius: 0.25 * markerSize,
                    background: theme.accent,
                    transform: 'rotate(45deg)',
                  }}
                />
              </div>
              <ItemText item={item} clamp={clampLines} />
            </div>
          ))}
        </div>
      )}
    </div>
  );
};
