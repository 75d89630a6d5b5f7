import { describe, expect, it } from 'vitest';
import { detectLanguage, guessLanguageFromText, primaryLanguageTag } from './language.ts';
import { characterCount, normaliseText } from './text.ts';
import { stripSiteName } from './title.ts';

describe('normaliseText', () => {
  it('collapses whitespace and drops line breaks between Japanese characters', () => {
    expect(normaliseText('  Hello\n\t  world  ')).toBe('Hello world');
    expect(normaliseText('新幹線は\n  開業した。')).toBe('新幹線は開業した。');
    expect(normaliseText('東京 と 大阪')).toBe('東京と大阪');
    expect(normaliseText('JR 東海 の N700S')).toBe('JR 東海の N700S');
  });

  it('keeps an ideographic space, which Japanese titles use on purpose', () => {
    expect(normaliseText('新幹線の誕生\u3000開業から60年')).toBe('新幹線の誕生\u3000開業から60年');
    expect(normaliseText('\u3000字下げ')).toBe('字下げ');
  });

  it('counts code points', () => {
    expect(characterCount('新幹線')).toBe(3);
    expect(characterCount('𠮷野家')).toBe(3);
  });
});

describe('stripSiteName', () => {
  it.each([
    ['How tides work | The Coastline Explainer', 'The Coastline Explainer', 'How tides work'],
    ['How tides work – The Coastline Explainer', 'The Coastline Explainer', 'How tides work'],
    ['The Coastline Explainer: How tides work', 'The Coastline Explainer', 'How tides work'],
    ['梅雨はなぜ毎年やってくるのか｜そらもよう通信', 'そらもよう通信', '梅雨はなぜ毎年やってくるのか'],
    ['新幹線 - 歴史 - テツドウ・ノート', 'テツドウ・ノート', '新幹線 - 歴史'],
    // Not the site name: keep the whole title.
    ['Spider-Man returns - a review', 'Film Weekly', 'Spider-Man returns - a review'],
    ['Story | Other', 'Site', 'Story | Other'],
    ['The Coastline Explainer', 'The Coastline Explainer', 'The Coastline Explainer'],
    ['No site known | Here', undefined, 'No site known | Here'],
  ])('%s (site %s) → %s', (title, site, expected) => {
    expect(stripSiteName(title, site)).toBe(expected);
  });
});

describe('language', () => {
  it('takes the primary subtag of a declaration', () => {
    expect(primaryLanguageTag('ja-JP')).toBe('ja');
    expect(primaryLanguageTag('en_GB')).toBe('en');
    expect(primaryLanguageTag('')).toBeUndefined();
    expect(primaryLanguageTag('x')).toBeUndefined();
  });

  it('guesses from the script when nothing is declared', () => {
    expect(guessLanguageFromText('梅雨は毎年やってきます。')).toBe('ja');
    expect(guessLanguageFromText('The tide comes in twice a day.')).toBe('en');
    expect(guessLanguageFromText('潮汐是由月球引力引起的')).toBe('zh');
  });

  it('uses the declaration, except against plainly Japanese text', () => {
    expect(detectLanguage(['en-GB'], 'The tide comes in twice a day.')).toBe('en');
    expect(detectLanguage([undefined, 'fr_FR'], 'La marée monte deux fois par jour.')).toBe('fr');
    expect(detectLanguage(['en'], '新幹線は一九六四年に開業しました。東京と大阪を結びます。')).toBe('ja');
    expect(detectLanguage(['ja'], 'This page is entirely in English, despite its template.')).toBe('en');
    expect(detectLanguage([null, undefined], '新幹線は開業しました。')).toBe('ja');
  });
});
