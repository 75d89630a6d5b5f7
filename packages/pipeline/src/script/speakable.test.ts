import { describe, expect, it } from 'vitest';
import { isSpeakable, toSpeakable } from './speakable.ts';

describe('toSpeakable', () => {
  it('strips URLs, footnote marks and extra whitespace', () => {
    expect(toSpeakable('詳細は https://example.com/a?b=1 を参照[1]。  次 の\n文［2］です※3。')).toBe(
      '詳細はを参照。次の文です。',
    );
    expect(toSpeakable('It grew fast [12][citation needed] (see www.example.com/x) , then   slowed.')).toBe(
      'It grew fast, then slowed.',
    );
  });

  it('drops spaces between Japanese characters, keeps those next to Latin words', () => {
    expect(toSpeakable('Node.js と TypeScript で 書く　方法')).toBe('Node.js と TypeScript で書く方法');
  });
});

describe('isSpeakable', () => {
  it('rejects code and bare numbers, accepts prose', () => {
    expect(isSpeakable('const x = { a: [1, 2] }; if (x) { y(); }')).toBe(false);
    expect(isSpeakable('2024.01.05')).toBe(false);
    expect(isSpeakable('応答時間が短くなりました。')).toBe(true);
    expect(isSpeakable('The build got faster.')).toBe(true);
  });
});
