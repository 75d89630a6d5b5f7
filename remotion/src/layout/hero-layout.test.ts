import { describe, expect, it } from 'vitest';
import { computeKeyPointLayout, KEY_POINT_LINE_HEIGHT, shownFigureValue } from './hero-layout.ts';
import type { MeasureEm } from './text-fit.ts';

/** Monospace: every character 1 em, a space 0.5 em. */
const mono: MeasureEm = (text) => [...text].reduce((em, c) => em + (c === ' ' ? 0.5 : 1), 0);
const u = 10;

describe('computeKeyPointLayout', () => {
  it('sets a short key point on one line at the largest size, its height the text plus the padding', () => {
    const k = computeKeyPointLayout(['Sharpen ', 'little'], 1000, 300, u, false, mono);
    expect(k.font).toBe(64);
    expect(k.lines).toBe(1);
    expect(k.height).toBeCloseTo(64 * KEY_POINT_LINE_HEIGHT + 2 * k.padY);
  });

  it('shrinks and wraps a longer one to fit the height it gets, in at most three lines', () => {
    const words = Array.from({ length: 12 }, () => 'edge ');
    const k = computeKeyPointLayout(words, 600, 200, u, false, mono);
    expect(k.font).toBeLessThan(64);
    expect(k.lines).toBeLessThanOrEqual(3);
    expect(k.height).toBeLessThanOrEqual(200 + 1e-6);
  });

  it('is set larger alone on its slide', () => {
    const alone = computeKeyPointLayout(['Sharpen'], 1000, 400, u, false, mono, true);
    expect(alone.font).toBeGreaterThan(64);
  });
});

describe('shownFigureValue', () => {
  it('starts an English figure like a heading and leaves others as written', () => {
    expect(shownFigureValue('about $90,000 a year')).toBe('About $90,000 a year');
    expect(shownFigureValue('€310 million')).toBe('€310 million');
    expect(shownFigureValue('約８キロ')).toBe('約８キロ');
  });
});
