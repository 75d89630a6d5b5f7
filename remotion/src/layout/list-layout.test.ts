import { describe, expect, it } from 'vitest';
import { computeListLayout, LIST_LINE_HEIGHT } from './list-layout.ts';
import type { MeasureEm } from './text-fit.ts';

const halfWidth: MeasureEm = (text) => [...text].length * 0.5;
const u = 7.2;
const box = { width: 1100, height: 330 };

const kit = Array.from({ length: 12 }, (_, i) => ({
  head: `A tool number ${i + 1}`,
  tail: 'for a job that takes a few words to say',
}));

describe('computeListLayout', () => {
  it('sets a twelve-item kit list in two columns when that gives larger type', () => {
    const layout = computeListLayout({ items: kit }, box, u, false, halfWidth, halfWidth);
    expect(layout.columns).toBe(2);
    expect(layout.clampLines).toBeUndefined();
    expect(layout.font).toBeGreaterThanOrEqual(2.4 * u);
    // Six rows of at most two lines fit the box.
    expect(6 * 2 * layout.font * LIST_LINE_HEIGHT).toBeLessThanOrEqual(box.height + layout.font);
  });

  it('keeps a few short items in one column, and never two columns in a vertical video', () => {
    const few = kit.slice(0, 5).map(({ head }) => ({ head }));
    expect(computeListLayout({ items: few }, box, u, false, halfWidth, halfWidth).columns).toBe(1);
    expect(
      computeListLayout({ items: kit }, { width: 600, height: 900 }, u, true, halfWidth, halfWidth).columns,
    ).toBe(1);
  });

  it('sets a table of amounts one row an item, at a larger size than a long list', () => {
    const ingredients = ['米粉', 'ぬるま湯', 'ドライイースト', '砂糖', '塩', 'オリーブオイル'].map(
      (head) => ({
        head,
        tail: '大さじ1',
      }),
    );
    const table = computeListLayout(
      { items: ingredients, amounts: true },
      box,
      u,
      false,
      halfWidth,
      halfWidth,
    );
    expect(table.columns).toBe(1);
    expect(table.markerEm).toBe(0);
    expect(table.font).toBeGreaterThan(
      computeListLayout({ items: kit }, box, u, false, halfWidth, halfWidth).font,
    );
  });

  it('shrinks and finally clamps items that cannot fit', () => {
    const long = kit.map((item) => ({ ...item, tail: item.tail.repeat(12) }));
    const layout = computeListLayout({ items: long }, box, u, false, halfWidth, halfWidth);
    expect(layout.font).toBeCloseTo(2.4 * u);
    expect(layout.clampLines).toBeGreaterThanOrEqual(1);
  });
});

describe('computeListLayout, a table of amounts in a narrow box', () => {
  it('sets each row on one line when a smaller size allows it', () => {
    const items = [
      { head: 'ぬるま湯（35度くらい）', tail: '170ミリリットル' },
      ...['米粉', '砂糖', '塩', '油'].map((head) => ({ head, tail: '大さじ1' })),
    ];
    const narrow = { width: 620, height: 600 };
    const fullWidth: MeasureEm = (text) => [...text].length;
    const table = computeListLayout({ items, amounts: true }, narrow, u, true, fullWidth, fullWidth);
    // The longest row, name and amount, fits one line beside the gap before the amount.
    const longest = [...'ぬるま湯（35度くらい）170ミリリットル'].length;
    expect(longest * table.font).toBeLessThanOrEqual(narrow.width - 6 * u);
    expect(table.font).toBeGreaterThanOrEqual(2.6 * u);
  });
});
