import { describe, expect, it } from 'vitest';
import {
  definitionTitle,
  englishSubject,
  eventTitle,
  overviewTitle,
  quoteSlideTitle,
  SLIDE_TITLE_MAX,
  scopeTitle,
  slideTitle,
} from './slide-title.ts';

describe('englishSubject', () => {
  it('takes the noun phrase a sentence opens with, its qualifying phrase included', () => {
    expect(
      englishSubject(
        'Deliveries by cargo bike, which a handful of downtown businesses started during the pandemic, have carried on.',
      )?.surface,
    ).toBe('deliveries by cargo bike');
    expect(
      englishSubject('Counters on the two busiest routes recorded an average of 610 cyclists a day.')
        ?.surface,
    ).toBe('counters on the two busiest routes');
    expect(
      englishSubject('The winter maintenance of the bike lanes costs about $90,000 a year.')?.surface,
    ).toBe('winter maintenance of the bike lanes');
  });

  it('skips a leading adverbial and shortens a long subject to fit a title', () => {
    const subject = englishSubject(
      'A survey by the downtown business association found that 58 percent of its members agree.',
    );
    expect(subject?.surface).toBe('survey by downtown business association');
    expect(subject!.surface.length).toBeLessThanOrEqual(SLIDE_TITLE_MAX.en);
    expect(englishSubject('This winter, the new tractor cleared the lanes first.')?.surface).toBe(
      'new tractor',
    );
  });

  it('gives nothing for a bare word, a pronoun, a verb taken for a noun or a cut name', () => {
    expect(englishSubject('Money is the other question hanging over the budget.')).toBeUndefined();
    expect(englishSubject('It did not.')).toBeUndefined();
    expect(englishSubject('The routine works for chisels and plane irons alike.')).toBeUndefined();
    expect(englishSubject('Tunisian Prime Minister Habib Essid said the attack failed.')).toBeUndefined();
    // Qualified by a pronoun, the phrase names nothing on its own ("App version").
    expect(englishSubject('The app version of me kept everything and reviewed nothing.')).toBeUndefined();
    expect(englishSubject('Some council members argue that the city cannot pay.')?.surface).toBe(
      'council members',
    );
  });
});

describe('slideTitle', () => {
  it('titles a Japanese slide by the phrase its key sentence is about, not a word the whole article says', () => {
    const elsewhere = [
      '北浜湾で「群来」と呼ばれる現象が確認された。',
      '群来は、鰊の雌が海藻に卵を産みつける現象だ。',
      '組合長は「これほどの群来は初めてだ」と話した。',
    ];
    const reasons = [
      '回復の理由について、道立水産試験場の研究員は三つの要因を挙げる。',
      '一つ目は、１９９０年代から続けてきた稚魚の放流だ。',
      '毎年およそ２００万匹を放流し、群来が見られるようになった。',
    ];
    expect(slideTitle(reasons, 'ja', { elsewhere })).toBe('回復の理由');
    const tourism = ['町では、群来を観光にも生かしたい考えだ。', '町役場は観察用の展望スペースを設ける。'];
    expect(slideTitle(tourism, 'ja', { elsewhere })).not.toBe('群来');
    // What the slide says something is to be used for names it.
    expect(
      slideTitle(tourism, 'ja', { elsewhere, keyOnly: true, phrasesOnly: true, shown: [tourism[0]!] }),
    ).toBe('観光への活用');
    expect(slideTitle(['白く濁った海域は沿岸の約８キロにわたる。'], 'ja', { elsewhere })).toBe(
      '白く濁った海域',
    );
    // 「知らせを聞いた住民」: a verb that keeps its object outside is no modifier of the noun.
    expect(slideTitle(['この日、防波堤には、知らせを聞いた住民が集まった。'], 'ja', { elsewhere })).not.toBe(
      '聞いた住民',
    );
  });

  it('prefers a slide sentence subject with its modifier to a bare noun, and avoids titles already used', () => {
    const slide = [
      'Deliveries by cargo bike, which a handful of downtown businesses started, have carried on through the winter.',
      'The bakery sends almost all of its morning orders by bike.',
    ];
    const elsewhere = ['The bike lanes stayed open all winter.', 'People kept riding their bikes to work.'];
    expect(slideTitle(slide, 'en', { elsewhere })).toBe('Deliveries by cargo bike');
    expect(slideTitle(slide, 'en', { elsewhere, avoid: ['delivery by cargo bike'] })).not.toBe(
      'Deliveries by cargo bike',
    );
  });

  it('with strong, only gives a phrase, so a slide keeps a title it says rather than a bare word', () => {
    const slide = ['The salt is cheap.', 'The salt runs into the creek.'];
    expect(slideTitle(slide, 'en', { elsewhere: [], strong: true })).toBeUndefined();
  });
});

describe('quoteSlideTitle', () => {
  it('says whose words the panel shows', () => {
    expect(quoteSlideTitle('Dana Whitfield', 'en')).toBe('In Whitfield’s words');
    expect(quoteSlideTitle('漁協の佐々木隆組合長', 'ja')).toBe('佐々木隆組合長の言葉');
    expect(quoteSlideTitle('７０代の女性', 'ja')).toBe('７０代の女性の言葉');
  });
});

describe('slideTitle asides', () => {
  it('never takes who a statement is attributed to', () => {
    const title = slideTitle(
      [
        'The difference, according to the public works department, came down to a single small machine.',
        'Two years ago the city bought a narrow tractor fitted with a brush and a salt spreader.',
        'The narrow tractor clears the lanes before the large ploughs come through.',
      ],
      'en',
      { elsewhere: ['The public works department runs the ploughs.'] },
    );
    expect(title).toBe('Narrow tractor');
  });

  it('never takes a phrase from someone’s words in 「…」 or from an open question', () => {
    const sentences = [
      '研究員は「どれか一つではなく、３０年以上の積み重ねが実を結んだ」と分析する。',
      '一方で、海水温の上昇が続けば産卵場所が北へ移る恐れもあり、「一年の結果で安心せず、観測を続ける必要がある」とくぎを刺した。',
    ];
    const title = slideTitle(sentences, 'ja', { elsewhere: [] });
    expect(title).not.toBe('一年の結果');
    expect(
      slideTitle(['今回の回復がそのまま漁獲の増加につながるかどうかは、まだわからない。'], 'ja', {
        elsewhere: [],
      }),
    ).not.toBe('漁獲の増加');
  });

  it('narrows a bare word to a phrase that says it', () => {
    expect(
      slideTitle(['Money is the other question hanging over the next council budget.'], 'en', {
        elsewhere: ['The council will vote in March.'],
        including: 'Council',
      }),
    ).toBe('Council budget');
  });
});

describe('scopeTitle', () => {
  it('titles a slide that says what the text covers by its scope', () => {
    expect(
      scopeTitle(
        ['A dull one crushes the fibres.', 'This chapter explains what "sharp" actually means.'],
        'en',
      ),
    ).toBe('What this chapter covers');
    expect(scopeTitle(['この記事では、米粉パンの作り方を紹介します。'], 'ja')).toBe('この記事の内容');
    expect(scopeTitle(['A sharp chisel slices end grain cleanly.'], 'en')).toBeUndefined();
  });
});

describe('definitionTitle', () => {
  it('titles a slide that opens by saying what a term is by that term', () => {
    expect(
      definitionTitle(
        '群来は、鰊の雌が海藻に卵を産みつけ、雄が放つ精子で海の色が乳白色に変わる現象だ。',
        'ja',
      ),
    ).toBe('群来とは');
    expect(
      definitionTitle('A micro-bevel is a small second bevel, a technique that keeps honing short.', 'en'),
    ).toBe('Micro-bevel');
  });

  it('titles a slide that opens by saying what kind of thing its topic is by that topic', () => {
    expect(
      definitionTitle(
        '鰊は北太平洋に広く生息する魚で、春先に沿岸の浅い海に集まって産卵します。北浜では鰊漁が栄えました。',
        'ja',
      ),
    ).toBe('鰊とは');
    // A plan, or what a person intends, says no kind of thing.
    expect(definitionTitle('町は来年、新しい展望台を設ける計画だ。', 'ja')).toBeUndefined();
    expect(definitionTitle('研究員は観測を続ける考えで、来年も調べる。', 'ja')).toBeUndefined();
  });

  it('leaves other sentences, and pronouns, to the other titles', () => {
    expect(
      definitionTitle('町役場は今月下旬、湾を見渡す高台に観察用の展望スペースを設ける。', 'ja'),
    ).toBeUndefined();
    expect(definitionTitle('これは、よくある現象だ。', 'ja')).toBeUndefined();
    expect(
      definitionTitle('The plan will cost an estimated €310 million over six years.', 'en'),
    ).toBeUndefined();
  });
});

describe('eventTitle', () => {
  it('names a slide that opens with someone deciding or predicting by that act', () => {
    expect(eventTitle('The council will vote on the extension in March.', 'en')).toBe('The council’s vote');
    expect(eventTitle('Residents predicted that the lanes would fill with slush.', 'en')).toBe(
      'Residents’ prediction',
    );
    expect(eventTitle('This winter, the board approved the plan.', 'en')).toBe('The board’s approval');
  });

  it('gives nothing for other verbs, a pronoun subject or Japanese', () => {
    expect(eventTitle('The plan will cost an estimated €310 million.', 'en')).toBeUndefined();
    expect(eventTitle('It was supposed to prove them right.', 'en')).toBeUndefined();
    expect(eventTitle('They voted against it.', 'en')).toBeUndefined();
    expect(eventTitle('町議会は来月、採決する予定だ。', 'ja')).toBeUndefined();
  });
});

describe('overviewTitle', () => {
  const headings = ['history', 'construction', 'the keeper', 'automation', 'museum'];
  it('names a slide that previews two of the later sections an overview', () => {
    expect(
      overviewTitle(
        [
          'The light was staffed by keepers for 118 years until it was automated in 1989.',
          'Since 2004 the keepers’ houses have served as a small maritime museum.',
        ],
        headings,
        'en',
      ),
    ).toBe('At a glance');
  });

  it('leaves a slide about one section alone', () => {
    expect(
      overviewTitle(['Three keepers worked in shifts so that someone was always awake.'], headings, 'en'),
    ).toBeUndefined();
    expect(
      overviewTitle(['群来は、海の色が乳白色に変わる現象だ。'], ['群来とは', '回復の理由'], 'ja'),
    ).toBeUndefined();
    expect(
      overviewTitle(['群来が確認され、回復の理由が話題になった。'], ['群来とは', '回復の理由'], 'ja'),
    ).toBe('概要');
  });
});
