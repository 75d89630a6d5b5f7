import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { rubyReadings, withRubyReadings } from './ruby-readings.ts';

const page = (body: string) =>
  new JSDOM(`<!doctype html><html lang="ja"><body>${body}</body></html>`).window.document;

describe('ruby readings', () => {
  it('collects the readings a page gives its kanji words, with or without <rp>', () => {
    const document = page(
      '<p><ruby>群来<rp>（</rp><rt>くき</rt><rp>）</rp></ruby>が見られた。組合長の<ruby>佐々木<rt>ささき</rt></ruby>さん。' +
        '<ruby>漢<rt>かん</rt>字<rt>じ</rt></ruby>、<ruby>群<rt>むれ</rt></ruby>、<ruby>ABC<rt>えーびーしー</rt></ruby>、<ruby>東京<rt>Tokyo</rt></ruby></p>',
    );
    expect(rubyReadings(document)).toEqual({ 群来: 'くき', 佐々木: 'ささき', 漢字: 'かんじ' });
  });

  it('says each word by its reading, longer words first', () => {
    expect(withRubyReadings('群来の群れ。佐々木さん', { 群来: 'くき', 来: 'らい', 佐々木: 'ささき' })).toBe(
      'くきの群れ。ささきさん',
    );
  });
});
