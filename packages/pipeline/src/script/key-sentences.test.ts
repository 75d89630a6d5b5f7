import { describe, expect, it } from 'vitest';
import {
  informationScore,
  isFragment,
  isLeadIn,
  pickKeySentences,
  type SourceSentence,
  scoreSentences,
} from './key-sentences.ts';
import { extractTerms, termFrequencies } from './terms.ts';

const sentence = (text: string, paragraph: number, position: number): SourceSentence => ({
  text,
  paragraph,
  position,
});

describe('extractTerms', () => {
  it('keeps Japanese content words (kanji, katakana, Latin) and leaves particles out', () => {
    const terms = extractTerms('新しいデータベース設計でRedisの応答時間を短縮する', 'ja');
    expect(terms).toEqual(expect.arrayContaining(['データベース', '設計', 'redis', '応答', '時間', '短縮']));
    expect(terms).not.toContain('で');
    expect(terms).not.toContain('を');
  });

  it('keeps English content words, lower-cased and singular, without stopwords', () => {
    expect(extractTerms('The Caches of our builds were thrown away', 'en')).toEqual([
      'cache',
      'build',
      'thrown',
      'away',
    ]);
  });

  it('counts terms across texts', () => {
    expect(termFrequencies(['cache keys', 'the cache owner'], 'en').get('cache')).toBe(2);
  });
});

describe('scoreSentences / pickKeySentences', () => {
  it('prefers sentences about the title and heading terms over filler', () => {
    const scored = scoreSentences(
      [
        sentence('ところで、先週は雨の日が多く、外に出かける機会があまりありませんでした。', 0, 0),
        sentence('書き込みをまとめて処理するバッチ方式で、データベースの応答時間を短縮しました。', 0, 1),
        sentence('はい。', 1, 0),
      ],
      {
        language: 'ja',
        titleTerms: new Set(extractTerms('データベースの応答時間を短縮した話', 'ja')),
        headingTerms: new Set(extractTerms('書き込みのバッチ処理', 'ja')),
      },
    );
    const [first, second, third] = scored.map((s) => s.score);
    expect(second).toBeGreaterThan(first!);
    expect(third).toBeLessThan(first!);
    expect(pickKeySentences(scored, 1).map((s) => s.index)).toEqual([1]);
  });

  it('returns the picked sentences in document order', () => {
    const scored = scoreSentences(
      [
        sentence('Filler about the weather and nothing else at all, really.', 2, 3),
        sentence('Remote caching cut the build time by twelve minutes per build.', 0, 0),
        sentence('Selective test runs skip most test jobs on a typical build.', 1, 0),
      ],
      { language: 'en', titleTerms: new Set(['build', 'time']), headingTerms: new Set(['cache']) },
    );
    expect(pickKeySentences(scored, 2).map((s) => s.index)).toEqual([1, 2]);
    expect(pickKeySentences(scored, 0)).toEqual([]);
  });
});

describe('what a sentence tells', () => {
  it('knows a lead-in from a point', () => {
    for (const text of [
      'Not everyone is convinced.',
      'Other ports are watching closely.',
      'Noise is not the main argument, though.',
      'Money is the other question hanging over the next council budget.',
      'The winter has also changed the conversation about schools.',
    ]) {
      expect(isLeadIn(text, 'en'), text).toBe(true);
    }
    expect(isLeadIn('もう一つのコツは、ぬるま湯の温度です。', 'ja')).toBe(true);
    // It states the reason itself, which is what its bullet should show.
    expect(isLeadIn('もう一つの理由は、小麦を食べられない人でも楽しめることです。', 'ja')).toBe(false);
    expect(isLeadIn('Bike lanes in a cold city can work, as long as someone clears them first.', 'en')).toBe(
      false,
    );
    expect(isLeadIn('A pharmacy and two restaurants have followed.', 'en')).toBe(false);
  });

  it('scores numbers, names and findings above a general remark', () => {
    const survey =
      'A survey by the downtown business association found that 58 percent of its members now consider the lanes good for trade, up from 31 percent in 2022.';
    expect(informationScore(survey, 'en')).toBeGreaterThan(
      informationScore('Visitors have noticed the change as well.', 'en') + 0.5,
    );
    const context = {
      language: 'en' as const,
      titleTerms: new Set<string>(),
      headingTerms: new Set<string>(),
    };
    const [leadIn, point] = scoreSentences(
      [sentence('Not everyone is convinced by the plan at all.', 0, 0), sentence(survey, 0, 1)],
      context,
    );
    expect(point!.score).toBeGreaterThan(leadIn!.score);
  });
});

describe('isFragment', () => {
  it('finds half a sentence split at an initial, or one without a verb', () => {
    expect(isFragment('A 2017 Human Rights Report by the U.S.')).toBe(true);
    expect(isFragment('Besecker Company, the largest buyer of Pacific halibut.')).toBe(true);
    expect(isFragment('A pharmacy and two restaurants have followed.')).toBe(false);
    expect(isFragment('Sharpen little and often.')).toBe(false);
  });
});
