import { describe, expect, it } from 'vitest';
import { readsAsStory, TOPIC_TITLE_MAX, topicTitle } from './topic-title.ts';

describe('topicTitle', () => {
  const snow = [
    'The city bought a narrow tractor for snow clearing on the bike lanes.',
    'Snow clearing starts at four in the morning after a heavy fall.',
    'The crew says snow clearing is faster than it was with the big ploughs.',
  ];
  const schools = [
    'The winter has also changed the conversation about schools.',
    'Parents organised bike buses for the middle schools.',
    'The schools now want the network extended to the high school.',
  ];
  const budget = [
    'The budget is the other question: the lanes cost a lot every winter.',
    'The budget for next year has to find the money for the extension.',
    'The council will vote on the budget in March.',
  ];

  it('names a part by the phrase it says most and the other parts do not', () => {
    expect(topicTitle(snow, [schools, budget], 'en')).toBe('Snow clearing');
    expect(topicTitle(schools, [snow, budget], 'en')).toBe('Schools');
    expect(topicTitle(budget, [snow, schools], 'en')).toBe('Budget');
  });

  it('never ends on a function word or a verb and stays short', () => {
    const title = topicTitle(schools, [snow, budget], 'en')!;
    expect(title.length).toBeLessThanOrEqual(TOPIC_TITLE_MAX.en);
    expect(title).not.toMatch(/\b(?:the|of|about|has|changed|want)$/iu);
  });

  it('does not reuse a title an earlier part took', () => {
    expect(topicTitle(schools, [snow, budget], 'en', { avoid: ['schools'] })).not.toBe('Schools');
  });

  it('gives nothing when no phrase stands out, so the caller can fall back to a neutral title', () => {
    const same = ['The lanes were open.', 'The lanes were busy.'];
    expect(topicTitle(same, [same], 'en')).toBeUndefined();
  });

  it('never names a slide by a word the rest of the article says more often (its subject)', () => {
    const slide = ['町では、群来を観光にも生かしたい考えだ。', '町長は期待を込めた。'];
    const rest = [
      '海面が白く濁る「群来」が確認された。',
      '群来は、鰊の産卵で海の色が変わる現象だ。',
      'これほどの群来は初めてだ。',
    ];
    expect(topicTitle(slide, [], 'ja', { once: true })).toBe('群来');
    expect(topicTitle(slide, [], 'ja', { once: true, rest })).not.toBe('群来');
  });

  it('titles a Japanese part with a kanji or katakana compound noun, not a person', () => {
    const release = [
      '回復の理由について、研究員は三つの要因を挙げる。',
      '一つ目は、稚魚の放流だ。',
      '毎年およそ２００万匹を放流し、群れを作るようになった。',
    ];
    const tourism = ['町では、湾を観光にも生かしたい考えだ。', '町役場は展望スペースを設ける。'];
    const catchLimit = ['漁獲の上限を決める。', '漁獲が増えるかはまだわからない。'];
    expect(topicTitle(release, [tourism, catchLimit], 'ja')).toBe('放流');
    expect(topicTitle(tourism, [release, catchLimit], 'ja')).toBe('観光');
    expect(topicTitle(catchLimit, [release, tourism], 'ja')).toBe('漁獲');
  });
});

describe('topicTitle and names', () => {
  it('does not title a part by the person quoted in it, nor cut a name in two', () => {
    const quoted = [
      '"Most children outgrow it," Allen said. Allen has studied peanut allergy for years.',
      'Allen said the peanut snacks were given twice a week.',
      'The snacks were peanut butter or a peanut puff.',
    ];
    const other = ['Parents should talk to a doctor first.', 'The guidelines may change.'];
    expect(topicTitle(quoted, [other], 'en')).not.toMatch(/Allen/u);
    const named = [
      'Cabinet ministers Jonathan Moyo and Saviour Kasukuwere fled.',
      'Jonathan Moyo was seen at the airport.',
    ];
    expect(topicTitle(named, [other], 'en')).not.toMatch(/Jonathan$/u);
  });
});

describe('topicTitle coverage and stories', () => {
  it('with coverage, gives no title said in only one of several paragraphs', () => {
    const part = [
      '群来は、鰊の雌が海藻に卵を産みつける現象だ。',
      '漁協の組合長は「これほどの群来は初めてだ」と話した。',
      '一つ目は、稚魚の放流だ。毎年およそ２００万匹を放流している。',
    ];
    const other = ['町では観光に生かしたい考えだ。'];
    const covering = topicTitle(part, [other], 'ja', { coverage: 0.5 });
    expect(covering).toBeDefined();
    expect(covering).not.toBe('放流');
    expect(part.filter((p) => p.includes(covering!)).length).toBeGreaterThanOrEqual(2);
  });

  it('tells a told story from a report', () => {
    const tale = [
      'ある日のこと、イヌは肉屋の店先から肉をくすねて走り出しました。',
      'イヌは橋を渡り始めました。川の中にも一匹のイヌがいました。',
      'イヌは「ワン！」とほえました。',
    ];
    const news = ['群来が１３日、確認された。', '海域は約８キロにわたる。組合長は「初めてだ」と話した。'];
    expect(readsAsStory(tale, 'ja')).toBe(true);
    expect(readsAsStory(news, 'ja')).toBe(false);
  });
});
