import { describe, expect, it } from 'vitest';
import { computeFrameLayout } from './frame-layout.ts';
import { computeTitleBoxes, LEAD_MAX_SCALE, pictureSize } from './picture-layout.ts';

const SIZES: [number, number][] = [
  [1280, 720],
  [1920, 1080],
  [720, 1280],
  [1080, 1920],
];
/** Lead pictures of the corpus: a landscape photo, the 300×400 lens portrait, a thumbnail. */
const PICTURES = {
  landscape: { width: 800, height: 450 },
  portrait: { width: 300, height: 400 },
  tiny: { width: 160, height: 90 },
  huge: { width: 1280, height: 960 },
};

describe('title slide boxes', () => {
  it.each(SIZES)('puts the picture panel beside (vertical: above) the title at %ix%i, apart', (w, h) => {
    const frame = computeFrameLayout(w, h);
    const { text, picture } = computeTitleBoxes(frame, true);
    expect(picture).toBeDefined();
    const p = picture!;
    // Both inside the content box.
    for (const box of [text, p]) {
      expect(box.left).toBeGreaterThanOrEqual(frame.content.left - 0.01);
      expect(box.top).toBeGreaterThanOrEqual(frame.content.top - 0.01);
      expect(box.left + box.width).toBeLessThanOrEqual(frame.content.left + frame.content.width + 0.01);
      expect(box.top + box.height).toBeLessThanOrEqual(frame.content.top + frame.content.height + 0.01);
    }
    if (frame.vertical) {
      expect(p.top + p.height).toBeLessThanOrEqual(text.top - 1.9 * frame.u);
      expect(text.height).toBeGreaterThan(0.4 * frame.content.height);
    } else {
      expect(text.left + text.width).toBeLessThanOrEqual(p.left - 1.9 * frame.u);
      expect(text.width).toBeGreaterThan(0.4 * frame.width);
    }
    // Without a picture the title has the whole content box.
    expect(computeTitleBoxes(frame, false)).toEqual({ text: frame.content });
  });
});

describe('pictureSize', () => {
  it.each(SIZES)(
    'shows every lead picture whole, inside its panel, at most 1.25x its pixels (%ix%i)',
    (w, h) => {
      const { picture } = computeTitleBoxes(computeFrameLayout(w, h), true);
      for (const [name, image] of Object.entries(PICTURES)) {
        const size = pictureSize(image, picture!.width, picture!.height, LEAD_MAX_SCALE);
        expect(size.width, name).toBeLessThanOrEqual(picture!.width);
        expect(size.height, name).toBeLessThanOrEqual(picture!.height);
        expect(size.scale, name).toBeLessThanOrEqual(LEAD_MAX_SCALE);
        // Not cropped: the aspect ratio is the picture's own, to the pixel.
        expect(Math.abs(size.width / size.height - image.width / image.height), name).toBeLessThan(
          2 / Math.min(size.width, size.height),
        );
      }
    },
  );

  it('keeps a small picture small (no blocky upscaling) and fits a large one', () => {
    const { picture } = computeTitleBoxes(computeFrameLayout(1280, 720), true);
    const tiny = pictureSize(PICTURES.tiny, picture!.width, picture!.height, LEAD_MAX_SCALE);
    expect([tiny.width, tiny.height]).toEqual([200, 112]);
    // The 300×400 portrait fills the panel's height, not blown up past 1.25x.
    const portrait = pictureSize(PICTURES.portrait, picture!.width, picture!.height, LEAD_MAX_SCALE);
    expect(portrait.scale).toBeLessThanOrEqual(1.25);
    expect(portrait.height).toBeGreaterThan(0.8 * picture!.height);
    const huge = pictureSize(PICTURES.huge, picture!.width, picture!.height, LEAD_MAX_SCALE);
    expect(huge.scale).toBeLessThan(1);
    // As large as the panel allows: one side within a pixel of the panel's.
    expect(Math.max(huge.width - picture!.width, huge.height - picture!.height)).toBeGreaterThan(-1);
  });
});
