import { describe, expect, it } from 'vitest';
import { countWrappedLines, fitParagraphs, fitSingleLines, type MeasureEm } from './text-fit.ts';

/** Monospace: every character 1 em, a space 0.5 em. */
const mono: MeasureEm = (text) => [...text].reduce((em, c) => em + (c === ' ' ? 0.5 : 1), 0);

describe('countWrappedLines', () => {
  it('breaks only between segments, letting a trailing space hang', () => {
    expect(countWrappedLines(['ab ', 'cd ', 'ef'], mono, 5)).toBe(2); // "ab cd" | "ef"
    expect(countWrappedLines(['ab ', 'cd ', 'ef'], mono, 4)).toBe(3);
    expect(countWrappedLines(['ab ', 'cd'], mono, 4)).toBe(2); // 2 + 0.5 + 2 > 4
    expect(countWrappedLines(['abcd'], mono, 4)).toBe(1);
  });

  it('splits a segment wider than the line across lines', () => {
    expect(countWrappedLines(['abcdefghij'], mono, 4)).toBe(3);
    expect(countWrappedLines(['x', 'abcdefghij'], mono, 4)).toBe(4);
  });
});

describe('fitParagraphs', () => {
  const base = { measureEm: mono, lineHeight: 1.5, maxFontSize: 40, minFontSize: 10 };

  it('keeps the largest size when the text fits', () => {
    const fit = fitParagraphs({ ...base, paragraphs: [['abc']], boxWidth: 400, boxHeight: 100 });
    expect(fit).toMatchObject({ fontSize: 40, lineCounts: [1], fits: true });
    expect(fit.height).toBe(60);
  });

  it('shrinks until every paragraph, with the gaps, fits the box', () => {
    const paragraphs = [
      ['aaaa', 'bbbb', 'cccc'],
      ['dddd', 'eeee'],
    ];
    const fit = fitParagraphs({ ...base, paragraphs, boxWidth: 400, boxHeight: 120, paragraphGap: 0.5 });
    expect(fit.fits).toBe(true);
    expect(fit.fontSize).toBeLessThan(40);
    expect(fit.fontSize).toBeGreaterThanOrEqual(10);
    expect(fit.height).toBeLessThanOrEqual(120);
    // One step larger would not have fitted.
    const larger = fitParagraphs({
      ...base,
      paragraphs,
      boxWidth: 400,
      boxHeight: 120,
      paragraphGap: 0.5,
      minFontSize: fit.fontSize / 0.96 + 0.01,
    });
    expect(larger.fits).toBe(false);
  });

  it('honours the line limit even when the height would allow more lines', () => {
    const fit = fitParagraphs({
      ...base,
      paragraphs: [['aaaa', 'bbbb', 'cccc', 'dddd']],
      boxWidth: 200,
      boxHeight: 10_000,
      maxLinesPerParagraph: 2,
    });
    expect(fit.lineCounts[0]).toBeLessThanOrEqual(2);
    expect(fit.fontSize * 8).toBeLessThanOrEqual(200);
  });

  it('stops at the minimum size and reports that the text does not fit', () => {
    const fit = fitParagraphs({ ...base, paragraphs: [['a'.repeat(500)]], boxWidth: 100, boxHeight: 30 });
    expect(fit).toMatchObject({ fontSize: 10, fits: false });
  });
});

describe('fitSingleLines', () => {
  it('sizes the widest line to the box, within the limits', () => {
    expect(fitSingleLines(['abcd', 'ab'], mono, 400, 40, 10)).toEqual({ fontSize: 40, fits: true });
    const fit = fitSingleLines(['abcdefghij', 'ab'], mono, 200, 40, 10);
    expect(fit.fits).toBe(true);
    expect(fit.fontSize * 10).toBeLessThanOrEqual(200);
    expect(fit.fontSize).toBeGreaterThan(18);
    expect(fitSingleLines(['a'.repeat(100)], mono, 200, 40, 10)).toEqual({ fontSize: 10, fits: false });
  });
});
