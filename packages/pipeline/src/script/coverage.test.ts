import { describe, expect, it } from 'vitest';
import { type CoverageOptions, chooseSentences, keepValue, partRoom } from './coverage.ts';
import {
  answersProblem,
  concludesList,
  definesTerm,
  givesColour,
  hedges,
  instructs,
  interprets,
  respondsToProblem,
  setsScene,
  statesCaveat,
  statesDuration,
  warnsHandling,
} from './coverage-cues.ts';
import type { ScoredSentence } from './key-sentences.ts';

/** Sentences of one part, each its own paragraph unless `paragraphs` says otherwise. */
const part = (
  texts: readonly string[],
  scores: readonly number[],
  paragraphs: readonly number[] = texts.map((_, i) => i),
): ScoredSentence[] =>
  texts.map((text, index) => ({
    text,
    index,
    paragraph: paragraphs[index]!,
    position: 0,
    score: scores[index]!,
  }));

const roomy: CoverageOptions = { maxChars: 120, slideNarrations: 4, maxSlidesPerPart: 2, spareSlides: 10 };
const chars = (sentences: readonly ScoredSentence[]) => sentences.reduce((sum, s) => sum + s.text.length, 0);
const texts = (chosen: ScoredSentence[][]) => chosen.map((p) => p.map((s) => s.text));

describe('chooseSentences', () => {
  it('says every sentence when the article fits', () => {
    const a = part(
      ['群来は、鰊の雌が海藻に卵を産みつけて海の色が変わる現象だ。', '町では観光にも生かしたい考えだ。'],
      [1, 2],
    );
    const b = part(['この日、防波堤には住民が朝早くから集まった。'], [2]);
    const { sentences } = chooseSentences(
      [
        { scored: a, fixedNarrations: 0 },
        { scored: b, fixedNarrations: 0 },
      ],
      chars(a) + chars(b),
      'ja',
      roomy,
    );
    expect(texts(sentences)).toEqual([a.map((s) => s.text), b.map((s) => s.text)]);
  });

  it("cuts another part's scene-setting before a definition, even when the scene scores higher", () => {
    const a = part(
      [
        '北浜湾に鰊の大群が押し寄せ、約４０年ぶりに群来が確認された。',
        '群来は、鰊の雌が海藻に卵を産みつけて海の色が変わる現象だ。',
      ],
      [3, 1.2],
    );
    const b = part(
      ['町は展望スペースを今月下旬に設ける。', 'この日、防波堤には住民や写真愛好家らが朝早くから集まった。'],
      [2, 1.5],
    );
    // Room for all but one of the long sentences.
    const budget = chars(a) + chars(b) - 20;
    const { sentences } = chooseSentences(
      [
        { scored: a, fixedNarrations: 0 },
        { scored: b, fixedNarrations: 0 },
      ],
      budget,
      'ja',
      roomy,
    );
    const said = sentences.flat().map((s) => s.text);
    expect(said).toContain(a[1]!.text);
    expect(said).not.toContain(b[1]!.text);
    expect(chars(sentences.flat())).toBeLessThanOrEqual(budget);
  });

  it('covers a long article part by part instead of spending the budget on the best-scored part', () => {
    const sentence = (topic: string, k: number) =>
      `The ${topic} report number ${k} describes one more finding about the harbour in some detail.`;
    const rich = part(
      Array.from({ length: 10 }, (_, k) => sentence('engineering', k)),
      Array.from({ length: 10 }, () => 3),
    );
    const plain = part(
      Array.from({ length: 10 }, (_, k) => sentence('history', k)),
      Array.from({ length: 10 }, () => 2.5),
    );
    // A quarter of the article fits: five sentences.
    const budget = 5 * (rich[0]!.text.length + 2);
    const { sentences } = chooseSentences(
      [
        { scored: rich, fixedNarrations: 0 },
        { scored: plain, fixedNarrations: 0 },
      ],
      budget,
      'en',
      { ...roomy, maxChars: 250 },
    );
    expect(sentences[1]!.length).toBeGreaterThanOrEqual(2);
    expect(sentences[0]!.length).toBeGreaterThan(sentences[1]!.length);
  });

  it('gives a part no more sentences than its slides hold', () => {
    const long = part(
      Array.from(
        { length: 12 },
        (_, k) => `Finding ${k} of the survey is reported here with enough words to be a sentence.`,
      ),
      Array.from({ length: 12 }, () => 2),
    );
    const { sentences, slides } = chooseSentences([{ scored: long, fixedNarrations: 1 }], 10_000, 'en', {
      maxChars: 250,
      slideNarrations: 4,
      maxSlidesPerPart: 2,
      spareSlides: 0,
    });
    // One slide, one narration already taken (a moved lead): three sentences, one per paragraph.
    expect(slides).toEqual([1]);
    expect(sentences[0]).toHaveLength(3);
  });

  it('tells a story whole before choosing from the other parts', () => {
    const story = part(
      [
        'ある日、イヌは肉屋から肉を一切れくすねて走り出しました。',
        'イヌは肉をくわえて一本橋を渡り始めました。',
        '川の中にも肉をくわえたイヌがいました。',
        'イヌは思いきり「ワン！」とほえました。',
        '肉は川の中へ落ちてしまいました。',
      ],
      [3, 0.5, 0.5, 0.5, 0.5],
    );
    const notes = part(
      [
        'イソップ童話は二千五百年ほど前の古代ギリシャで語られた寓話を集めたものです。',
        '国や時代によって、イヌがくわえているものがチーズやパンになっている話もあります。',
      ],
      [5, 5],
    );
    // The story takes 70 percent of the budget; the notes get the rest, one of their sentences.
    const budget = Math.ceil(chars(story) / 0.7);
    const { sentences } = chooseSentences(
      [
        { scored: story, story: chars(story), fixedNarrations: 0 },
        { scored: notes, fixedNarrations: 0 },
      ],
      budget,
      'ja',
      roomy,
    );
    expect(sentences[0]).toHaveLength(story.length);
    expect(sentences[1]).toHaveLength(1);
  });
});

describe('keepValue', () => {
  it('values definitions, caveats, answers and instructions above their score, guesses and scene-setting below', () => {
    expect(keepValue('群来は、鰊の雌が卵を産みつけて海の色が変わる現象だ。', 1, 'ja')).toBeGreaterThan(1);
    expect(keepValue('ただし、購入するときは必ず表示を確認してください。', 1, 'ja')).toBeGreaterThan(1);
    expect(
      keepValue('ごはんに慣れた日本人の舌に合いやすいことも、人気の理由かもしれません。', 1, 'ja'),
    ).toBeLessThan(1);
    expect(
      keepValue('Walk along the eastern terminal at dawn and the difference is obvious.', 1, 'en'),
    ).toBeLessThan(1);
    expect(keepValue('The crew starts its route at four in the morning.', 1, 'en')).toBe(1);
  });
});

describe('coverage cues', () => {
  it('finds definitions of a term', () => {
    expect(definesTerm('群来は、鰊の雌が海藻に卵を産みつけ、海の色が乳白色に変わる現象だ。', 'ja')).toBe(
      true,
    );
    expect(definesTerm('地球全体をマス目に分け、気温の変化を計算する方法だ。', 'ja')).toBe(true);
    expect(definesTerm('This small secondary bevel, called a micro-bevel, saves time.', 'en')).toBe(true);
    expect(
      definesTerm('鰊が戻ってきたことは、暮らしやすい海になりつつあることを意味するという。', 'ja'),
    ).toBe(false);
    expect(definesTerm('The council will vote on the extension in March.', 'en')).toBe(false);
  });

  it('finds caveats and warnings', () => {
    expect(statesCaveat('一方、今回の回復が漁獲の増加につながるかどうかは、まだわからない。', 'ja')).toBe(
      true,
    );
    expect(statesCaveat('海水温の上昇が続けば産卵場所が北へ移る恐れもある。', 'ja')).toBe(true);
    expect(statesCaveat('Bike lanes can work, as long as someone clears them first.', 'en')).toBe(true);
    expect(statesCaveat('The bakery sends its morning orders by bike.', 'en')).toBe(false);
  });

  it('finds the answer to a problem or the measure of a step', () => {
    expect(answersProblem('指を入れて「少しぬるい」と感じるくらいがちょうどよい温度です。', 'ja')).toBe(true);
    expect(answersProblem('生地はホットケーキの生地より少しかためが目安です。', 'ja')).toBe(true);
    expect(answersProblem('生地が1.5倍ほどにふくらめば大丈夫です。', 'ja')).toBe(true);
    expect(answersProblem('The trick is to keep the stone wet.', 'en')).toBe(true);
    expect(answersProblem('米粉と塩を加えます。', 'ja')).toBe(false);
  });

  it('tells instructions from states, and guesses and scenes from reports', () => {
    expect(instructs('オリーブオイルを加えてさらに混ぜます。', 'ja')).toBe(true);
    expect(instructs('冷凍庫で保存しましょう。', 'ja')).toBe(true);
    expect(instructs('米粉を使ったパンを作る家庭が増えています。', 'ja')).toBe(false);
    expect(instructs('同じパンを囲むことができます。', 'ja')).toBe(false);
    expect(hedges('人気の理由かもしれません。', 'ja')).toBe(true);
    expect(hedges('人気の理由です。', 'ja')).toBe(false);
    expect(setsScene('この日、防波堤には住民が朝早くから集まった。', 'ja')).toBe(true);
    expect(setsScene('At night the only sounds are the roar of the flame and the crack of logs.', 'en')).toBe(
      true,
    );
    // A number makes it a report: "On a busy day, with three ships…" is not scenery.
    expect(setsScene('Walk along the quay at dawn: 3 cranes are working.', 'en')).toBe(false);
  });
});

describe('qualifying sentences', () => {
  it('recognises a response to a problem, a duration, a handling warning, an expert reading and a list message', () => {
    expect(
      respondsToProblem(
        'The city is testing a mix of salt and beet juice, and it has switched to brushing alone on mild days.',
        'en',
      ),
    ).toBe(true);
    expect(respondsToProblem('The city bought a narrow tractor in 2024.', 'en')).toBe(false);
    expect(statesDuration('2週間ほどおいしく食べられます。', 'ja')).toBe(true);
    expect(statesDuration('Wrapped tightly, the loaf keeps for two weeks in the freezer.', 'en')).toBe(true);
    expect(statesDuration('ふたをして、弱火で15分焼きます。', 'ja')).toBe(false);
    expect(
      warnsHandling('ドライイーストは開封したら冷蔵庫で保存し、できるだけ早く使い切りましょう。', 'ja'),
    ).toBe(true);
    expect(warnsHandling('古いイーストは発酵する力が弱くなっていることがあります。', 'ja')).toBe(true);
    expect(
      warnsHandling('熱すぎるとイーストが弱ってしまい、冷たすぎると発酵に時間がかかります。', 'ja'),
    ).toBe(true);
    // A moral that "makes one blind" is no handling warning.
    expect(
      warnsHandling('欲ばる気持ちが、目の前のことを見えなくしてしまうという教えが伝わります。', 'ja'),
    ).toBe(false);
    expect(interprets('専門家は、今回の群来を「海の回復を示す分かりやすいしるし」と見ている。', 'ja')).toBe(
      true,
    );
    expect(interprets('鰊が戻ってきたことは、暮らしやすい海になりつつあることを意味するという。', 'ja')).toBe(
      true,
    );
    expect(interprets('鰊は北太平洋に広く生息する魚だ。', 'ja')).toBe(false);
    expect(
      concludesList(
        'Diamond plates and powered grinders are pleasant to have, but none of them will make up for a poor routine.',
        'en',
      ),
    ).toBe(true);
    expect(concludesList('A marker pen, to colour the bevel.', 'en')).toBe(false);
  });

  it("takes a passer-by's feelings for colour, not an official's statement", () => {
    expect(
      givesColour(
        '小学生の孫と訪れた７０代の女性は「景色がそのまま戻ってきたようで、涙が出そうになった」と話した。',
        'ja',
      ),
    ).toBe(true);
    expect(givesColour('町長は「鰊は町の歴史そのもの」と期待を込めた。', 'ja')).toBe(false);
    expect(givesColour('"It was beautiful," said one resident.', 'en')).toBe(true);
  });

  it('keeps the response to a problem over a remark when not both fit', () => {
    const costs = part(
      [
        'Biologists warn that the extra salt is harming the fish in the creek.',
        'The city is testing a mix of salt and beet juice and has switched to brushing on mild days.',
        'A pharmacy and two restaurants have followed the bakery in using cargo bikes.',
      ],
      [2.8, 1.6, 1.9],
      [0, 0, 1],
    );
    const { sentences } = chooseSentences(
      [{ scored: costs, fixedNarrations: 0 }],
      chars(costs.slice(0, 2)) + 5,
      'en',
      roomy,
    );
    expect(texts(sentences)).toEqual([[costs[0]!.text, costs[1]!.text]]);
  });

  it('counts how long something keeps as much as the step it qualifies, in a part over its budget', () => {
    const storage = part(
      [
        '食べきれない分は、冷めてから一切れずつラップで包み、冷凍庫で保存しましょう。',
        '2週間ほどおいしく食べられます。',
        'お米の消費が減るなか、米粉の利用を広げる取り組みも各地で進んでいます。',
      ],
      [3, 1, 2],
      [0, 0, 1],
    );
    const { sentences } = chooseSentences(
      [{ scored: storage, fixedNarrations: 0 }],
      chars(storage.slice(0, 2)) + 5,
      'ja',
      roomy,
    );
    expect(texts(sentences)).toEqual([[storage[0]!.text, storage[1]!.text]]);
  });
});

describe('partRoom', () => {
  it('leaves a part with a long list room for what introduces it and the message it ends on', () => {
    expect(partRoom(2, 4, 12)).toBe(2);
    expect(partRoom(2, 4, 3)).toBe(5);
    expect(partRoom(1, 4, 0)).toBe(4);
    expect(partRoom(1, 4, 4)).toBe(2);
    expect(partRoom(1, 4, 2)).toBe(2);
  });
});
