import { describe, expect, it } from 'vitest';
import { articleOf, h2, p } from '../../fixtures/script/test-articles.ts';
import { buildOfflineScript } from './offline.ts';

describe('offline script readings', () => {
  it('says a word by the reading the page gave it in ruby, and shows the word as written', () => {
    const news = {
      ...articleOf('湾に鰊の群れ戻る', 'ja', [
        p('北浜湾に鰊の大群が押し寄せ、海面が白く濁る群来と呼ばれる現象が、約４０年ぶりに確認された。'),
        h2('群来とは'),
        p('群来は、鰊が海藻に卵を産みつけ、海の色が乳白色に変わる現象だ。地元の漁業者は喜んでいる。'),
      ]),
      readings: { 群来: 'くき' },
    };
    const narrations = buildOfflineScript(news, {
      language: 'ja',
      maxSections: 14,
      charBudget: 600,
    }).sections.flatMap((s) => s.narrations);
    const saying = narrations.filter((n) => n.text.includes('群来'));
    expect(saying.length).toBeGreaterThan(0);
    for (const n of saying) {
      expect(n.reading).toContain('くき');
      expect(n.reading).not.toContain('群来');
    }
  });
});
