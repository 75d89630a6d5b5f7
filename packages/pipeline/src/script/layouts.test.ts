import { describe, expect, it } from 'vitest';
import { findKeyFigure } from './keyFigure.ts';
import { chooseLayouts } from './layouts.ts';
import { findQuote } from './quote.ts';

describe('findKeyFigure', () => {
  it('finds percentages, amounts and counts with their qualifier, and says what they are', () => {
    expect(
      findKeyFigure('On a typical pull request this skips about 70 percent of the test jobs.', 'x', 'en'),
    ).toEqual({
      value: 'about 70 percent',
      context: 'On a typical pull request this skips about 70 percent of the test jobs',
    });
    expect(findKeyFigure('The company raised $1.2 billion last year.', 'x', 'en')?.value).toBe(
      '$1.2 billion',
    );
    expect(findKeyFigure('平均応答時間が約30%短くなりました。', 'x', 'ja')?.value).toBe('約30%');
    expect(findKeyFigure('夜間の来館者は1日平均120人に達した。', 'x', 'ja')?.value).toBe('120人');
  });

  it('ignores sentences without a number worth showing large', () => {
    expect(findKeyFigure('He had two ideas about it.', 'x', 'en')).toBeUndefined();
    expect(findKeyFigure('It happened in 2014.', 'x', 'en')).toBeUndefined();
    expect(findKeyFigure('キューにはRedisのストリームを使いました。', 'x', 'ja')).toBeUndefined();
  });
});

describe('findQuote', () => {
  it('finds quoted speech with a named speaker', () => {
    expect(findQuote('"We want to unify against this danger," said Ajmi Lourimi.', 'en')).toEqual({
      text: 'We want to unify against this danger',
      by: 'Ajmi Lourimi',
    });
    expect(findQuote('“This attack is meant to frighten tourists,” Lotfi Azzouz said.', 'en')?.by).toBe(
      'Lotfi Azzouz',
    );
    expect(findQuote('「静かに勉強できる場所としても使ってほしい」と館長は話す。', 'ja')).toEqual({
      text: '静かに勉強できる場所としても使ってほしい',
      by: '館長',
    });
  });

  it('skips quotes without a name', () => {
    expect(findQuote('"We want to unify against this danger," he said.', 'en')).toBeUndefined();
    expect(findQuote('The so-called "safety net" is weak.', 'en')).toBeUndefined();
  });
});

describe('chooseLayouts', () => {
  const image = { url: 'https://example.com/a.jpg', caption: 'A' };
  const figure = { value: '42%', context: 'of builds' };
  const quote = { text: 'Measure first, always.', by: 'Dr. Chen' };

  it('always shows a section picture, and avoids the same layout twice in a row', () => {
    const layouts = chooseLayouts([{ figure }, { figure }, { image }, { image }, { quote, figure }, {}]).map(
      (l) => l.layout,
    );
    expect(layouts).toEqual(['figure', 'bullets', 'picture', 'picture', 'quote', 'bullets']);
  });

  it('carries only the data of the chosen layout', () => {
    expect(chooseLayouts([{ quote, figure }])).toEqual([{ layout: 'quote', quote }]);
  });
});
