import { loadDefaultJapaneseParser } from 'budoux';
import { describe, expect, it } from 'vitest';
import { findBulletDefects } from './bullet-defects.ts';
import { dropsPoint, longestBullet, makeBullets, narrationBullet, toBullet } from './bullets.ts';
import { chunkAtBoundaries, shortenAtBoundary, splitClauses } from './clauses.ts';
import { TEXT_LIMITS } from './language.ts';

const LONGEST = { ja: longestBullet(TEXT_LIMITS.ja.bullet), en: longestBullet(TEXT_LIMITS.en.bullet) };

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
  it('gives a whole point within the longest bullet: the sentence, its main clause, or clauses ending with …', () => {
    for (const sentence of japaneseSentences) {
      const bullet = toBullet(sentence, 'ja');
      expect(bullet.length).toBeGreaterThan(0);
      expect(bullet.length).toBeLessThanOrEqual(LONGEST.ja);
      expect(bullet.endsWith('。')).toBe(false);
      expect(findBulletDefects(bullet, 'ja', { source: sentence }), bullet).toEqual([]);
      const source = sentence.replace(/。$/u, '');
      const whole = bullet.replace(/…$/u, '');
      const start = source.indexOf(whole);
      expect(start, `${bullet} is a piece of ${source}`).toBeGreaterThanOrEqual(0);
      const boundaries = budouxBoundaries(source);
      expect(boundaries.has(start), `starts at a boundary: ${bullet}`).toBe(true);
      expect(boundaries.has(start + whole.length), `ends at a boundary: ${bullet}`).toBe(true);
      // A piece from the middle is marked with …; otherwise it runs to the sentence's end.
      if (!bullet.endsWith('…')) expect(start + whole.length).toBe(source.length);
    }
  });

  it('keeps a sentence a little over the aim whole when a cut would lose its numbers, else its predicate (the end)', () => {
    // The main clause alone would drop "5,000件".
    expect(toBullet(japaneseSentences[1]!, 'ja')).toBe(
      'ピーク時には1秒あたり5,000件の注文が入り、平均応答時間は通常の3.5倍に達していました',
    );
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
    // Over the aim rather than without its number.
    expect(cut.length).toBeLessThanOrEqual(longestBullet(30, 'ja'));
    expect(cut).toContain('6割');
    expect((cut.match(/「/gu) ?? []).length).toBe((cut.match(/」/gu) ?? []).length);
  });

  it("never ends on a particle: a real page's sentence a little over the aim is shown whole", () => {
    const bullet = toBullet(
      '具体的には、フリーWi-Fi利用時に、スマートフォンが乗っ取られる危険があると回答した人が多かった。',
      'ja',
      40,
    );
    expect(bullet).toBe('フリーWi-Fi利用時に、スマートフォンが乗っ取られる危険があると回答した人が多かった');
    expect(
      toBullet(
        '具体的には、フリーWi-Fi利用時に、スマートフォンが乗っ取られる危険があると回答した人が多かった。',
        'ja',
        30,
      ),
    ).toBe('スマートフォンが乗っ取られる危険があると回答した人が多かった');
  });
});

describe('toBullet (English)', () => {
  const sentences = [
    'Docker image builds, however, often rebuilt every layer because the cache was thrown away between runs.',
    'We moved the dependency cache to a shared bucket keyed by the lockfile hash, so a build only reinstalls packages when the lockfile changes.',
    'Caches need clear keys and clear owners.',
    'However, the full unit test suite took only six minutes on a typical day in the office.',
    'Mr Obama has faced criticism in the country after the US legalised gay marriage, a move many there oppose.',
  ];

  it('is the sentence, or its first clauses up to a natural break with …, within the longest bullet', () => {
    for (const sentence of sentences) {
      const bullet = toBullet(sentence, 'en');
      expect(bullet.length).toBeLessThanOrEqual(LONGEST.en);
      expect(bullet.endsWith('.')).toBe(false);
      expect(findBulletDefects(bullet, 'en', { source: sentence }), bullet).toEqual([]);
      const plain = sentence.replace(/^However, t/u, 'T');
      const whole = bullet.replace(/…$/u, '');
      expect(plain.startsWith(whole), bullet).toBe(true);
      const rest = plain.slice(whole.length);
      expect(bullet.endsWith('…') ? /^[\s,;:]/u.test(rest) : rest === '.', `${bullet}|${rest}`).toBe(true);
    }
    // Two characters over the aim: whole rather than cut before its reason.
    expect(toBullet(sentences[0]!, 'en')).toBe(
      'Docker image builds, however, often rebuilt every layer because the cache was thrown away between runs',
    );
    // Its result ("so a build only reinstalls…") is its point: whole, not cut before it.
    expect(toBullet(sentences[1]!, 'en')).toBe(
      'We moved the dependency cache to a shared bucket keyed by the lockfile hash, so a build only reinstalls packages when the lockfile changes',
    );
    expect(toBullet(sentences[2]!, 'en')).toBe('Caches need clear keys and clear owners');
    expect(toBullet(sentences[3]!, 'en')).toBe(
      'The full unit test suite took only six minutes on a typical day in the office',
    );
    expect(toBullet(sentences[4]!, 'en')).toBe(
      'Mr Obama has faced criticism in the country after the US legalised gay marriage, a move many there oppose',
    );
  });

  it('condenses by dropping an aside after the subject or a trailing "…, he said"', () => {
    expect(
      toBullet(
        'The priest, Fidelis Mukonori, is acting as a middle-man between Mr Mugabe and the generals, a senior political source told Reuters.',
        'en',
        80,
      ),
    ).toBe('The priest is acting as a middle-man between Mr Mugabe and the generals');
  });

  it('gives no bullet rather than a fragment', () => {
    expect(
      toBullet(
        'As the report states, the birth lottery matters more in some countries than it does in others today.',
        'en',
      ),
    ).not.toMatch(/^As the report states…$/u);
  });
});

describe('makeBullets', () => {
  it('makes distinct bullets, one per sentence that gives one', () => {
    const bullets = makeBullets(japaneseSentences, 'ja');
    expect(bullets.length).toBe(4);
    expect(new Set(bullets).size).toBe(4);
    for (const bullet of bullets) expect(bullet.length).toBeLessThanOrEqual(LONGEST.ja);
  });

  it('drops near-duplicates, keeping the first', () => {
    expect(
      makeBullets(['Caches need clear keys.', 'Caches need clear keys and owners.', 'Measure first.'], 'en'),
    ).toEqual(['Caches need clear keys', 'Measure first']);
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

describe('bullets that condense the point', () => {
  const whole = (bullet: string) => expect(findBulletDefects(bullet, 'en')).toEqual([]);

  it('shows a second claim joined by and/but whole, and a sentence over two lines whole rather than cut a few words short', () => {
    const listing = toBullet(
      "The listing covers the tower, the lantern and the two keepers' houses, and it requires that any repairs use the original materials where possible.",
      'en',
    );
    expect(listing).toContain('original materials');
    expect(listing.endsWith('…')).toBe(false);
    const ports = toBullet(
      'Two smaller harbours on the same coast have asked for the engineering studies, and a delegation from a Baltic port visited the eastern terminal last month.',
      'en',
    );
    expect(ports).toContain('Baltic port visited');
    // A longer second claim keeps its subject, its verb and what it says ("faster than vans").
    const bakery = toBullet(
      'The bakery on Mill Street now sends almost all of its morning orders by bike, and the owner says the riders are faster than vans in the narrow streets of the old town, where parking is close to impossible.',
      'en',
    );
    expect(bakery).toContain('faster than vans');
    // "the owner" of what only the first clause names: the bullet names it.
    expect(bakery).toMatch(/^The owner of the bakery on Mill Street says/u);
    const back = toBullet(
      'The back must be flat and polished near the edge, at least for the first few millimetres, or the two surfaces will never meet in a fine line.',
      'en',
    );
    expect(back).toMatch(/in a fine line$/u);
    for (const bullet of [listing, ports, bakery, back]) {
      whole(bullet);
      expect(bullet.length).toBeLessThanOrEqual(LONGEST.en);
    }
    expect(
      dropsPoint(
        'Two smaller harbours have asked for the studies, and a delegation…',
        'Two smaller harbours have asked for the studies, and a delegation from a Baltic port visited last month',
        'en',
      ),
    ).toBe(true);
  });

  it('keeps the subject of a Japanese bullet: the set it picks from (「…の中には」) and the speaker of the sentence before', () => {
    expect(
      toBullet(
        'パン用の米粉の中には、小麦の成分を加えていないものもあり、家族の中にアレルギーのある人がいても、同じパンを囲むことができます。',
        'ja',
      ),
    ).toMatch(/^パン用の米粉の中には、/u);
    const said = narrationBullet(
      [
        { text: '研究員は「どれか一つではなく、３０年以上の積み重ねが実を結んだ」と分析する。', score: 0 },
        {
          text: '一方で、海水温の上昇が続けば産卵場所が北へ移る恐れもあり、「一年の結果で安心せず、観測を続ける必要がある」とくぎを刺した。',
          score: 0,
        },
      ],
      'ja',
    );
    expect(said).toMatch(/^研究員は、海水温の上昇が続けば/u);
    expect(said).toMatch(/とくぎを刺した$/u);
    // A sentence that names its own speaker is shown as it is.
    const own = narrationBullet(
      [
        { text: '研究員は「どれか一つではなく、３０年以上の積み重ねが実を結んだ」と分析する。', score: 0 },
        { text: '組合長は「海が戻ってきた」と話した。', score: 0 },
      ],
      'ja',
    );
    expect(own).not.toMatch(/^研究員は、組合長/u);
  });

  it('keeps the claim and its contrast, without the list a colon spells out, rather than a cut ("goes not into the cranes but into the power grid")', () => {
    const bullet = toBullet(
      'Most of the money goes not into the cranes themselves but into the power grid that has to feed them: a new substation, twelve kilometres of cable and a battery store large enough to absorb the surge when a crane lowers a full container.',
      'en',
    );
    expect(bullet).toBe(
      'Most of the money goes not into the cranes themselves but into the power grid that has to feed them',
    );
    whole(bullet);
  });

  it('counts a number in a compound ("a busy four-lane road") as a number the bullet keeps', () => {
    const bullet = toBullet(
      'The school district is now asking the city to extend the network to the high school, which sits on a busy four-lane road on the edge of town.',
      'en',
    );
    expect(bullet).toContain('four-lane road');
    whole(bullet);
  });

  it('keeps the reason when a long sentence is cut ("…because the point had no harbour")', () => {
    const bullet = toBullet(
      'The engineer Lars Brinck chose brick over iron because the point had no harbour and every iron plate would have had to be landed on the beach by boat.',
      'en',
    );
    expect(bullet).toContain('because the point had no harbour');
    // Not cut inside the reason: its end is what the reason is.
    expect(bullet).toContain('landed on the beach by boat');
    whole(bullet);
  });

  it('keeps a result, a consequence of a whole clause and the last item of a list', () => {
    const cases: Array<[string, RegExp]> = [
      [
        'A clear flame means the kiln is getting plenty of air; a smoky one means we are starving it, which changes the colour of the clay.',
        /starving it, which changes the colour of the clay$/u,
      ],
      [
        'Biologists at the regional university have measured rising chloride levels in the creek that runs alongside River Street, and they warn that the extra salt spread on the lanes could harm the fish that spawn there in spring.',
        /^Biologists at the regional university warn that .*harm the fish that spawn there in spring$/u,
      ],
      [
        'Most of the money goes not into the cranes themselves but into the power grid that has to feed them: a new substation, twelve kilometres of cable and a battery store that can cover short peaks in demand.',
        /^(?!.*twelve kilometres of cable…).*power grid/u,
      ],
    ];
    for (const [sentence, point] of cases) {
      const bullet = toBullet(sentence, 'en');
      expect(bullet).toMatch(point);
      expect(findBulletDefects(bullet, 'en', { source: sentence.replace(/\.$/u, '') })).toEqual([]);
    }
    // Of two actions, the one the purpose belongs to, rather than a cut before the purpose.
    expect(
      toBullet(
        'Once the door is bricked up, we light a small fire in front of the firebox and let the kiln warm slowly for the first day, so that any water left in the clay can escape without cracking the pots.',
        'en',
      ),
    ).toBe(
      'We let the kiln warm slowly for the first day, so that any water left in the clay can escape without cracking the pots',
    );
    // The aside that explains an object goes before the rest of the sentence does.
    expect(
      toBullet(
        'We watch cones, small pyramids of clay that bend at known temperatures, through spy holes in the door, and we read the colour of the flame coming out of the chimney.',
        'en',
      ),
    ).toBe(
      'We watch cones through spy holes in the door, and we read the colour of the flame coming out of the chimney',
    );
    // A relative clause about a noun ("the high school, which sits…") is an aside the bullet drops
    // (no "…": what is left is a whole statement), unless it holds a number (see "four-lane").
    expect(
      toBullet(
        'The school district is now asking the city to extend the network to the high school, which sits on a busy road at the far edge of the old industrial part of town.',
        'en',
      ),
    ).toBe('The school district is now asking the city to extend the network to the high school');
  });

  it('does not show half of a Japanese pair (「AとBを並べて」) as a clause', () => {
    expect(
      toBullet(
        '橋の上のイヌと、水にうつったイヌを並べて見せると、同じ姿であることに子どもたち自身が気づきます。',
        'ja',
      ),
    ).toMatch(/^橋の上のイヌと、水にうつったイヌ/u);
  });

  it('tells a cut that drops the point from one that drops an aside', () => {
    const source = 'We light a fire and let the kiln warm slowly, so that water can escape';
    expect(dropsPoint('We light a fire and let the kiln warm slowly…', source, 'en')).toBe(true);
    expect(
      dropsPoint('We light a fire and let the kiln warm slowly, so that water can escape', source, 'en'),
    ).toBe(false);
    expect(
      dropsPoint('It needs a substation, cable…', 'It needs a substation, cable and a battery', 'en'),
    ).toBe(true);
    expect(
      dropsPoint('Its motors work as generators…', 'Its motors work as generators and push power back', 'en'),
    ).toBe(false);
  });

  it('keeps where the money comes from rather than cutting after "the money"', () => {
    const bullet = toBullet(
      'The port authority will borrow about half of the money from the regional investment bank and take the rest from its own reserves.',
      'en',
    );
    expect(bullet).toContain('from the regional investment bank');
  });

  it("keeps a quotation's punch line and its quotation marks", () => {
    const bullet = toBullet(
      'In the words of one council member who voted against the original plan: "I said nobody would ride in January. I was wrong, and I am happy to say so."',
      'en',
    );
    expect(bullet).toContain('I was wrong, and I am happy to say so');
    expect(bullet).toMatch(/^“.*”$/u);
    whole(bullet);
  });

  it("shows a quoted sentence as a quotation, not as the narrator's claim", () => {
    expect(toBullet('"Once they were cleared first, people trusted them."', 'en')).toBe(
      '“Once they were cleared first, people trusted them”',
    );
    expect(toBullet('「どれか一つではなく、積み重ねが実を結んだ」', 'ja')).toBe(
      '「どれか一つではなく、積み重ねが実を結んだ」',
    );
  });

  it('drops a leading conjunction (けれども、) and keeps the point after a colon', () => {
    expect(toBullet('けれども、自分がすでに持っているものの値打ちを忘れないようにしましょう。', 'ja')).toBe(
      '自分がすでに持っているものの値打ちを忘れないようにしましょう',
    );
    expect(
      toBullet(
        'The results surprised us: more than half of the time was spent installing dependencies and compiling code that had not changed.',
        'en',
      ),
    ).toBe(
      'More than half of the time was spent installing dependencies and compiling code that had not changed',
    );
  });

  it('cuts an instruction after its verb and object ("Start by flattening the back…")', () => {
    const bullet = toBullet(
      'Start by flattening the back on the coarse stone, then the fine stone, until the first few millimetres shine evenly.',
      'en',
    );
    expect(bullet).toMatch(/^Start by flattening the back on the coarse stone/u);
    whole(bullet);
  });
});

describe('narrationBullet', () => {
  const scored = (...texts: string[]) => texts.map((text) => ({ text, score: 1 }));

  it('shows the reply that turns the claim down with the claim', () => {
    expect(
      narrationBullet(
        scored(
          'This winter, the snowiest the city has recorded since 1996, was supposed to prove them right.',
          'It did not.',
        ),
        'en',
      ),
    ).toBe(
      'This winter, the snowiest the city has recorded since 1996, was supposed to prove them right. It did not',
    );
  });

  it('shows the caveat or the reveal that turns the claim before it', () => {
    expect(
      narrationBullet(
        scored(
          '研究員は「どれか一つではなく、３０年以上の積み重ねが実を結んだ」と分析する。',
          '一方で、海水温の上昇が続けば産卵場所が北へ移る恐れもあり、「一年の結果で安心せず、観測を続ける必要がある」とくぎを刺した。',
        ),
        'ja',
      ),
    ).toMatch(/^研究員は、海水温の上昇が続けば産卵場所が北へ移る恐れ/u);
    expect(
      narrationBullet(
        scored(
          '気がつくと、川の中のイヌも、肉をなくしてしょんぼりとこちらを見ています。',
          'そう、川の中にいたのは、水にうつった自分の姿だったのです。',
        ),
        'ja',
      ),
    ).toBe('川の中にいたのは、水にうつった自分の姿だったのです');
    // A sentence that only goes on with the claim does not take its place.
    expect(
      narrationBullet(
        scored(
          'The city bought a narrow tractor fitted with a brush and a salt spreader, at a cost of $148,000.',
          'The crew starts its route at four in the morning.',
        ),
        'en',
      ),
    ).toMatch(/^The city bought a narrow tractor/u);
  });

  it('labels the point with the topic its Japanese lead-in named', () => {
    expect(
      narrationBullet(
        scored(
          'もう一つのコツは、ぬるま湯の温度です。',
          '熱すぎるとイーストが弱ってしまい、冷たすぎると発酵に時間がかかります。',
        ),
        'ja',
      ),
    ).toBe('ぬるま湯の温度：熱すぎるとイーストが弱ってしまい、冷たすぎると発酵に時間がかかります');
  });

  it('shows the substance, not the lead-in before it', () => {
    expect(
      narrationBullet(
        scored(
          'Not everyone is convinced.',
          'Pieter Gaal, who represents the terminal operators, warned that the grid connection is the weak point.',
        ),
        'en',
      ),
    ).toBe('Pieter Gaal warned that the grid connection is the weak point');
    expect(
      narrationBullet(
        scored(
          'Money is the other question hanging over the next council budget.',
          'The lanes were built with a state grant that has now been spent, and extending them would cost an estimated $4.2 million.',
        ),
        'en',
      ),
    ).toBe('Extending the lanes would cost an estimated $4.2 million');
  });

  it('gives a narration that only leads in no bullet', () => {
    expect(narrationBullet(scored('Other ports are watching closely.'), 'en')).toBeUndefined();
    expect(narrationBullet(scored('Noise is not the main argument, though.'), 'en')).toBeUndefined();
  });

  it('prefers the step to the aside that points back at it ("You only do this once…")', () => {
    expect(
      narrationBullet(
        scored(
          'Start by flattening the back on the coarse stone, then the fine stone, until the first few millimetres shine evenly.',
          'You only do this once per tool; after that, a few strokes on the fine stone keep it flat.',
        ),
        'en',
      ),
    ).toMatch(/^Start by flattening/u);
  });

  it('shows a whole sentence in brackets without the brackets', () => {
    expect(toBullet('(The broader Washington-based halibut fleet numbers about 100 vessels.)', 'en')).toBe(
      'The broader Washington-based halibut fleet numbers about 100 vessels',
    );
  });
});

describe('bullets that keep the point, not the set-up', () => {
  const fine = (bullet: string, source: string, language: 'en' | 'ja') => {
    expect(bullet.length).toBeGreaterThan(0);
    expect(bullet.length).toBeLessThanOrEqual(LONGEST[language]);
    expect(findBulletDefects(bullet, language, { source }), bullet).toEqual([]);
  };

  it('drops a leading "After …," clause and keeps what was done', () => {
    const sentence =
      'After several ships were lost on the Karsholm bank in a stormy winter, the coastal commission asked the state for a light at the point.';
    const bullet = toBullet(sentence, 'en');
    expect(bullet).toBe('The coastal commission asked the state for a light at the point');
    fine(bullet, sentence, 'en');
    // A set-up that holds a number stays: the whole sentence fits the longest bullet.
    const dated =
      'After three ships were lost on the Karsholm bank in the winter of 1866, the coastal commission asked the state for a light at the point.';
    expect(toBullet(dated, 'en')).toBe(dated.slice(0, -1));
  });

  it('never drops a number, a negation, a caveat or a time limit of its sentence', () => {
    const cases: Array<[string, string]> = [
      [
        'A survey by the downtown business association found that 58 percent of its members now consider the lanes good for trade, up from 31 percent in 2022.',
        'up from 31 percent in 2022',
      ],
      [
        'A dull one crushes the fibres, skids off the surface and tempts you to push harder, which is how most workshop injuries happen.',
        'which is how most workshop injuries happen',
      ],
      [
        'The city is testing a mix of salt and beet juice, and it has switched to brushing alone on days when the temperature stays above minus five.',
        'above minus five',
      ],
      [
        'Until a road was built in 1931, supplies came by cart along the beach at low tide, and the keepers’ children walked six kilometres to school.',
        'Until a road was built in 1931',
      ],
    ];
    for (const [sentence, kept] of cases) {
      const bullet = toBullet(sentence, 'en');
      expect(bullet, sentence).toContain(kept);
      expect(bullet.endsWith('…'), bullet).toBe(false);
      fine(bullet, sentence, 'en');
    }
    // Who said it goes between two clauses; the caveat after it stays.
    expect(
      toBullet(
        'Shipping lines will not see higher fees until at least 2028, the board said, although a surcharge on the largest vessels has not been ruled out.',
        'en',
      ),
    ).toBe(
      'Shipping lines will not see higher fees until at least 2028, although a surcharge on the largest vessels has not been ruled out',
    );
  });

  it('keeps the outcome and its numbers rather than cutting before them', () => {
    const cases: Array<[string, RegExp]> = [
      [
        'The paraffin lamp was replaced by an electric one in 1952, which extended the range of the light from 18 to 22 nautical miles.',
        /from 18 to 22 nautical miles$/u,
      ],
      [
        'The lanes were built with a state grant that has now been spent, and extending them to the high school and the hospital would cost an estimated $4.2 million.',
        /^Extending the lanes .*\$4\.2 million$/u,
      ],
      [
        'A survey by the downtown business association found that 58 percent of its members now consider the lanes good for trade, up from 31 percent in 2022.',
        /58 percent of its members now consider the lanes good for trade/u,
      ],
      [
        'Where each pot sits matters more than almost anything else: pots near the firebox get heavy ash and strong colour, while pots at the back come out paler, with softer flashes of orange.',
        /[Pp]ots near the firebox get heavy ash/u,
      ],
      [
        'Parents\' groups organised "bike buses", in which adults ride along a fixed route and children join at stops along the way, and they kept running on all but nine school days this winter.',
        /^Parents' groups organised "bike buses", and they kept running on all but nine school days/u,
      ],
      [
        'The three electric cranes that went into service in January make a low hum instead of the steady roar of their diesel neighbours.',
        /low hum instead of the steady roar/u,
      ],
    ];
    for (const [sentence, point] of cases) {
      const bullet = toBullet(sentence, 'en');
      expect(bullet).toMatch(point);
      fine(bullet, sentence, 'en');
    }
  });

  it('drops an aside rather than cutting inside it, and never cuts between a subject and its verb', () => {
    expect(
      toBullet(
        'Deliveries by cargo bike, which a handful of downtown businesses started during the pandemic, have carried on through the winter.',
        'en',
      ),
    ).toBe('Deliveries by cargo bike have carried on through the winter');
    const logbooks = toBullet(
      'The logbooks, kept without a break from 1871 to 1989, are now one of the longest continuous weather records on the coast and have been used in studies of storm surges.',
      'en',
    );
    expect(logbooks).not.toBe('The logbooks, kept without a break from 1871 to 1989…');
    expect(logbooks).toContain('are now one of the longest');
  });

  it('keeps an aside that belongs to a later clause rather than gluing two clauses together', () => {
    const bullet = toBullet(
      "The G40 figures are cabinet ministers Jonathan Moyo and Saviour Kasukuwere, who fled to the compound after their homes were attacked by troops in Tuesday night's coup, the source, who said he had spoken to people inside the compound, told Reuters.",
      'en',
    );
    expect(bullet).not.toContain('Kasukuwere the source');
    expect(bullet).toMatch(/^The G40 figures are cabinet ministers Jonathan Moyo and Saviour Kasukuwere/u);
  });

  it('never glues a leading phrase to what follows a clause, nor shows a list for a point', () => {
    expect(
      toBullet(
        'After a few minutes, I was whisked into another brightly lit, temperature-controlled room with a headset that had my prescription inserted.',
        'en',
      ),
    ).not.toMatch(/^After a few minutes temperature/u);
    const halibut = toBullet(
      'While he doesn’t buy halibut much — he’s got a freezer full of it — Bassi, 43 years a fisherman, keeps an eye on how it’s handled and presented in the grocery stores and fish markets.',
      'en',
    );
    expect(halibut).not.toContain('much Bassi');
    expect(halibut).toMatch(/Bassi.* keeps an eye on how it’s handled/u);
    expect(
      toBullet(
        "We only had a few enhanced titles to test out during our review: Gears of War 4, Killer Instinct and Super Lucky's Tale.",
        'en',
      ),
    ).toMatch(/^We only had a few enhanced titles/u);
  });

  it('does not take the last item of a list for a clause of its own', () => {
    const bullet = toBullet(
      'This chapter explains what "sharp" actually means, which stones you need, and a routine that takes about five minutes per blade once you are used to it.',
      'en',
    );
    expect(bullet).toMatch(/^This chapter explains what "sharp" actually means/u);
    expect(bullet).not.toMatch(/^A routine/u);
  });

  it('keeps a Japanese enumerator, topic and condition, and ends on a finished form', () => {
    const cases: Array<[string, RegExp]> = [
      // The enumerator stays, so the three factors stay three on screen.
      [
        '二つ目は、産卵場所となる海藻の森を取り戻す取り組みで、漁業者が海底に岩を沈め、海藻が根づく場所を増やしてきた。',
        /^二つ目は、産卵場所となる海藻の森を取り戻す取り組み/u,
      ],
      // The condition is the point of the moral.
      [
        '欲張ってもっと多くを手に入れようとすると、今持っている大切なものまでなくしてしまうことがあります。',
        /^欲張ってもっと多くを手に入れようとすると、/u,
      ],
      // The topic stays with its main clause; the middle clause goes.
      [
        '「欲張りなイヌ」は、日本でも江戸時代の初めに「伊曽保物語」として紹介され、昔から子どもたちに親しまれてきました。',
        /^「欲張りなイヌ」は、/u,
      ],
      // The number stays: the continuative 「水揚げされ、」 ends as 「水揚げされた」.
      [
        '北浜を含む一帯では、明治時代の最盛期には年間数十万トンが水揚げされ、浜には「鰊御殿」と呼ばれる網元の大きな屋敷が建ち並んだ。',
        /年間数十万トンが水揚げされた$/u,
      ],
      // The narration after a quotation that opens the sentence, with its subject.
      [
        '「おや、あいつの肉のほうが、おれの肉よりも大きく見えるぞ」欲張りなイヌは、川の中のイヌの肉がほしくてたまらなくなりました。',
        /^欲張りなイヌは、川の中のイヌの肉がほしくてたまらなくなりました$/u,
      ],
    ];
    for (const [sentence, point] of cases) {
      const bullet = toBullet(sentence, 'ja');
      expect(bullet).toMatch(point);
      fine(bullet, sentence, 'ja');
    }
  });

  it('drops the full stop inside a closing quotation mark, as at the end of any bullet', () => {
    const sentence =
      'If nothing else, the Sydney experience should prove once and for all that there is no such thing as “the sharing economy.”';
    const bullet = toBullet(sentence, 'en');
    expect(bullet).toMatch(/“the sharing economy”$/u);
    expect(
      findBulletDefects(bullet, 'en', { source: `${sentence} A ride-sharing service would not.` }),
    ).toEqual([]);
  });

  it('does not give a Japanese topic the main clause of a turn that is about something else', () => {
    const bullet = toBullet(
      '小麦粉のパンは、生地をよくこねて弾力を出す必要がありますが、米粉のパンは混ぜるだけで作れるので、初めての人でも失敗しにくいのです。',
      'ja',
    );
    expect(bullet).not.toBe('小麦粉のパンは、初めての人でも失敗しにくいのです');
    expect(bullet).toContain('米粉のパンは');
  });
});

describe('bullets that say the sentence in fewer words', () => {
  const complete = (bullet: string, source: string) => {
    expect(bullet.endsWith('…'), bullet).toBe(false);
    expect(findBulletDefects(bullet, 'en', { source }), bullet).toEqual([]);
  };

  it('drops who says it when the claim has a subject of its own, not when it is a pronoun', () => {
    const counted = 'Harbour officials say the eastern terminal handled 1.2 million containers in 2025.';
    expect(toBullet(counted, 'en')).toBe('The eastern terminal handled 1.2 million containers in 2025');
    // A forecast, an estimate or a judgement is only its source's: the source stays on screen.
    const forecast = "Its managers say the change will cut the port's own carbon emissions by 40 percent.";
    expect(toBullet(forecast, 'en')).toBe(
      "Its managers say the change will cut the port's own carbon emissions by 40 percent",
    );
    expect(
      toBullet('Engineers said the new substation is likely to cost about 40 million euros.', 'en'),
    ).toMatch(/^Engineers said/u);
    // "they" only means something with the frame.
    expect(
      toBullet(
        'Dock workers say they can talk to each other without shouting, and residents of the houses across the river have noticed too.',
        'en',
      ),
    ).toMatch(/^Dock workers say they/u);
    // What someone says is only their claim unless it is a plan or a figure.
    expect(
      toBullet(
        'Prosecutors in San Francisco and Los Angeles say Uber has been lying to its customers.',
        'en',
      ),
    ).toMatch(/^Prosecutors/u);
    // A share of people says it, not everyone.
    expect(
      toBullet('Over half of respondents said introducing AI into the lifecycle will be risky.', 'en'),
    ).toMatch(/^Over half of respondents said/u);
    // "warn" is a caveat: its frame stays.
    expect(
      toBullet('Biologists at the regional university warn that the extra salt could harm the fish.', 'en'),
    ).toMatch(/^Biologists at the regional university warn/u);
  });

  it('drops a closing aside on a noun, but not one with a count, a consequence or a comparison', () => {
    expect(
      toBullet(
        'The light itself remains in service and is maintained by the national maritime authority, which inspects the station and its grounds.',
        'en',
      ),
    ).toBe('The light itself remains in service and is maintained by the national maritime authority');
    const counted =
      'The light itself remains in service and is maintained by the national maritime authority, which visits the station twice a year.';
    expect(toBullet(counted, 'en')).toContain('twice a year');
    const consequence =
      'The national grid operator has so far promised the connection for the autumn of 2027, which leaves little room for delay.';
    expect(toBullet(consequence, 'en')).toContain('which leaves little room for delay');
  });

  it('shows a whole sentence within the longest bullet rather than a cut with "…"', () => {
    const source =
      'The electric machines also recover energy: when a crane lowers a 30-tonne box, its motors work as generators and push power back into the battery store.';
    const bullet = toBullet(source, 'en');
    complete(bullet, source);
    expect(bullet).toContain('push power back into the battery store');
  });

  it('drops an aside or a restating noun phrase whole rather than cutting the sentence short', () => {
    const logbooks =
      'The logbooks, kept without a break from 1871 to 1989, are now one of the longest continuous weather records on the coast and have been used in studies of storm surges.';
    expect(toBullet(logbooks, 'en')).toBe(
      'The logbooks are now one of the longest continuous weather records on the coast and have been used in studies of storm surges',
    );
    const slush =
      'Residents predicted that the lanes would fill with ploughed slush every December and sit empty until April, a strip of wasted asphalt that nobody could use for a third of the year.';
    const bullet = toBullet(slush, 'en');
    complete(bullet, slush);
    expect(bullet).toContain('until April');
  });

  it('keeps a closing noun phrase that may say why when the sentence fits', () => {
    expect(
      toBullet(
        'Mr Obama has faced criticism in the country after the US legalised gay marriage, a move many there oppose.',
        'en',
      ),
    ).toContain('a move many there oppose');
  });
});

describe('bullets without the frame of who says or learns it', () => {
  it('drops "X learns that" and "others point out that" when the claim has its own subject', () => {
    expect(
      toBullet(
        'Every woodworker eventually learns that sharpening is not a chore that interrupts the work.',
        'en',
      ),
    ).toBe('Sharpening is not a chore that interrupts the work');
  });

  it('drops a participle aside between the subject and its verb', () => {
    expect(
      toBullet(
        'Shop owners who opposed the lanes when they were built, fearing that losing parking spaces would cost them customers, have mostly gone quiet.',
        'en',
      ),
    ).toBe('Shop owners who opposed the lanes when they were built have mostly gone quiet');
  });

  it('keeps a concession and the place of "there was"', () => {
    expect(
      toBullet("Despite all the power inside, the One X is Microsoft's smallest console to date.", 'en'),
    ).toMatch(/^Despite/u);
    expect(toBullet('In the center of the screen, there was a fixed point and a clock.', 'en')).toMatch(
      /^In the center/u,
    );
  });

  it('does not show a participle phrase as a bullet ("Adding a few split logs…")', () => {
    expect(
      toBullet(
        'On the second day we start stoking properly, adding a few split logs every five to ten minutes.',
        'en',
      ),
    ).not.toMatch(/^Adding/u);
  });

  it('drops a Japanese hearsay frame (「…と、漁業者の間で話題になっていた」) but keeps a quotation’s speaker', () => {
    expect(
      toBullet(
        '湾ではここ数年、鰊を追ってくるカモメやアザラシの姿も増えていると、漁業者の間で話題になっていた。',
        'ja',
      ),
    ).toBe('湾ではここ数年、鰊を追ってくるカモメやアザラシの姿も増えている');
    expect(
      toBullet('研究員は「どれか一つではなく、３０年以上の積み重ねが実を結んだ」と分析する。', 'ja'),
    ).toContain('研究員は');
  });
});
