import { describe, expect, it } from 'vitest';
import { type Script, ScriptSchema } from '../schema/script.ts';
import { fitToBounds, narrationChars } from './bounds.ts';

const n = (text: string) => ({ text, speaker: 'narrator' });

function script(
  bodyCount: number,
  narrationsPerBody: number,
  text = 'これは本文のナレーションです。',
): Script {
  return ScriptSchema.parse({
    title: 'タイトル',
    language: 'ja',
    sections: [
      {
        title: 'タイトル',
        kind: 'opening',
        narrations: [n('今回は記事を紹介します。'), n('導入の文です。')],
      },
      ...Array.from({ length: bodyCount }, (_, i) => ({
        title: `見出し${i + 1}`,
        bullets: ['要点その一', '要点その二'],
        narrations: Array.from({ length: narrationsPerBody }, () => n(text)),
      })),
      {
        title: 'まとめ',
        kind: 'closing',
        narrations: [n('要点を振り返りました。'), n('詳しくは元の記事をご覧ください。')],
      },
    ],
  });
}

describe('fitToBounds', () => {
  it('drops body sections from the end, keeping the opening and the closing', () => {
    const fitted = fitToBounds(script(8, 1), { maxSections: 5, charBudget: 10_000 });
    expect(fitted.sections.map((s) => s.title)).toEqual([
      'タイトル',
      '見出し1',
      '見出し2',
      '見出し3',
      'まとめ',
    ]);
  });

  it('drops narrations from the longest body sections first, keeping one per section', () => {
    const original = script(3, 4);
    const budget = narrationChars(original) - 40;
    const fitted = fitToBounds(original, { maxSections: 12, charBudget: budget });
    expect(narrationChars(fitted)).toBeLessThanOrEqual(budget);
    expect(fitted.sections.length).toBe(5);
    expect(fitted.sections[0]!.narrations.length).toBe(2);
    expect(fitted.sections.at(-1)!.narrations.length).toBe(2);
    for (const section of fitted.sections) expect(section.narrations.length).toBeGreaterThanOrEqual(1);
    // The input is not changed.
    expect(original.sections[1]!.narrations.length).toBe(4);
  });

  it('keeps the closing line that points to the article, and shortens narrations when one each is still too much', () => {
    const fitted = fitToBounds(
      script(2, 1, '書き込みが集中すると、応答が遅くなるという問題があり、それを解決しました。'),
      {
        maxSections: 12,
        charBudget: 60,
      },
    );
    expect(narrationChars(fitted)).toBeLessThanOrEqual(60);
    expect(fitted.sections[0]!.kind).toBe('opening');
    expect(fitted.sections.at(-1)!.narrations.map((x) => x.text)).toEqual([
      '詳しくは元の記事をご覧ください。',
    ]);
    expect(() => ScriptSchema.parse(fitted)).not.toThrow();
  });

  it('leaves a script within bounds unchanged', () => {
    const original = script(3, 2);
    expect(fitToBounds(original, { maxSections: 12, charBudget: 10_000 })).toEqual(original);
  });

  it('keeps the items of an enumeration and what the next narration points back to, dropping another narration', () => {
    const base = script(1, 1);
    base.sections[1]!.narrations = [
      n('鰊の群れが湾に戻ってきた。'),
      n('町では、群来を観光にも生かしたい考えだ。'),
      n('その考えに、漁協も賛成している。'),
      n('回復の理由について、研究員は三つの要因を挙げる。一つ目は稚魚の放流だ。'),
      n('二つ目は、海藻の森を取り戻す取り組みだ。'),
      n('三つ目は、網の目を大きくした自主規制だという。'),
    ];
    const budget = narrationChars(base) - 1;
    const fitted = fitToBounds(base, { maxSections: 10, charBudget: budget });
    const said = fitted.sections[1]!.narrations.map((x) => x.text);
    expect(said).toEqual([
      '鰊の群れが湾に戻ってきた。',
      '町では、群来を観光にも生かしたい考えだ。',
      '回復の理由について、研究員は三つの要因を挙げる。一つ目は稚魚の放流だ。',
      '二つ目は、海藻の森を取り戻す取り組みだ。',
      '三つ目は、網の目を大きくした自主規制だという。',
    ]);
    expect(narrationChars(fitted)).toBeLessThanOrEqual(budget);
  });
});
