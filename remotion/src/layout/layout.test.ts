import { describe, expect, it } from 'vitest';
import { computeFrameLayout } from './frame-layout.ts';
import { computeSectionLayout } from './section-layout.ts';
import type { MeasureEm } from './text-fit.ts';

const SIZES: [number, number][] = [
  [1280, 720],
  [1920, 1080],
  [720, 1280],
  [1080, 1920],
];
const fullWidth: MeasureEm = (text) => [...text].length;

describe('computeFrameLayout', () => {
  it.each(SIZES)('keeps the content box inside %ix%i and clear of the subtitle band', (width, height) => {
    const layout = computeFrameLayout(width, height);
    const { content, subtitle: s } = layout;
    expect(content.left).toBeGreaterThan(0);
    expect(content.top).toBeGreaterThan(0);
    expect(content.left + content.width).toBeLessThan(width);
    const bandTop = height - s.bottom - (2 * s.fontSize * s.lineHeight + 2 * s.paddingY);
    expect(content.top + content.height).toBeLessThan(bandTop);
    expect(s.maxWidth).toBeLessThan(width);
    expect(content.height).toBeGreaterThan(height * 0.5);
  });

  it('scales 720p to 1080p uniformly and stacks the vertical layout', () => {
    const small = computeFrameLayout(1280, 720);
    const large = computeFrameLayout(1920, 1080);
    expect(large.content.height / small.content.height).toBeCloseTo(1.5);
    expect(large.subtitle.fontSize / small.subtitle.fontSize).toBeCloseTo(1.5);
    expect(small.vertical).toBe(false);
    const vertical = computeFrameLayout(720, 1280);
    expect(vertical.vertical).toBe(true);
    // Lower-middle: well above the bottom edge, where phone UIs overlay.
    expect(vertical.subtitle.bottom).toBeGreaterThan(1280 * 0.15);
  });
});

describe('computeSectionLayout', () => {
  const frame = computeFrameLayout(1280, 720);

  it('uses the largest sizes for a short slide', () => {
    const layout = computeSectionLayout(frame, ['短い見出し'], [['短い'], ['項目']], fullWidth, fullWidth);
    expect(layout.headingFont).toBeCloseTo(6 * frame.u);
    expect(layout.bulletFont).toBeCloseTo(4.2 * frame.u);
    expect(layout.bulletClampLines).toBeUndefined();
  });

  it('shrinks the heading for long bullets, and clamps only what cannot fit', () => {
    const long = Array.from({ length: 4 }, () => ['長'.repeat(50)]);
    const roomy = computeSectionLayout(frame, ['見出し'.repeat(15)], long, fullWidth, fullWidth);
    expect(roomy.bulletClampLines).toBeUndefined();
    const huge = Array.from({ length: 6 }, () => ['長'.repeat(160)]);
    const clamped = computeSectionLayout(frame, ['見出し'.repeat(15)], huge, fullWidth, fullWidth);
    expect(clamped.headingFont).toBeCloseTo(3.6 * frame.u);
    expect(clamped.bulletClampLines).toBeGreaterThanOrEqual(1);
  });

  it('gives numbered steps a wider marker column for their badges, and plain bullets the same sizes as before', () => {
    const bullets = [['手順'.repeat(10)], ['手順'.repeat(12)]];
    const plain = computeSectionLayout(frame, ['見出し'], bullets, fullWidth, fullWidth);
    expect(
      computeSectionLayout(frame, ['見出し'], bullets, fullWidth, fullWidth, { numbered: false }),
    ).toEqual(plain);
    expect(plain.markerColumn).toBeCloseTo(3.4 * frame.u);
    const numbered = computeSectionLayout(frame, ['見出し'], bullets, fullWidth, fullWidth, {
      numbered: true,
    });
    expect(numbered.markerColumn).toBeCloseTo(5 * frame.u);
    // The widest badge (0.86 of the largest bullet font) leaves a gap before the text.
    expect(numbered.markerColumn - 0.86 * numbered.bulletFont).toBeGreaterThan(frame.u);
  });
});
