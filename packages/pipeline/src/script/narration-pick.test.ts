import { describe, expect, it } from 'vitest';
import type { ScoredSentence } from './key-sentences.ts';
import { pickNarrations, sentenceGroups, toSourceSentences } from './narration-pick.ts';

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

  it('says "the article" for the writer\'s "this post", except in the writer\'s own "we" sentence', () => {
    const texts = toSourceSentences(
      [
        'This post explains how we cut that cost. People ask the same questions, so this post tries to answer them.',
      ],
      'en',
      250,
    ).map((s) => s.text);
    expect(texts).toEqual([
      'This post explains how we cut that cost.',
      'People ask the same questions, so the article tries to answer them.',
    ]);
  });

  it('leaves out pointers to the page and promises of another chapter', () => {
    const texts = toSourceSentences(
      ['The table below lists the angles (see Figure 2). In the next chapter we will cut joints.'],
      'en',
      250,
    ).map((s) => s.text);
    expect(texts).toEqual(['The table lists the angles.']);
  });
});

describe('toSourceSentences (a sentence ending on a colon)', () => {
  it('says how to read what follows it in the part, not a short introduction or a last line', () => {
    const texts = toSourceSentences(
      [
        'The essentials are few. The list below is what I would buy again if I lost everything tomorrow, roughly in order of importance:',
        'A coarse stone, around 1,000 grit, for setting the bevel.',
        'Here is how it works:',
        'Tap the stone.',
        'This sentence ends the part, with nothing after it to introduce:',
      ],
      'en',
      250,
    ).map((s) => s.text);
    expect(texts).toContain(
      'The list is what I would buy again if I lost everything tomorrow, roughly in order of importance.',
    );
    expect(texts.some((t) => t.startsWith('Here is how'))).toBe(false);
    expect(texts.some((t) => t.startsWith('This sentence ends the part'))).toBe(false);
  });
});

describe('toSourceSentences (dialogue)', () => {
  it('keeps a line of speech in brackets, which Japanese closes without a stop', () => {
    const texts = toSourceSentences(
      ['イヌは川の中のイヌに向かって、思いきりほえました。「よし、おどかして、あの肉も取り上げてやろう」'],
      'ja',
      120,
    ).map((s) => s.text);
    expect(texts).toContain('「よし、おどかして、あの肉も取り上げてやろう」');
  });
});

describe('pickNarrations (enumerations)', () => {
  it('starts a narration at each item, so each item gets its own bullet', () => {
    const texts = [
      '研究員は三つの要因を挙げる。',
      '一つ目は、稚魚の放流だ。',
      '毎年およそ２００万匹を放流した。',
      '二つ目は、海藻の森を取り戻す取り組みだ。',
      '三つ目は、網の目を大きくした自主規制だという。',
    ];
    const scored: ScoredSentence[] = texts.map((text, index) => ({
      text,
      index,
      paragraph: 0,
      position: index,
      score: 1,
    }));
    // Fewer narrations than sentences: sentences are paired, but never an item after another sentence.
    const picked = pickNarrations(scored, 500, 'ja', {
      maxNarrations: 4,
      required: true,
      maxChars: 120,
      minChars: 40,
    });
    expect(picked.map((n) => n.text)).toEqual([
      '研究員は三つの要因を挙げる。',
      '一つ目は、稚魚の放流だ。毎年およそ２００万匹を放流した。',
      '二つ目は、海藻の森を取り戻す取り組みだ。',
      '三つ目は、網の目を大きくした自主規制だという。',
    ]);
  });
});

describe('pickNarrations (lead-ins)', () => {
  it('says a lead-in with the sentence after it, so its slide shows that sentence while it is said', () => {
    const texts = [
      'Shipping lines will not see higher fees until at least 2028, the board said.',
      'Not everyone is convinced.',
      'Pieter Gaal, who represents the terminal operators, warned that the grid connection is the weak point.',
    ];
    const scored: ScoredSentence[] = texts.map((text, index) => ({
      text,
      index,
      paragraph: index === 0 ? 0 : 1,
      position: index === 0 ? 0 : index - 1,
      score: 1,
    }));
    const picked = pickNarrations(scored, 500, 'en', {
      maxNarrations: 4,
      required: true,
      maxChars: 250,
      minChars: 40,
    });
    expect(picked.map((n) => n.text)).toEqual([texts[0], `${texts[1]} ${texts[2]}`]);
  });
});

describe('pickNarrations (what a sentence leans on)', () => {
  const scored = (texts: readonly string[], scores: readonly number[]): ScoredSentence[] =>
    texts.map((text, index) => ({ text, index, paragraph: 0, position: index, score: scores[index]! }));
  const options = { maxNarrations: 4, required: true, maxChars: 200, minChars: 20 };

  it('says 「実際、…」 only with the claim it backs up', () => {
    const texts = [
      '鰊が戻ってきたことは、暮らしやすい海になりつつあることを意味するという。',
      '実際、湾ではここ数年、鰊を追ってくるカモメやアザラシの姿も増えている。',
    ];
    // Room for one of them only: the backing-up sentence alone is not said.
    const picked = pickNarrations(scored(texts, [1, 3]), texts[1]!.length, 'ja', options);
    expect(picked.map((n) => n.text)).not.toContain(texts[1]);
  });

  it('says 「また、…」 without the side remark just before it', () => {
    const texts = [
      'お米の消費が減るなか、米粉の利用を広げようとする自治体の取り組みも各地で進んでいます。',
      'また、米粉のパンは水分を多く含むため、しっとりとして、もちもちした食感になります。',
    ];
    const picked = pickNarrations(scored(texts, [1, 3]), texts[1]!.length, 'ja', options);
    expect(picked.map((n) => n.text)).toEqual([texts[1]]);
  });
});

describe('sentenceGroups (a connective with nothing before it)', () => {
  it('says the sentence without it, starting with a capital letter', () => {
    const scored: ScoredSentence[] = [
      'But a groundbreaking new study may offer a way to stem the rise of peanut allergies.',
      'But iPhone owners were not asked.',
    ].map((text, index) => ({ text, index: index * 2, paragraph: index, position: 0, score: 1 }));
    const { candidates } = sentenceGroups(scored, 'en');
    expect(candidates.map((s) => s.text)).toEqual([
      'A groundbreaking new study may offer a way to stem the rise of peanut allergies.',
      'iPhone owners were not asked.',
    ]);
  });
});
