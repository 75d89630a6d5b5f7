import { describe, expect, it } from 'vitest';
import { SUBTITLE_CHARS_PER_LINE } from '../props.ts';
import { computeDialogueLayout, dialogueLayoutFor } from './dialogue-layout.ts';
import { type Box, computeFrameLayout } from './frame-layout.ts';

const SIZES: [number, number][] = [
  [1280, 720],
  [1920, 1080],
  [720, 1280],
  [1080, 1920],
];

const bottomOf = (b: Box) => b.top + b.height;
const rightOf = (b: Box) => b.left + b.width;
const overlaps = (a: Box, b: Box) =>
  a.left < rightOf(b) && b.left < rightOf(a) && a.top < bottomOf(b) && b.top < bottomOf(a);

describe('computeDialogueLayout', () => {
  it.each(SIZES)(
    'keeps the badges in %ix%i clear of the slide content and the subtitle band',
    (width, height) => {
      const frame = computeFrameLayout(width, height);
      const layout = computeDialogueLayout(frame, 2);
      const { u, content } = frame;
      expect(layout.badges).toHaveLength(2);
      for (const badge of layout.badges) {
        // The circle with its glow (1.7u beyond the edge), and the name under it.
        const reach = badge.diameter / 2 + 1.7 * u;
        const circle: Box = {
          left: badge.cx - reach,
          top: badge.cy - reach,
          width: 2 * reach,
          height: 2 * reach,
        };
        for (const box of [circle, badge.label]) {
          expect(overlaps(box, content)).toBe(false);
          expect(overlaps(box, layout.band)).toBe(false);
          expect(box.left).toBeGreaterThanOrEqual(0);
          expect(box.top).toBeGreaterThan(bottomOf(content));
          expect(rightOf(box)).toBeLessThanOrEqual(width);
          expect(bottomOf(box)).toBeLessThanOrEqual(height);
        }
      }
      const [first, second] = layout.badges as [(typeof layout.badges)[0], (typeof layout.badges)[0]];
      // Side by side, not on top of each other.
      expect(Math.abs(first.cx - second.cx)).toBeGreaterThan(first.diameter * 1.5);
      // The name tag rises into the gap above the band, not into the slide.
      expect(layout.tag.rise).toBeLessThan(layout.band.top - bottomOf(content));
      expect(layout.tag.height - layout.tag.rise).toBeLessThan(frame.subtitle.paddingY);
    },
  );

  it('narrows the landscape band only as far as the line budget still fits at full size', () => {
    for (const [width, height] of SIZES.slice(0, 2)) {
      const frame = computeFrameLayout(width, height);
      const { subtitleMaxWidth, badges } = computeDialogueLayout(frame, 2);
      const m = frame.subtitle;
      expect(subtitleMaxWidth).toBeLessThan(m.maxWidth);
      const textWidth = subtitleMaxWidth - m.barWidth - 2 * m.paddingX;
      expect(textWidth / SUBTITLE_CHARS_PER_LINE.landscape).toBeGreaterThanOrEqual(m.fontSize);
      // One badge each side of the band.
      expect(badges[0]!.cx).toBeLessThan(width / 2 - subtitleMaxWidth / 2);
      expect(badges[1]!.cx).toBeGreaterThan(width / 2 + subtitleMaxWidth / 2);
    }
  });

  it('keeps the vertical band as it is and puts the badges in a row under it', () => {
    const frame = computeFrameLayout(720, 1280);
    const layout = computeDialogueLayout(frame, 2);
    expect(layout.subtitleMaxWidth).toBe(frame.subtitle.maxWidth);
    expect(layout.badges[0]!.cy).toBe(layout.badges[1]!.cy);
    expect(layout.badges[0]!.cy - layout.badges[0]!.diameter / 2).toBeGreaterThan(bottomOf(layout.band));
    expect((layout.badges[0]!.cx + layout.badges[1]!.cx) / 2).toBeCloseTo(360);
  });

  it('scales 720p to 1080p uniformly, and has no badges without speakers', () => {
    const small = dialogueLayoutFor(1280, 720, 2);
    const large = dialogueLayoutFor(1920, 1080, 2);
    expect(large.badges[1]!.cx / small.badges[1]!.cx).toBeCloseTo(1.5);
    expect(large.badges[1]!.cy / small.badges[1]!.cy).toBeCloseTo(1.5);
    expect(large.badges[1]!.diameter / small.badges[1]!.diameter).toBeCloseTo(1.5);
    expect(dialogueLayoutFor(1280, 720, 0).badges).toEqual([]);
  });

  it('spreads three speakers over both sides without overlapping', () => {
    const { badges } = dialogueLayoutFor(1280, 720, 3);
    expect(badges).toHaveLength(3);
    expect(badges[1]!.cx - badges[0]!.cx).toBeGreaterThanOrEqual(badges[0]!.diameter);
    expect(badges[2]!.cx).toBeGreaterThan(640);
  });
});
