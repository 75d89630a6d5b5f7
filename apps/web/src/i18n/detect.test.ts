import { describe, expect, it } from 'vitest';
import { detectLang } from './detect.ts';

describe('detectLang', () => {
  it('takes the first browser language we speak', () => {
    expect(detectLang(['ja-JP', 'en-US'], null)).toBe('ja');
    expect(detectLang(['en-GB', 'ja'], null)).toBe('en');
    expect(detectLang(['fr-FR', 'ja-JP'], null)).toBe('ja');
    expect(detectLang(['JA'], null)).toBe('ja');
  });

  it('falls back to English for languages we do not speak', () => {
    expect(detectLang(['fr-FR', 'de'], null)).toBe('en');
    expect(detectLang([], null)).toBe('en');
  });

  it('prefers the language the user picked before, and ignores junk in storage', () => {
    expect(detectLang(['ja-JP'], 'en')).toBe('en');
    expect(detectLang(['en-US'], 'ja')).toBe('ja');
    expect(detectLang(['ja-JP'], 'klingon')).toBe('ja');
  });
});
