import { describe, expect, it } from 'vitest';
import { findBulletDefects } from './bullet-defects.ts';

const codes = (bullet: string, language: 'ja' | 'en', source?: string) =>
  findBulletDefects(bullet, language, source ? { source } : {}).map((d) => d.code);

describe('findBulletDefects', () => {
  it('flags English bullets cut mid-phrase on real pages', () => {
    const source =
      'Mr Obama has faced criticism in the country after the US legalised gay marriage. Children growing up during the eight years of his presidency "will remember it".';
    expect(
      codes('Mr Obama has faced criticism in the country after the US legalised gay', 'en', source),
    ).toEqual(['cut-mid-sentence']);
    expect(codes('Children growing up during the eight years of his presidency "will', 'en')).toEqual([
      'unbalanced-quote',
      'dangling-word',
    ]);
    expect(codes('A flaw in the wildly popular online game Minecraft makes it easy to', 'en')).toEqual([
      'dangling-word',
    ]);
    expect(codes("Visitors praised the museum's", 'en')).toEqual(['dangling-word']);
  });

  it('reads a closing "in May" as the month, a closing "may" as a cut', () => {
    expect(codes('The next step is a tender for 18 further cranes, to be published in May', 'en')).toEqual(
      [],
    );
    expect(codes('Some of the cranes may', 'en')).toEqual(['dangling-word']);
  });

  it('flags Japanese bullets cut mid-phrase on real pages', () => {
    expect(codes('具体的には、フリーWi-Fi利用時に、スマートフォンが', 'ja')).toEqual(['dangling-particle']);
    expect(codes('トレンドマイクロがスマートフォン保持者でフリーWi-Fiの利用経験がある人に', 'ja')).toEqual([
      'dangling-particle',
    ]);
    expect(codes('書き込みをまとめて処理し', 'ja')).toEqual(['dangling-particle']);
    expect(codes('「本当に在庫がずれないのか', 'ja')).toEqual(['unbalanced-quote']);
  });

  it('accepts a Japanese statement shown without the hearsay frame after it, not a phrase cut before と', () => {
    const source = '湾ではカモメの姿も増えていると、漁業者の間で話題になっていた。';
    expect(findBulletDefects('湾ではカモメの姿も増えている', 'ja', { source })).toEqual([]);
    const cut = 'イヌが水に映った姿を見ると、イヌは吠えた。';
    expect(findBulletDefects('イヌが水に映った姿を見る', 'ja', { source: cut }).map((d) => d.code)).toEqual([
      'cut-mid-sentence',
    ]);
  });

  it('flags furniture-like bullets: TOC numbers, [edit], trailing commas', () => {
    expect(codes('1.1 Eich CEO promotion controversy', 'en')).toEqual(['toc-number']);
    expect(codes('4.1 Mozilla VR', 'en')).toEqual(['toc-number']);
    expect(codes('History[edit]', 'en')).toEqual(['edit-mark']);
    expect(codes('The cache was thrown away,', 'en')).toEqual(['trailing-punctuation']);
    expect(codes('', 'en')).toEqual(['empty']);
  });

  it('accepts whole sentences, clauses cut with …, and key phrases', () => {
    const ok: Array<[string, 'ja' | 'en']> = [
      ['Caches need clear keys and clear owners', 'en'],
      ['This winter was supposed to prove them right. It did not', 'en'],
      ['Mr Mugabe is resisting mediation by a Catholic priest…', 'en'],
      ['The Bardo National Museum', 'en'],
      ['2014 was a turning point', 'en'],
      ['平均応答時間は通常の3.5倍に達していました', 'ja'],
      ['応答時間を3割短縮', 'ja'],
      ['具体的には、フリーWi-Fi利用時に…', 'ja'],
      ['夜間の安全確保や光熱費の増加を心配する声もある', 'ja'],
      ['「本当に在庫がずれないのか」という心配', 'ja'],
    ];
    for (const [bullet, language] of ok) expect(codes(bullet, language), bullet).toEqual([]);
    // A 体言止め phrase is whole even though the sentence goes on with します.
    expect(codes('応答時間を3割短縮', 'ja', '応答時間を3割短縮しました。')).toEqual([]);
  });
});
