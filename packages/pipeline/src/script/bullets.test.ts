import { loadDefaultJapaneseParser } from 'budoux';
import { describe, expect, it } from 'vitest';
import { makeBullets, toBullet } from './bullets.ts';
import { chunkAtBoundaries, shortenAtBoundary, splitClauses } from './clauses.ts';

const parser = loadDefaultJapaneseParser();

/** Character offsets where budoux allows a break in the text (0 and the end included). */
function budouxBoundaries(text: string): Set<number> {
  const offsets = new Set([0]);
  let offset = 0;
  for (const phrase of parser.parse(text)) {
    offset += phrase.length;
    offsets.add(offset);
  }
  return offsets;
}

const japaneseSentences = [
  '従来の方式では、書き込みが集中すると応答が遅くなるという問題がありました。',
  'ピーク時には1秒あたり5,000件の注文が入り、平均応答時間は通常の3.5倍に達していました。',
  'ワーカーが落ちても未処理の更新が失われないよう、処理が終わった時点で確認応答を返す仕組みにしています。',
  '書き込みを一定の間隔でまとめて処理する仕組みを導入したことで応答時間を大幅に短くすることができました。',
  'キューにはRedisのストリームを使いました。',
];

describe('toBullet (Japanese)', () => {
  it('stays within 40 characters, drops the final 。 and cuts only at budoux phrase boundaries', () => {
    for (const sentence of japaneseSentences) {
      const bullet = toBullet(sentence, 'ja');
      expect(bullet.length).toBeGreaterThan(0);
      expect(bullet.length).toBeLessThanOrEqual(40);
      expect(bullet.endsWith('。')).toBe(false);
      const source = sentence.replace(/。$/u, '');
      const start = source.indexOf(bullet);
      expect(start, `${bullet} is a piece of ${source}`).toBeGreaterThanOrEqual(0);
      const boundaries = budouxBoundaries(source);
      expect(boundaries.has(start), `starts at a boundary: ${bullet}`).toBe(true);
      expect(boundaries.has(start + bullet.length), `ends at a boundary: ${bullet}`).toBe(true);
    }
  });

  it('keeps the predicate (the end) of a long Japanese sentence when whole clauses fit', () => {
    expect(toBullet(japaneseSentences[1]!, 'ja')).toBe('平均応答時間は通常の3.5倍に達していました');
    expect(toBullet(japaneseSentences[4]!, 'ja')).toBe('キューにはRedisのストリームを使いました');
  });

  it('drops a leading connective and never leaves half a quote', () => {
    expect(toBullet('しかし、「本当に在庫がずれないのか」という心配がありました。', 'ja')).toBe(
      '「本当に在庫がずれないのか」という心配がありました',
    );
    const cut = toBullet(
      '市が昨年行ったアンケートでは回答者の6割が「開館時間が短くて利用しにくい」と答えていた。',
      'ja',
      30,
    );
    expect(cut.length).toBeLessThanOrEqual(30);
    expect((cut.match(/「/gu) ?? []).length).toBe((cut.match(/」/gu) ?? []).length);
  });
});

describe('toBullet (English)', () => {
  const sentences = [
    'Docker image builds, however, often rebuilt every layer because the cache was thrown away between runs.',
    'We moved the dependency cache to a shared bucket keyed by the lockfile hash, so a build only reinstalls packages when the lockfile changes.',
    'Caches need clear keys and clear owners.',
    'However, the full unit test suite took only six minutes on a typical day in the office.',
  ];

  it('stays within 70 characters, cuts between words and not after "the" or "because"', () => {
    for (const sentence of sentences) {
      const bullet = toBullet(sentence, 'en');
      expect(bullet.length).toBeLessThanOrEqual(70);
      expect(bullet.endsWith('.')).toBe(false);
      const rest = sentence.replace(/^However, t/u, 'T').slice(bullet.length);
      expect(sentence.replace(/^However, t/u, 'T').startsWith(bullet), bullet).toBe(true);
      expect(rest === '' || /^[\s,.;:]/u.test(rest), `cut between words: ${bullet}|${rest}`).toBe(true);
      expect(bullet).not.toMatch(/\b(?:the|because|a|and|of)$/iu);
    }
    expect(toBullet(sentences[0]!, 'en')).toBe('Docker image builds, however, often rebuilt every layer');
    expect(toBullet(sentences[2]!, 'en')).toBe('Caches need clear keys and clear owners');
    expect(toBullet(sentences[3]!, 'en')).toBe(
      'The full unit test suite took only six minutes on a typical day',
    );
  });
});

describe('makeBullets', () => {
  it('makes 2–4 distinct bullets', () => {
    const bullets = makeBullets(japaneseSentences, 'ja');
    expect(bullets.length).toBe(4);
    expect(new Set(bullets).size).toBe(4);
    for (const bullet of bullets) expect(bullet.length).toBeLessThanOrEqual(40);
  });

  it('drops near-duplicates, keeping the first', () => {
    expect(
      makeBullets(['Caches need clear keys.', 'Caches need clear keys and owners.', 'Measure first.'], 'en'),
    ).toEqual(['Caches need clear keys', 'Measure first']);
  });

  it('falls back to clauses when there is only one sentence', () => {
    const bullets = makeBullets(
      ['延長にあたり、市は職員を増やす代わりに、自動貸出機と入退館ゲートを導入した。'],
      'ja',
    );
    expect(bullets.length).toBeGreaterThanOrEqual(2);
    expect(bullets.length).toBeLessThanOrEqual(4);
  });
});

describe('shortenAtBoundary and chunkAtBoundaries', () => {
  it('returns short text untouched', () => {
    expect(shortenAtBoundary('短い文。', 'ja', 40)).toBe('短い文。');
  });

  it('does not treat the comma in 5,000 or the colon in 10:30 as a clause break', () => {
    expect(splitClauses('1秒あたり5,000件、10:30から、増えた', 'ja')).toEqual([
      '1秒あたり5,000件、',
      '10:30から、',
      '増えた',
    ]);
  });

  it('cuts a long sentence into narration-sized chunks at 、 that join back to the sentence', () => {
    const sentence = `${'とても長い説明が続いていて、'.repeat(12)}最後に終わります。`;
    const chunks = chunkAtBoundaries(sentence, 'ja', 60);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(60);
    expect(chunks.join('')).toBe(sentence);
    for (const chunk of chunks.slice(0, -1)) expect(chunk.endsWith('、')).toBe(true);
  });
});
