import { describe, expect, it } from 'vitest';
import { findKeyFigure } from './key-figure.ts';
import { chooseLayouts } from './layouts.ts';
import { findQuote } from './quote.ts';

describe('findKeyFigure', () => {
  it('finds percentages, amounts and counts with their qualifier, and says what they are', () => {
    expect(
      findKeyFigure('On a typical pull request this skips about 70 percent of the test jobs.', 'en'),
    ).toEqual({
      value: 'about 70 percent',
      context: 'Share of the test jobs skipped',
    });
    expect(findKeyFigure('The company raised $1.2 billion last year.', 'en')?.value).toBe('$1.2 billion');
    expect(findKeyFigure('平均応答時間が約30%短くなりました。', 'ja')?.value).toBe('約30%');
    expect(findKeyFigure('夜間の来館者は1日平均120人に達した。', 'ja')?.value).toBe('1日平均120人');
  });

  it('ignores sentences without a number worth showing large', () => {
    expect(findKeyFigure('He had two ideas about it.', 'en')).toBeUndefined();
    expect(findKeyFigure('It happened in 2014.', 'en')).toBeUndefined();
    // A year followed by a plural is not a count of things.
    expect(
      findKeyFigure(
        "Since 2004 the keepers' houses have served as a museum, which receives about 40,000 visitors a year.",
        'en',
      )?.value,
    ).toBe('40,000 visitors a year');
    expect(findKeyFigure('キューにはRedisのストリームを使いました。', 'ja')).toBeUndefined();
  });
});

describe('findQuote', () => {
  it('finds quoted speech with a named speaker', () => {
    expect(findQuote('"We want to unify against this danger," said Ajmi Lourimi.', 'en')).toEqual({
      text: 'We want to unify against this danger',
      by: 'Ajmi Lourimi',
    });
    expect(findQuote('“This attack is meant to frighten tourists,” Lotfi Azzouz said.', 'en')?.by).toBe(
      'Lotfi Azzouz',
    );
    expect(findQuote('「静かに勉強できる場所としても使ってほしい」と館長は話す。', 'ja')).toEqual({
      text: '静かに勉強できる場所としても使ってほしい',
      by: '館長',
    });
  });

  it('skips quotes without a name', () => {
    expect(findQuote('"We want to unify against this danger," he said.', 'en')).toBeUndefined();
    expect(findQuote('The so-called "safety net" is weak.', 'en')).toBeUndefined();
  });
});

describe('chooseLayouts', () => {
  const image = { url: 'https://example.com/a.jpg', caption: 'A' };
  const figure = { value: '42%', context: 'of builds' };
  const quote = { text: 'Measure first, always.', by: 'Dr. Chen' };

  it('shows a quote or figure a section offers rather than plain bullets, unless the slide before had the same', () => {
    const quote = { text: 'We stopped treating the bike lanes as an afterthought', by: 'Dana Whitfield' };
    const figure = { value: '610 cyclists', context: 'An average of 610 cyclists a day' };
    expect(chooseLayouts([{ quote }, { figure }, { quote }, { quote }]).map((c) => c.layout)).toEqual([
      'quote',
      'figure',
      'quote',
      'bullets',
    ]);
  });

  it('always shows a section picture, and avoids the same layout twice in a row', () => {
    const layouts = chooseLayouts([{ figure }, { figure }, { image }, { image }, { quote, figure }, {}]).map(
      (l) => l.layout,
    );
    expect(layouts).toEqual(['figure', 'bullets', 'picture', 'picture', 'quote', 'bullets']);
  });

  it('carries only the data of the chosen layout', () => {
    expect(chooseLayouts([{ quote, figure }])).toEqual([{ layout: 'quote', quote }]);
  });
});

describe('findKeyFigure keeps what the number means', () => {
  it('keeps the sign and the unit of a temperature, but prefers the count the sentence is about', () => {
    expect(
      findKeyFigure('On the coldest morning, at minus 24 degrees, the counter still logged 212 riders.', 'en')
        ?.value,
    ).toBe('212 riders');
    expect(findKeyFigure('The harbour froze at −24°C last night.', 'en')?.value).toBe('−24°C');
    expect(findKeyFigure('今朝は氷点下24度まで冷え込んだ。', 'ja')?.value).toBe('氷点下24度');
    expect(findKeyFigure('The eradication, which cost about £850,000, took two winters.', 'en')?.value).toBe(
      'about £850,000',
    );
  });

  it('takes its context line from the number’s own sentence', () => {
    const sentence =
      'On the coldest morning of the season, at minus 24 degrees, the counter on River Street still logged 212 riders before eight o’clock, most of them commuters heading downtown.';
    const figure = findKeyFigure(sentence, 'en');
    expect(figure?.value).toBe('212 riders');
    // A label of what the number counts, not the sentence again.
    expect(figure!.context).toBe('Riders logged by the counter on River Street before eight o’clock');
  });

  it('shows no number without a unit that matters ("around 1,000 grit")', () => {
    expect(
      findKeyFigure('A coarse stone, around 1,000 grit, for setting the bevel and removing nicks.', 'en'),
    ).toBeUndefined();
  });

  it('never starts the context with "which" nor cuts it inside a phrase', () => {
    const lamp =
      'The paraffin lamp was replaced by an electric one in 1952, which extended the range of the light from 18 to 22 nautical miles.';
    expect(findKeyFigure(lamp, 'en')?.context ?? '').not.toMatch(/^which/iu);
    const pots =
      'About 400 pots go in, stacked on shelves made of silicon carbide and separated by small wads of clay so they do not fuse together.';
    const figure = findKeyFigure(pots, 'en');
    expect(figure?.value).toBe('About 400 pots');
    expect(figure?.context).not.toMatch(/\b(?:not|before|of|the)…$/u);
    expect(figure!.context.length).toBeLessThanOrEqual(120);
  });
});

describe('findKeyFigure shows a number with what it needs to mean what the article says', () => {
  it('keeps a rate with its number ("30 degrees an hour" is not "30 degrees")', () => {
    expect(findKeyFigure('The kiln cools down by about 30 degrees an hour.', 'en')?.value).toBe(
      'about 30 degrees an hour',
    );
    // A measure in a phrase ("by about 30 degrees an hour") ranks below the peak the sentence reaches.
    const peak = findKeyFigure(
      'The temperature climbs by about 30 degrees an hour until it reaches 1,300 °C, where we hold it for most of the third and fourth days.',
      'en',
    );
    expect(peak?.value).toBe('1,300 °C');
    // A label names what the number measures, it does not say the sentence again.
    expect(peak?.context).toBe('Peak temperature');
    expect(
      findKeyFigure('The winter maintenance costs about $90,000 a year, mostly in overtime.', 'en')?.value,
    ).toBe('about $90,000 a year');
  });

  it('shows one part of a split with the other parts in its context line', () => {
    const figure = findKeyFigure(
      'This time around, roughly 70 percent of the pots came out as we had hoped, 20 percent were interesting surprises, and 10 percent cracked or stuck to the shelves.',
      'en',
    );
    expect(figure?.value).toBe('roughly 70 percent');
    expect(figure?.context).toBe('Pots that came out as we had hoped (20% surprises, 10% cracked)');
    expect(figure!.context.length).toBeLessThanOrEqual(72);
  });

  it('shows no step timing nor how long ago something was', () => {
    expect(
      findKeyFigure('Leave the dough to rest for 30 minutes before shaping it into a round loaf.', 'en'),
    ).toBe(undefined);
    expect(
      findKeyFigure(
        'フライパンの厚さによって火の通り方が大きく変わるので、最初の一回は10分たったところで一度裏を確認してください。',
        'ja',
      ),
    ).toBeUndefined();
    expect(
      findKeyFigure('食べるときは、電子レンジで20秒ほど温めてから、フライパンで両面を軽く焼きます。', 'ja'),
    ).toBeUndefined();
    expect(
      findKeyFigure(
        'イソップ童話は、今から二千五百年ほど前の古代ギリシャで語ったと伝えられる寓話を集めたものです。',
        'ja',
      ),
    ).toBeUndefined();
    expect(
      findKeyFigure('The fable was first told about 2,500 years ago by a slave in Greece.', 'en'),
    ).toBeUndefined();
    // A small count is no figure, with a rate before it too.
    expect(findKeyFigure('チャットを見るのは1時間に1回と決めています。', 'ja')?.value).not.toBe('1時間に1回');
    // A number before "before" is still a count.
    expect(
      findKeyFigure('The counter on River Street still logged 212 riders before nine o’clock.', 'en')?.value,
    ).toBe('212 riders');
  });
});

describe('findKeyFigure labels what the number measures', () => {
  it('says whose cost, what share of what, and keeps a comparison, never the whole sentence', () => {
    expect(
      findKeyFigure(
        "The plan, approved by the port authority's board on Thursday, will cost an estimated €310 million over six years.",
        'en',
      ),
    ).toEqual({ value: '€310 million', context: 'Estimated cost of the plan over six years' });
    expect(
      findKeyFigure('The winter maintenance of the bike lanes costs about $90,000 a year.', 'en')?.context,
    ).toBe('Cost of the winter maintenance of the bike lanes');
    expect(
      findKeyFigure(
        "According to the port's engineers, that recovered energy covers roughly 15 percent of a crane's needs.",
        'en',
      )?.context,
    ).toBe("Share of a crane's needs covered by recovered energy");
    expect(
      findKeyFigure(
        'Counters on the two busiest routes recorded an average of 610 cyclists a day in December and January, about 45 percent of the summer figure.',
        'en',
      ),
    ).toEqual({
      value: '610 cyclists a day',
      context: 'Average in December and January, about 45 percent of the summer figure',
    });
    expect(
      findKeyFigure(
        'The round brick tower, 38 metres tall, was completed in 1871 and still carries its lens.',
        'en',
      )?.context,
    ).toBe('Height of the round brick tower');
  });

  it('never cuts a label with "…" and shows no count that only qualifies a noun', () => {
    const pots = findKeyFigure(
      'About 400 pots go in, stacked on shelves made of silicon carbide and separated by small wads of clay so they do not fuse together.',
      'en',
    );
    expect(pots?.context).toBe('Pots that go in, stacked on shelves made of silicon carbide');
    expect(
      findKeyFigure('The next step is a tender for 18 further cranes, to be published in May.', 'en'),
    ).toBeUndefined();
  });

  it('reads as a caption: a noun phrase first, never a preposition, a bare verb or the sentence again', () => {
    const label = (sentence: string) => findKeyFigure(sentence, 'en')?.context;
    expect(
      label('The port wants the first of them working by 2027, and all 34 diesel machines retired by 2030.'),
    ).toBe('Diesel machines retired by 2030');
    expect(
      label(
        "Since 2004 the keepers' houses have served as a small maritime museum, which receives about 40,000 visitors a year.",
      ),
    ).toBe('Visitors to a small maritime museum');
    expect(label('About 80 percent of what I write never makes it to the index, and that is fine.')).toBe(
      'Share of what I write that never makes it to the index',
    );
    expect(label('The harbour froze at −24°C last night.')).toBe(
      'Temperature at which the harbour froze last night',
    );
    expect(
      label('Oil boiler — Efficiency: 85 percent; Energy used: 1,410 litres oil; Annual cost: £1,270.'),
    ).toBe('Efficiency of the oil boiler');
    expect(
      label('The census enumerated 4,242,048 residents, an increase of 5.3% over the 2006 figure.'),
    ).toBe('Increase over the 2006 figure');
    expect(label('The headset packs an insane 23 megapixels into dual MicroOLED panels.')).toBe(
      'Megapixels packed by the headset into dual MicroOLED panels',
    );
    expect(label('The kiln cools down by about 30 degrees an hour.')).toBe(
      'Rate at which the kiln cools down',
    );
    expect(label('Two years ago the city bought a narrow tractor with a brush, at a cost of $148,000.')).toBe(
      'Cost of a narrow tractor with a brush',
    );
    // A long label leaves out its closing span.
    expect(label('Visitors can climb the 172 steps to the lantern gallery from April to October.')).toBe(
      'Steps climbed by visitors to the lantern gallery',
    );
    // A name keeps its capital; a clause opened by a conjunction is left out.
    expect(label('Citi mortgage units were fined $28.8 million by regulators.') ?? '').not.toMatch(
      /\bciti\b/u,
    );
    expect(label('In the end, 12 equations produced fickle weather, but even so the model ran.')).toBe(
      'Equations that produced fickle weather',
    );
    expect(label('Cancer patients 18 times more likely to survive with early diagnosis.')).toBeUndefined();
    expect(label('Les 23 choses que toutes les filles des années 2000 faisaient.')).toBeUndefined();
    // No good label, no figure: the sentence again, or a phrase opened by a preposition.
    expect(label('The biggest knock against the Xbox One X is its $500 price.')).toBeUndefined();
    expect(label('They make the binary bigger, by about 600 kilobytes in our case.')).toBeUndefined();
    expect(
      label('Next, set the blade in the honing guide at 25 degrees and colour the bevel.'),
    ).toBeUndefined();
    expect(
      label('The air-to-water heat pump cost £20 a year less to run than a modern gas boiler.') ?? '',
    ).not.toMatch(/^Cost of/u);
  });

  it('labels a Japanese number with its clause, without who said it, in the sentence’s own digits', () => {
    expect(
      findKeyFigure(
        '地元の漁業協同組合によると、白く濁った海域は沿岸の約８キロにわたり、昭和の終わり以来の規模だという。',
        'ja',
      ),
    ).toEqual({ value: '約８キロ', context: '白く濁った海域は沿岸の約８キロにわたる' });
    // A clause cut at its comma ends on the verb's dictionary form, not its continuative one.
    expect(
      findKeyFigure(
        '仕事を始める前に、部屋の隅に幅100センチの小さな机を置き、そこでは仕事以外のことをしないと決めました。',
        'ja',
      )?.context,
    ).toBe('部屋の隅に幅100センチの小さな机を置く');
    expect(
      findKeyFigure(
        '新しい工場の稼働で、県内の生産量は前の年に比べて約30%増加し、過去十年で最も多くなった。',
        'ja',
      )?.context,
    ).toMatch(/増加する$/u);
  });
});
