import { describe, expect, it } from 'vitest';
import { displayWidth, subtitleCards, wrapLines } from './line-break.ts';

describe('displayWidth', () => {
  it('counts full-width characters as 1 and half-width as 0.5', () => {
    expect(displayWidth('新幹線')).toBe(3);
    expect(displayWidth('abcd')).toBe(2);
    expect(displayWidth('ＡＢ、。')).toBe(4);
  });
});

describe('wrapLines', () => {
  it('never breaks a Japanese phrase in the middle', () => {
    const text = '新幹線は、在来線とは別の専用の線路を走ります。踏切がなく、カーブも緩やかに作られています。';
    const lines = wrapLines(text, 'ja', 14);
    expect(lines.join('')).toBe(text);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(14);
    // budoux keeps 「踏切が」 together and 「作られています。」 together.
    expect(lines.some((l) => l.endsWith('踏') || l.startsWith('切'))).toBe(false);
    expect(lines.some((l) => l.endsWith('作ら'))).toBe(false);
  });

  it('wraps English at spaces', () => {
    const lines = wrapLines('The quick brown fox jumps over the lazy dog near the river bank', 'en', 12);
    for (const line of lines) {
      expect(displayWidth(line)).toBeLessThanOrEqual(12);
      expect(line).toBe(line.trim());
    }
    expect(lines.join(' ')).toBe('The quick brown fox jumps over the lazy dog near the river bank');
  });

  it('cuts a word longer than a line by character as a last resort', () => {
    const word = 'a'.repeat(60);
    const lines = wrapLines(word, 'en', 10);
    expect(lines.join('')).toBe(word);
    expect(lines.every((l) => displayWidth(l) <= 10)).toBe(true);
  });

  it('cuts between graphemes: ZWJ emoji, skin tones and flags stay whole', () => {
    const text = '👨‍👩‍👧‍👦🇯🇵👍🏽'.repeat(10);
    const lines = wrapLines(text, 'en', 4);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join('')).toBe(text);
    for (const line of lines) expect(line).toMatch(/^(👨‍👩‍👧‍👦|🇯🇵|👍🏽)+$/u);
    expect(displayWidth('👨‍👩‍👧‍👦')).toBe(1);
  });
});

describe('subtitleCards', () => {
  it('gives cards of one or two lines that keep sentences apart', () => {
    const cards = subtitleCards(
      '新幹線は、在来線とは別の専用の線路を走ります。踏切がなく、カーブも緩やかに作られています。',
      'ja',
      26,
    );
    expect(cards).toEqual([
      ['新幹線は、在来線とは別の専用の線路を走ります。', '踏切がなく、カーブも緩やかに作られています。'],
    ]);
  });

  it('splits a long narration into several cards of at most two lines', () => {
    const text = 'これはとても長い字幕のテストです。'.repeat(6);
    const cards = subtitleCards(text, 'ja', 12);
    expect(cards.length).toBeGreaterThan(2);
    expect(cards.every((c) => c.length >= 1 && c.length <= 2)).toBe(true);
    expect(cards.flat().join('')).toBe(text);
  });
});
