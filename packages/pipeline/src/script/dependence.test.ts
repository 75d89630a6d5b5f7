import { describe, expect, it } from 'vitest';
import {
  caveatSpans,
  continuesQuote,
  introducesThingOf,
  isStory,
  leaningSpans,
  needsPredecessor,
  qualifiesPrevious,
  turnsPrevious,
} from './dependence.ts';
import type { ScoredSentence } from './key-sentences.ts';
import { pickNarrations } from './narration-pick.ts';

const scored = (texts: readonly string[], scores: readonly number[]): ScoredSentence[] =>
  texts.map((text, index) => ({ text, paragraph: 0, position: index, index, score: scores[index]! }));

const options = { maxNarrations: 4, required: true, maxChars: 300, minChars: 40 };

describe('needsPredecessor', () => {
  it('flags openers that point back to the sentence before', () => {
    for (const text of [
      'It did not.',
      'Whatever it decides, the winter has settled the argument.',
      'They kept the lanes open all winter.',
      '"If the substation is late, we will pay for both," he said.',
      "According to the port's engineers, that recovered energy covers roughly 15 percent of a crane's needs.",
      'If it has gone evenly from the whole bevel, the angle is right.',
      'A dull one crushes the fibres, skids off the surface and tempts you to push harder.',
      'Indeed, gulls and seals have followed the herring into the bay.',
      'In fact, the riders are faster than vans.',
      'A pharmacy and two restaurants have followed.',
      'Two other ports have since done the same.',
    ]) {
      expect(needsPredecessor(text, 'en'), text).toBe(true);
    }
    for (const text of [
      '二つ目は、海藻の森を取り戻す取り組みだ。',
      'しかもそのイヌも、肉をくわえています。',
      'もう一つのコツは、ぬるま湯の温度です。',
      'その結果、漁獲が戻った。',
      'けれども、自分がすでに持っているものの値打ちを忘れないようにしましょう。',
      'そこでイヌは、川の中のイヌに向かって、思いきり「ワン！」とほえました。',
      '熱すぎるとイーストが弱ってしまい、冷たすぎると発酵に時間がかかります。',
      '実際、湾ではここ数年、鰊を追ってくるカモメやアザラシの姿も増えている。',
      '実際には、漁獲はまだ戻っていない。',
    ]) {
      expect(needsPredecessor(text, 'ja'), text).toBe(true);
    }
  });

  it('leaves sentences that stand on their own', () => {
    for (const text of [
      'The city kept the bike lanes open all winter.',
      'This year the council will vote on the extension.',
      'This chapter explains what sharp means.',
      '"We were wrong," said Dana Whitfield.',
      'The Xbox One X is the fastest console Microsoft has made.',
      'The number one reason is cost.',
      'A one-off grant paid for the study.',
      'The parade followed the old route along the river.',
    ]) {
      expect(needsPredecessor(text, 'en'), text).toBe(false);
    }
    for (const text of [
      '北浜湾に鰊の大群が押し寄せた。',
      'この冬、湾に群来が戻った。',
      'ここ数年、米粉のパンが増えています。',
      '実際に使ってみると、違いがよくわかります。',
    ]) {
      expect(needsPredecessor(text, 'ja'), text).toBe(false);
    }
  });
});

describe('pickNarrations with sentences that point back', () => {
  it('says a sentence that points back right after the one it depends on', () => {
    const sentences = scored(
      [
        'Everyone expected the winter numbers to fall to a tenth of summer traffic on the lanes.',
        'It did not.',
        'The plough costs less than a single bus.',
      ],
      [0.2, 3, 1],
    );
    const picked = pickNarrations(sentences, 110, 'en', options).flatMap((n) =>
      n.sentences.map((s) => s.text),
    );
    expect(picked.slice(0, 2)).toEqual([sentences[0]!.text, 'It did not.']);
  });

  it('drops a sentence that points back when what it depends on does not fit', () => {
    const sentences = scored(
      [
        'The city council argued for months about whether the lanes should stay open in the snow at all.',
        'Whatever it decides, the winter has settled the argument.',
        'Ridership stayed at 610 cyclists a day.',
      ],
      [0.1, 3, 1],
    );
    const texts = pickNarrations(sentences, 100, 'en', options).map((n) => n.text);
    expect(texts.join(' ')).not.toContain('Whatever');
    expect(texts.join(' ')).toContain('610');
  });

  it('never opens a section with a sentence that points back to nothing', () => {
    const sentences = scored(
      ['しかもそのイヌも、口に肉をくわえているではありませんか。', 'イヌは肉屋で骨つき肉をもらいました。'],
      [3, 1],
    );
    const texts = pickNarrations(sentences, 200, 'ja', options).map((n) => n.text);
    expect(texts).toEqual(['イヌは肉屋で骨つき肉をもらいました。']);
  });

  it('keeps the sentence naming who speaks before a quote attributed to "he"', () => {
    const sentences = scored(
      [
        'Pieter Gaal, who represents the terminal operators, warned that the grid is the weak point.',
        '"If the substation is late, we will be paying for both," he said.',
      ],
      [0.1, 3],
    );
    // Room for one of the two: the quote is not said without its speaker.
    const texts = pickNarrations(sentences, 100, 'en', options).flatMap((n) =>
      n.sentences.map((s) => s.text),
    );
    expect(texts).toEqual([sentences[0]!.text]);
  });
});

const STORY = [
  'ある日のこと、イヌは肉屋の店先から、大きな骨つきの肉を一切れくすねて走り出しました。',
  'イヌは肉をしっかりくわえて、小川にかかる一本橋を渡り始めました。',
  'ふと下を見ると、川の中にも一匹のイヌがいて、こちらをじっと見ています。',
  'イヌは、川の中のイヌに向かって、思いきり「ワン！」とほえました。',
  'そのとたん、口にくわえていた肉は、ポチャンと川の中へ落ちてしまいました。',
  '川の中にいたのは、水にうつった自分の姿だったのです。',
  'イヌは、からっぽになった口をぱくぱくさせながら、とぼとぼと家に帰っていきました。',
];

describe('stories', () => {
  it('tells a story from its comment', () => {
    expect(isStory(STORY, 'ja')).toBe(true);
    expect(
      isStory(
        [
          'このお話は短いので、小さな子どもにも読み聞かせやすいお話です。',
          'イヌが「ワン！」とほえる場面は、このお話のいちばんの山場です。',
          '絵本や紙芝居と組み合わせるのもよい方法です。',
          '自分で気づいたことは、教えられたことよりも心に残るものです。',
          '机の高さを変えてから、肩こりがずいぶん楽になりました。',
        ],
        'ja',
      ),
    ).toBe(false);
    expect(
      isStory(['Once upon a time a dog found a bone.', 'It ran.', 'It barked.', 'It lost it.'], 'en'),
    ).toBe(true);
  });

  it('says a story from its start without gaps, never its turning point without what led to it', () => {
    // The turning point and the reveal score low; the first sentences fit the budget.
    const sentences = scored(STORY, [3, 1, 2, 3, 0.5, 0.5, 3]);
    const budget = STORY.slice(0, 4).reduce((sum, s) => sum + s.length, 0);
    const said = pickNarrations(sentences, budget, 'ja', { ...options, maxNarrations: 8 }).flatMap((n) =>
      n.sentences.map((s) => s.index),
    );
    expect(said).toEqual([0, 1, 2, 3]);
    const whole = STORY.reduce((sum, s) => sum + s.length, 0);
    const told = pickNarrations(sentences, whole, 'ja', { ...options, maxNarrations: 8 }).flatMap((n) =>
      n.sentences.map((s) => s.index),
    );
    expect(told).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});

describe('things named with "the"', () => {
  const intro = 'Keep going until you can feel a small burr along the back of the edge with your fingertip.';
  const use = 'Ten strokes on the bevel, one light stroke on the back to remove the burr, and repeat.';

  it('knows which sentence introduced a thing a later one names', () => {
    expect(introducesThingOf(intro, use)).toBe(true);
    expect(introducesThingOf('Sharpen little and often.', use)).toBe(false);
    expect(introducesThingOf('It is the same stone.', 'Use the same stone.')).toBe(false);
  });

  it('says "the burr" only with the sentence that introduced it', () => {
    const sentences = scored(
      [
        'Next, set the blade in the honing guide at 25 degrees and colour the bevel with the marker.',
        intro,
        'Then raise the angle by two degrees and move to the fine stone.',
        use,
      ],
      [3, 0.1, 3, 3],
    );
    // Room for three sentences: the burr is not removed before it has been raised.
    const budget = sentences.slice(0, 3).reduce((sum, s) => sum + s.text.length + 1, 0);
    const said = pickNarrations(sentences, budget, 'en', options).flatMap((n) =>
      n.sentences.map((s) => s.index),
    );
    expect(said.includes(3) ? said.includes(1) : true).toBe(true);
    expect(said).toContain(0);
    const all = pickNarrations(sentences, 1000, 'en', options).flatMap((n) =>
      n.sentences.map((s) => s.index),
    );
    expect(all).toEqual([0, 1, 2, 3]);
  });
});

describe('whole points', () => {
  it('says a claim only with the caveat that qualifies it', () => {
    const sentences = scored(
      [
        '家族の中にアレルギーのある人がいても、同じパンを囲むことができます。',
        'ただし、商品によって原材料が違うので、購入するときは必ず表示を確認してください。',
        '米粉は国内でとれるお米から作られることが多いです。',
      ],
      [3, 0.5, 1],
    );
    // Room for the claim alone, not with its caveat: the claim is not said at all.
    const alone = pickNarrations(sentences, 60, 'ja', options).map((n) => n.text);
    expect(alone.join('')).not.toContain('アレルギー');
    const both = pickNarrations(sentences, 200, 'ja', options).map((n) => n.text);
    expect(both.join('')).toContain('アレルギー');
    expect(both.join('')).toContain('必ず表示を確認してください');
  });

  it('says a lead-in only with the point it leads to, and a measure with the step it measures', () => {
    const tip = scored(
      [
        'いちばん多い失敗は、火が強すぎて外側だけこげてしまうことです。',
        'もう一つのコツは、ぬるま湯の温度です。',
        '熱すぎるとイーストが弱ってしまい、冷たすぎると発酵に時間がかかります。',
        '指を入れて「少しぬるい」と感じるくらいがちょうどよい温度です。',
      ],
      [1, 3, 0.5, 0.4],
    );
    const said = pickNarrations(tip, 200, 'ja', options).flatMap((n) => n.sentences.map((s) => s.text));
    expect(said).toEqual(tip.map((s) => s.text));
    // Without room for the answer, the lead-in is not said either.
    const short = pickNarrations(tip, 100, 'ja', options)
      .map((n) => n.text)
      .join('');
    expect(short).not.toContain('もう一つ');
    expect(short).toContain('いちばん多い失敗');
  });

  it('says both halves of a quotation together', () => {
    const sentences = scored(
      [
        '"We stopped treating the bike lanes as an afterthought," said Dana Whitfield, the director of public works.',
        '"Once they were cleared first, people trusted them, and once people trusted them, they kept riding."',
        'The crew starts its route at four in the morning.',
      ],
      [3, 0.5, 1],
    );
    // Room for both halves, or for the first half and the crew: the quotation is said whole.
    const texts = pickNarrations(sentences, 215, 'en', options).map((n) => n.text);
    expect(texts.join(' ')).toContain('people trusted them');
    expect(texts.join(' ')).toContain('afterthought');
    expect(continuesQuote(sentences[0]!.text, sentences[1]!.text, 'en')).toBe(true);
    expect(continuesQuote(sentences[2]!.text, sentences[1]!.text, 'en')).toBe(false);
    expect(continuesQuote('組合長は「初めてだ」と話した。', '「浜のみんなで喜んでいる」', 'ja')).toBe(true);
  });

  it('knows which openers qualify the sentence before', () => {
    expect(qualifiesPrevious('ただし、商品によって原材料が違います。', 'ja')).toBe(true);
    expect(qualifiesPrevious('一方で、海水温の上昇が続けば産卵場所が北へ移る恐れもある。', 'ja')).toBe(true);
    expect(qualifiesPrevious('However, the grid connection is the weak point.', 'en')).toBe(true);
    expect(qualifiesPrevious('Unless the substation is ready, nothing changes.', 'en')).toBe(true);
    expect(qualifiesPrevious('Butter is not used in this recipe.', 'en')).toBe(false);
    expect(qualifiesPrevious('米粉と塩を加えます。', 'ja')).toBe(false);
  });
});

describe('caveats and reveals', () => {
  it('keeps a claim and the caveat after it in its paragraph on one slide, not a new topic', () => {
    const narration = (text: string, paragraph: number) => ({ text, sentences: [{ paragraph }] });
    expect(
      caveatSpans(
        [
          narration('家族の中にアレルギーのある人がいても、同じパンを囲むことができます。', 3),
          narration('ただし、商品によって原材料が違うので、購入するときは必ず表示を確認してください。', 3),
          narration('さらに、米粉は国内でとれるお米から作られることが多いです。', 3),
          narration('一方、今回の回復がそのまま漁獲の増加につながるかどうかは、まだわからない。', 4),
        ],
        'ja',
      ),
    ).toEqual([[0, 1]]);
  });

  it('says a Japanese "more so" with what it is more than', () => {
    expect(
      needsPredecessor(
        '欲ばる気持ちが、目の前のことを見えなくしてしまうという教えが、より深く伝わります。',
        'ja',
      ),
    ).toBe(true);
    expect(needsPredecessor('米粉は小麦粉より深く焼き色がつきます。', 'ja')).toBe(false);
    expect(needsPredecessor('自分で気づいたことは、教えられたことよりも心に残るものです。', 'ja')).toBe(
      false,
    );
  });

  it('tells a caveat or a reveal from a sentence that goes on', () => {
    expect(turnsPrevious('そう、川の中にいたのは、水にうつった自分の姿だったのです。', 'ja')).toBe(true);
    expect(turnsPrevious('一方で、海水温の上昇が続けば産卵場所が北へ移る恐れもある。', 'ja')).toBe(true);
    expect(turnsPrevious('In fact, the lanes were busier than in autumn.', 'en')).toBe(true);
    expect(turnsPrevious('肉はあっという間に流れていき、もうどこにも見えません。', 'ja')).toBe(false);
    expect(turnsPrevious('The crew starts its route at four in the morning.', 'en')).toBe(false);
  });
});

describe('leaningSpans', () => {
  const narration = (text: string, index: number, paragraph = 0) => ({
    text,
    sentences: [{ index, paragraph }],
  });
  it('keeps a sentence that leans on the one before on its slide', () => {
    const spans = leaningSpans(
      [
        narration('Sharpening is not a chore.', 0),
        narration('It is the work, or the part of it that decides everything else.', 1),
        narration('A sharp chisel slices end grain cleanly.', 2),
        narration('A dull one crushes the fibres and skids off the surface.', 3),
        narration('Keep going until you can feel a small burr along the edge.', 4),
        narration('The burr is the sign that the two surfaces have met.', 5),
        narration('It takes about five minutes.', 9),
        narration('It needs a fine stone.', 10, 1),
        narration('However, it needs a fine stone.', 11, 2),
        narration('A pharmacy and two restaurants have followed.', 12, 2),
        narration('They use cargo bikes too.', 13, 2),
      ],
      'en',
    );
    // Not [5, 6]: the sentence before "It takes…" in the article was not said; not [7, 8]: a
    // paragraph that opens on a contrast turns to another topic. A chain is one span.
    expect(spans).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
      [6, 7],
      [8, 10],
    ]);
  });

  it('looks at what the bullet shows: a connective it leaves out or no bullet at all leans on nothing', () => {
    const narrations = [
      { text: '小麦粉のパンは、こねる必要があります。', sentences: [{ index: 0, paragraph: 0 }] },
      { text: 'もう一つのコツは、ぬるま湯の温度です。', sentences: [{ index: 1, paragraph: 0 }] },
    ];
    expect(leaningSpans(narrations, 'ja')).toEqual([[0, 1]]);
    expect(leaningSpans(narrations, 'ja', () => 'ぬるま湯の温度：熱すぎるとイーストが弱ります')).toEqual([]);
    expect(leaningSpans(narrations, 'ja', () => undefined)).toEqual([]);
  });
});
