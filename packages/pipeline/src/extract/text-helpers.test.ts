import { describe, expect, it } from 'vitest';
import { detectLanguage, guessLanguage, guessLanguageFromText, primaryLanguageTag } from './language.ts';
import { BREAK, characterCount, normaliseText, normaliseWithBreaks } from './text.ts';
import { chooseTitle, siteNameFromTitle, stripSiteName } from './title.ts';

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

describe('normaliseWithBreaks', () => {
  it('turns breaks into a space, an ideographic space between CJK, nothing after closing punctuation', () => {
    expect(normaliseWithBreaks(`line one${BREAK}line two`)).toBe('line one line two');
    expect(normaliseWithBreaks(`元旦のイソップ童話${BREAK} ${BREAK}欲張りなイヌ`)).toBe(
      '元旦のイソップ童話\u3000欲張りなイヌ',
    );
    expect(normaliseWithBreaks(`いました。${BREAK}このイヌ`)).toBe('いました。このイヌ');
    expect(normaliseWithBreaks(`${BREAK}edge${BREAK}`)).toBe('edge');
  });
});

describe('chooseTitle and the site name', () => {
  it.each([
    [{ ogTitle: 'Puffins return | Eleanor Marsh', h1s: ['Puffins return'] }, 'Puffins return'],
    [{ documentTitle: 'Why paper | by Priya Raman | Medium', h1s: ['Why paper'] }, 'Why paper'],
    [
      { documentTitle: 'Starting up faster · Engine Notes', h1s: ['Starting up faster'] },
      'Starting up faster',
    ],
    [
      { documentTitle: '欲張りなイヌ｜イソップ童話｜むかしばなし広場', h1s: ['欲張りなイヌ'] },
      '欲張りなイヌ',
    ],
    [{ documentTitle: '标题很长的新闻_科技频道_东方新闻网', h1s: ['标题很长的新闻'] }, '标题很长的新闻'],
    [
      {
        documentTitle: 'The Patient Woodworker — Open Shelf Books',
        h1s: ['Chapter 4: Keeping Tools Sharp'],
        siteName: 'Open Shelf Books',
      },
      'Chapter 4: Keeping Tools Sharp',
    ],
    [
      {
        ogTitle: 'Heat pumps compared',
        documentTitle: 'Heat pumps compared | Guide',
        h1s: ['Menu', 'Other'],
      },
      'Heat pumps compared',
    ],
    [
      { documentTitle: 'Story - Not the site', h1s: ['Logo', 'Another'], siteName: 'Site' },
      'Story - Not the site',
    ],
    [{ documentTitle: 'Story | by Jane Doe | Site', h1s: [], siteName: 'Site' }, 'Story'],
  ])('%o → %s', (sources, expected) => {
    expect(chooseTitle(sources)).toBe(expected);
  });

  it('reads the site name off a title suffix', () => {
    expect(siteNameFromTitle('Karsholm Lighthouse - Wikipedia')).toBe('Wikipedia');
    expect(siteNameFromTitle('Why paper | by Priya Raman | Medium')).toBe('Medium');
    expect(siteNameFromTitle('Story | by Priya Raman')).toBeUndefined();
    expect(siteNameFromTitle('A title without a suffix')).toBeUndefined();
  });
});

describe('guessLanguage', () => {
  it('tells Chinese from Japanese', () => {
    expect(
      guessLanguage(
        '我国在西南地区的卫星发射中心成功发射一颗新一代静止轨道气象卫星。这颗卫星搭载了多种先进的观测仪器。',
      ),
    ).toEqual({
      language: 'zh',
      confident: true,
    });
    expect(
      guessLanguage('北浜湾に鰊の大群が押し寄せ、海面が白く濁る現象が約４０年ぶりに確認された。').language,
    ).toBe('ja');
  });

  it('tells Latin-script languages apart by their common words', () => {
    const de =
      'Seit Anfang des Jahres kann man in der Stadtbibliothek nicht nur Bücher ausleihen, sondern auch Bohrmaschinen. Die Ausleihe ist für alle Inhaber eines Ausweises kostenlos und das ist gut.';
    expect(guessLanguage(de)).toEqual({ language: 'de', confident: true });
    const fr =
      'Les députés ont adopté à une large majorité le projet de loi sur le renseignement, qui est défendu par le gouvernement et que les opposants dénoncent dans la presse.';
    expect(guessLanguage(fr).language).toBe('fr');
    expect(guessLanguage('Too short to tell.')).toEqual({ language: 'en', confident: false });
  });

  it('lets clear text overrule a template declaration', () => {
    expect(
      detectLanguage(
        ['ja'],
        '我国在西南地区的卫星发射中心成功发射一颗新一代静止轨道气象卫星。这颗卫星搭载了多种先进的观测仪器。',
      ),
    ).toBe('zh');
    expect(
      detectLanguage(['zh-CN'], '北浜湾に鰊の大群が押し寄せ、海面が白く濁る現象が約４０年ぶりに確認された。'),
    ).toBe('ja');
    const de =
      'Seit Anfang des Jahres kann man in der Stadtbibliothek nicht nur Bücher ausleihen, sondern auch Bohrmaschinen. Die Ausleihe ist für alle Inhaber eines Ausweises kostenlos und das ist gut.';
    expect(detectLanguage(['en'], de)).toBe('de');
    expect(detectLanguage(['ko'], '한국어 문장은 한글로 씁니다. 이것은 시험입니다.')).toBe('ko');
  });
});
