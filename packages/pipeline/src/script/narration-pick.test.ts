import { describe, expect, it } from 'vitest';
import { toSourceSentences } from './narration-pick.ts';

describe('toSourceSentences', () => {
  it('says a sentence too long for one narration as its halves around a semicolon', () => {
    const paragraph =
      'A pharmacy and two restaurants have followed. Shop owners who opposed the lanes when they were built, fearing that losing parking spaces would cost them customers, have mostly gone quiet; a survey by the downtown business association found that 58 percent of its members now consider the lanes good for trade, up from 31 percent in 2022.';
    const texts = toSourceSentences([paragraph], 'en', 250).map((s) => s.text);
    expect(texts).toContain(
      'A survey by the downtown business association found that 58 percent of its members now consider the lanes good for trade, up from 31 percent in 2022.',
    );
    expect(texts.every((t) => t.length <= 250)).toBe(true);
  });

  it('joins a sentence split after an initial ("by the U.S." | "Department of State")', () => {
    const texts = toSourceSentences(
      [
        'A 2017 Human Rights Report by the U.S. Department of State noted that the government generally respected rights.',
      ],
      'en',
      250,
    ).map((s) => s.text);
    expect(texts).toEqual([
      'A 2017 Human Rights Report by the U.S. Department of State noted that the government generally respected rights.',
    ]);
  });

  it('says "the article" for the writer\'s "this post"', () => {
    const texts = toSourceSentences(
      [
        'This post explains how we cut that cost. People ask the same questions, so this post tries to answer them.',
      ],
      'en',
      250,
    ).map((s) => s.text);
    expect(texts).toEqual([
      'The article explains how we cut that cost.',
      'People ask the same questions, so the article tries to answer them.',
    ]);
  });
});
