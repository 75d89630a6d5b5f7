import { describe, expect, it } from 'vitest';
import { formatAgo, formatBytes, formatClock, formatDuration, formatIn } from './format.ts';
import { strings } from './strings.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('formatting', () => {
  it('sizes', () => {
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(45_000)).toBe('45 KB');
    expect(formatBytes(12_345_678)).toBe('12.3 MB');
  });

  it('video lengths in both languages', () => {
    expect(formatDuration(102, strings.en)).toBe('1 min 42 s');
    expect(formatDuration(45.4, strings.en)).toBe('45 s');
    expect(formatDuration(102, strings.ja)).toBe('1 分 42 秒');
  });

  it('time ahead: minutes rounded up, hours rounded down', () => {
    expect(formatIn(-5, strings.en)).toBe('in a moment');
    expect(formatIn(30_000, strings.en)).toBe('in less than a minute');
    expect(formatIn(61_000, strings.en)).toBe('in about 2 min');
    expect(formatIn(23.9 * HOUR, strings.en)).toBe('in 23 h');
    expect(formatIn(23.5 * HOUR, strings.ja)).toBe('23 時間後');
    expect(formatIn(4 * MIN, strings.ja)).toBe('約 4 分後');
  });

  it('time ago', () => {
    expect(formatAgo(20_000, strings.en)).toBe('just now');
    expect(formatAgo(17 * MIN, strings.en)).toBe('17 min ago');
    expect(formatAgo(3.2 * HOUR, strings.ja)).toBe('3 時間前');
  });

  it('clock times use 24 h and add the date when it is not today', () => {
    const now = new Date('2026-11-23T15:00:00Z');
    expect(formatClock(new Date('2026-11-23T18:30:00Z'), 'en', now)).toBe('18:30');
    expect(formatClock(new Date('2026-11-24T00:00:00Z'), 'en', now)).toBe('Nov 24, 00:00');
    expect(formatClock(new Date('2026-11-24T00:00:00Z'), 'ja', now)).toBe('11月24日 00:00');
  });
});
