import { describe, expect, it } from 'vitest';
import type { Script } from '../schema/script.ts';
import { withShownReadings } from './shown-readings.ts';

const script = (sections: Array<{ title: string; bullets: string[] }>): Script => ({
  title: '湾に鰊の群れ戻る',
  language: 'ja',
  sections: sections.map((s) => ({
    ...s,
    kind: 'body',
    narrations: [{ text: 'ナレーション。', speaker: 'narrator' }],
  })),
});

describe('shown readings', () => {
  it('glosses a rare word once, at its first mention on screen', () => {
    const out = withShownReadings(
      script([
        { title: '白く濁った海域', bullets: ['海面が白く濁った'] },
        { title: '群来とは', bullets: ['群来は、鰊の雌が卵を産む現象だ'] },
        { title: '観光', bullets: ['群来を観光に生かす'] },
      ]),
      { 群来: 'くき' },
    );
    expect(out.sections.map((s) => [s.title, ...s.bullets])).toEqual([
      ['白く濁った海域', '海面が白く濁った'],
      ['群来（くき）とは', '群来は、鰊の雌が卵を産む現象だ'],
      ['観光', '群来を観光に生かす'],
    ]);
  });

  it('does not split a kanji compound and skips pages that ruby many words', () => {
    const one = withShownReadings(
      script([{ title: '組合長', bullets: ['佐々木隆組合長は佐々木さんと話した'] }]),
      {
        佐々木: 'ささき',
      },
    );
    expect(one.sections[0]!.bullets[0]).toBe('佐々木隆組合長は佐々木（ささき）さんと話した');
    const many = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`語${i}漢`, 'よみ']));
    const out = withShownReadings(script([{ title: '語0漢とは', bullets: ['語1漢'] }]), many);
    expect(out.sections[0]!.title).toBe('語0漢とは');
  });
});
