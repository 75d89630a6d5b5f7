import { describe, expect, it } from 'vitest';
import { pickKeySentences, type SourceSentence, scoreSentences } from './key-sentences.ts';
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
