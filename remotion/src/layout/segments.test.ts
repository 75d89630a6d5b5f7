import { describe, expect, it } from 'vitest';
import { breakSegments } from './segments.ts';

describe('breakSegments', () => {
  it('splits Japanese into phrases without losing or splitting words', () => {
    const text = '生成AIで変わるソフトウェア開発の現場';
    const segments = breakSegments(text);
    expect(segments.join('')).toBe(text);
    expect(segments.length).toBeGreaterThan(2);
    expect(segments.some((s) => s.includes('ソフトウェア'))).toBe(true);
  });

  it('splits other text after spaces and normalises whitespace', () => {
    expect(breakSegments('  Hello   big\nworld ')).toEqual(['Hello ', 'big ', 'world']);
    expect(breakSegments('   ')).toEqual([]);
  });
});
