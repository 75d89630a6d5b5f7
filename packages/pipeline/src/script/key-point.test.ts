import { describe, expect, it } from 'vitest';
import type { Script, Section } from '../schema/script.ts';
import { isKeyPoint, withKeyPoints } from './key-point.ts';

describe('isKeyPoint', () => {
  it('takes short standalone rules and conclusions', () => {
    for (const text of [
      'Sharpen little and often',
      'If you can see the edge, it is not sharp',
      'A dull tool is more dangerous than a sharp one',
      'Two surfaces make the edge, so both matter',
      'Sharpening is not a chore that interrupts the work',
    ])
      expect(isKeyPoint(text, 'en'), text).toBe(true);
    for (const text of [
      '欲張ると、持っているものまで失う',
      '自分で気づいたことは、教えられたことよりも心に残るものです',
      // Judgements and conclusions of a report or a how-to.
      '町では、群来を観光にも生かしたい考えだ',
      '今回の回復がそのまま漁獲の増加につながるかどうかは、まだわからない',
      '研究員は、観測を続ける必要があると話す',
      'いちばん多い失敗は、火が強すぎて外側だけこげてしまうことです',
      '商品によって原材料が違うので、購入するときは必ず表示を確認してください',
    ])
      expect(isKeyPoint(text, 'ja'), text).toBe(true);
  });

  it('rejects set-ups, questions, lead-ins, list items, plans, story lines and long sentences', () => {
    for (const text of [
      'Why does sharpness matter?',
      'Here is how it works:',
      'It is the work, or at least the part of it that decides whether everything else goes well',
      'A magnifying glass or a cheap loupe',
      'The council will vote on the extension in March',
      'Deliveries by cargo bike have carried on through the winter',
      'Most workshops should keep 3 stones',
      'Nothing is not worth a try',
      'Sharpening is expected to take a minute',
      'If you want to try this, start small',
      // Noun phrases, not orders.
      'Heartbeat and Status Controller (HSC)',
      'New sounds and sound system tweaks',
      'A dull tool is more dangerous than a sharp one, because it has to be forced when you push it hard',
    ])
      expect(isKeyPoint(text, 'en'), text).toBe(false);
    for (const text of [
      'しかもそのイヌも、口に肉をくわえているではありませんか',
      '川の中にいたのは、水にうつった自分の姿だったのです',
      '町長は「子どもたちにも知ってほしい」と話した',
      // A plan without whose it is, a long conclusion, a step.
      '今後も続ける考えだ',
      '鰊は、海藻の森や小さなプランクトンなど、沿岸の生態系が健全でなければ産卵を続けられない',
      'ボウルにぬるま湯、砂糖、ドライイーストを入れて軽く混ぜ、5分ほど置きます',
    ])
      expect(isKeyPoint(text, 'ja'), text).toBe(false);
  });
});

const body = (title: string, bullets: string[]): Section => ({
  title,
  kind: 'body',
  bullets,
  narrations: bullets.map((text, bullet) => ({ text: `${text}.`, speaker: 'narrator', bullet })),
});

const script = (sections: Section[]): Script => ({
  title: 'Tools',
  language: 'en',
  sections: [
    { title: 'Tools', kind: 'opening', bullets: [], narrations: [{ text: 'Hi.', speaker: 'narrator' }] },
    ...sections,
    { title: 'Summary', kind: 'closing', bullets: [], narrations: [{ text: 'Bye.', speaker: 'narrator' }] },
  ],
});

const plain = (n: number) => body(`Part ${n}`, [`The workshop had ${n} benches along the north wall`]);
const ruled = body('Sharpness', [
  'An edge is the line where two flat surfaces meet',
  'Sharpen little and often',
]);

describe('withKeyPoints', () => {
  it('moves the rule of a slide in a run of plain slides into the panel, shown when said', () => {
    const out = withKeyPoints(script([plain(1), ruled, plain(2), plain(3)]));
    const slide = out.sections[2]!;
    expect(slide.layout).toBe('keypoint');
    expect(slide.keyPoint).toEqual({ text: 'Sharpen little and often', narration: 1 });
    expect(slide.bullets).toEqual(['An edge is the line where two flat surfaces meet']);
    // The narration that says the key point points at no bullet; the others keep theirs.
    expect(slide.narrations.map((n) => n.bullet)).toEqual([0, undefined]);
    expect(out.sections.filter((s) => s.layout === 'keypoint')).toHaveLength(1);
  });

  it('leaves single plain slides, slides with another panel and numbered steps alone', () => {
    expect(withKeyPoints(script([ruled, plain(1), plain(2), plain(3)])).sections[1]!.layout).toBe('keypoint');
    // A plain slide between two other panels: nothing to break up.
    const figure = (n: number): Section => ({
      ...plain(n),
      layout: 'figure',
      figure: { value: '3', context: 'x' },
    });
    const single = script([plain(1), figure(2), ruled, figure(3), plain(3)]);
    expect(withKeyPoints(single).sections.some((s) => s.layout === 'keypoint')).toBe(false);
    const steps = script([plain(1), { ...ruled, steps: [1, 2] }, plain(2), plain(3)]);
    expect(withKeyPoints(steps).sections.some((s) => s.layout === 'keypoint')).toBe(false);
  });

  it('breaks a run of two when the budget allows, longest runs first, a closing slide of bullets counting', () => {
    const figure: Section = { ...plain(9), layout: 'figure', figure: { value: '3', context: 'x' } };
    const layouts = (sections: Section[]) =>
      withKeyPoints(script(sections)).sections.map((s) => s.layout ?? 'bullets');
    expect(layouts([plain(1), plain(2), figure, plain(3), ruled])).toEqual([
      'bullets',
      'bullets',
      'bullets',
      'figure',
      'bullets',
      'keypoint',
      'bullets',
    ]);
    // A budget of one: the run of three (two plain slides and a closing slide of bullets) takes the
    // panel, not the run of two before it.
    const closing: Section = {
      title: 'Summary',
      kind: 'closing',
      bullets: ['Sharpen often'],
      narrations: [],
    };
    const out = withKeyPoints(script([ruled, ruled, figure, plain(4), ruled]));
    const withClosing = withKeyPoints({
      ...script([ruled, ruled, figure, plain(4), ruled]),
      sections: [...script([ruled, ruled, figure, plain(4), ruled]).sections.slice(0, -1), closing],
    });
    expect(out.sections.filter((s) => s.layout === 'keypoint')).toHaveLength(1);
    expect(withClosing.sections.map((s) => s.layout ?? 'bullets').slice(1, 6)).toEqual([
      'bullets',
      'bullets',
      'figure',
      'bullets',
      'keypoint',
    ]);
  });

  it('takes at most one slide in three, never two in a row', () => {
    const out = withKeyPoints(script(Array.from({ length: 9 }, () => ruled)));
    const picked = out.sections.flatMap((s, k) => (s.layout === 'keypoint' ? [k] : []));
    expect(picked).toHaveLength(3);
    for (let k = 1; k < picked.length; k++) expect(picked[k]! - picked[k - 1]!).toBeGreaterThan(1);
  });
});
