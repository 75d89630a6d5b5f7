import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences.ts';

describe('splitSentences (Japanese)', () => {
  it('splits on 。！？ and keeps closing brackets with their sentence', () => {
    expect(
      splitSentences('今日は晴れです。明日は雨！本当に？『はい。』と彼は答えた。「引用です。」続き。', 'ja'),
    ).toEqual([
      '今日は晴れです。',
      '明日は雨！',
      '本当に？',
      '『はい。』と彼は答えた。',
      '「引用です。」',
      '続き。',
    ]);
  });

  it('does not split inside 「」 and keeps the quotative after the quote', () => {
    expect(splitSentences('彼は「本当ですか？ 信じられない！」と言った。次の文です。', 'ja')).toEqual([
      '彼は「本当ですか？ 信じられない！」と言った。',
      '次の文です。',
    ]);
  });

  it('splits quoted lines that follow each other, and a terminator right before a closer', () => {
    expect(
      splitSentences('「おはよう。」「こんにちは。」それから話した（笑）。すごい！）続き。', 'ja'),
    ).toEqual(['「おはよう。」', '「こんにちは。」', 'それから話した（笑）。', 'すごい！）', '続き。']);
  });

  it('keeps runs of ！？ together and treats ellipses as part of the sentence', () => {
    expect(splitSentences('えっ……そうなの！？ 速度は3.5倍、費用は2．5倍になった……。以上です', 'ja')).toEqual([
      'えっ……そうなの！？',
      '速度は3.5倍、費用は2．5倍になった……。',
      '以上です',
    ]);
  });

  it('splits on newlines and drops blank lines and full-width spaces', () => {
    expect(splitSentences('見出しのような行\n\n　本文です。 \r\n最後の行', 'ja')).toEqual([
      '見出しのような行',
      '本文です。',
      '最後の行',
    ]);
  });

  it('re-splits a long sentence whose bracket is never closed', () => {
    const unclosed = `「${'とても長い引用が続きます。'.repeat(20)}`;
    const sentences = splitSentences(unclosed, 'ja');
    expect(sentences.length).toBe(20);
    expect(sentences.join('')).toBe(unclosed);
  });
});

describe('splitSentences (English)', () => {
  it('does not split after abbreviations such as e.g., Dr. and U.S.', () => {
    expect(
      splitSentences(
        'Some tools, e.g. linters, help. Dr. Smith agreed with Mr. Jones. The U.S. market grew. It cost $3.5 million!',
        'en',
      ),
    ).toEqual([
      'Some tools, e.g. linters, help.',
      'Dr. Smith agreed with Mr. Jones.',
      'The U.S. market grew.',
      'It cost $3.5 million!',
    ]);
  });

  it("does not split after a quoted exclamation that the sentence carries on from ('a-ha!' moment)", () => {
    expect(splitSentences("A study asks when the 'a-ha!' moment comes. It is hard to say.", 'en')).toEqual([
      "A study asks when the 'a-ha!' moment comes.",
      'It is hard to say.',
    ]);
  });

  it('splits questions, exclamations and lines; keeps ellipses inside a sentence', () => {
    expect(splitSentences('Really? Yes... it did. Wow! A heading\nThe text goes on.', 'en')).toEqual([
      'Really?',
      'Yes... it did.',
      'Wow!',
      'A heading',
      'The text goes on.',
    ]);
  });

  it('ends a sentence after an abbreviation when a capitalised sentence follows', () => {
    expect(splitSentences('We ship apples, pears, etc. Next year we add plums.', 'en')).toEqual([
      'We ship apples, pears, etc.',
      'Next year we add plums.',
    ]);
  });
});
