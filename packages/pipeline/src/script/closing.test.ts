import { describe, expect, it } from 'vitest';
import { articleOf, h2, p } from '../../fixtures/script/test-articles.ts';
import { closingRecap, closingSections, omittedClause } from './closing.ts';
import { buildOfflineScript } from './offline.ts';

const harbour = articleOf('Port of Westmark bets on electric cranes to cut emissions', 'en', [
  p(
    'The Port of Westmark will replace every diesel crane on its quays with electric machines by 2030, a change that will cut its emissions by 40 percent.',
  ),
  p('The plan, approved by the board on Thursday, will cost an estimated €310 million over six years.'),
  h2('A quiet quay'),
  p(
    'The three electric cranes that went into service in January make a low hum instead of a roar. Dock workers say they can talk to each other without shouting. Residents across the river have noticed too.',
  ),
  h2('What comes next'),
  p(
    'The next step is a tender for 18 further cranes, to be published in May. The port wants all 34 diesel machines retired by 2030. After the cranes, the straddle carriers are next in line.',
  ),
  p(
    'For now, the three new cranes are a test that the whole industry can see. "If this works here, in one of the windiest ports on the coast, it can work anywhere," Ms Halvorsen said.',
  ),
]);

describe('the closing of an offline script', () => {
  const script = buildOfflineScript(harbour, { language: 'en', maxSections: 12, charBudget: 2400 });
  const [recap, last] = script.sections.filter((s) => s.kind === 'closing');

  it('names the facts the article leads with, each bullet a whole short form said as it is shown', () => {
    expect(recap!.title).toBe('Summary');
    const said = recap!.narrations.map((n) => n.text).join(' ');
    expect(said).toContain('by 2030');
    expect(said).toContain('€310 million');
    expect(recap!.narrations[0]!.text).toBe(
      'To recap: The Port of Westmark will replace every diesel crane on its quays with electric machines by 2030.',
    );
    // Each bullet is what its narration says, never a cut with "…".
    for (const n of recap!.narrations) {
      if (n.bullet === undefined) continue;
      expect(n.text.replace(/^To recap: /u, '')).toBe(`${recap!.bullets[n.bullet]}.`);
      expect(recap!.bullets[n.bullet]).not.toMatch(/…$/u);
    }
    // Not a detail of the body.
    expect(said).not.toContain('without shouting');
  });

  it('ends on the article’s closing quotation, on a quote panel of its own, framed once', () => {
    expect(script.sections.at(-1)).toBe(last);
    expect(last!.layout).toBe('quote');
    expect(last!.quote).toEqual({
      text: 'If this works here, in one of the windiest ports on the coast, it can work anywhere',
      by: 'Ms Halvorsen',
    });
    expect(last!.bullets).toEqual([]);
    expect(last!.narrations).toHaveLength(1);
    expect(last!.narrations[0]!.text).toMatch(
      /^The article (?:ends on this note|closes with these words)\. "If this works/u,
    );
    // Said once: at the end, not in the body too.
    const body = script.sections
      .filter((s) => s.kind === 'body')
      .flatMap((s) => s.narrations.map((n) => n.text));
    expect(body.join(' ')).not.toContain('it can work anywhere');
  });

  it('says a quotation that names its speaker itself without a lead-in', () => {
    const piece = articleOf('The winter the bike lanes stayed open', 'en', [
      p('Northfield kept its protected bike lanes open all winter, and 610 cyclists a day still used them.'),
      p('The city bought a narrow tractor for $148,000 that clears the lanes before the big ploughs come.'),
      p(
        'The council will vote on the extension in March. Some members still doubt the cost of $4.2 million. ' +
          'Bike lanes in a cold city can work, as long as someone clears them first. ' +
          'In the words of one council member who voted against the original plan: "I said nobody would ride in January. I was wrong, and I am happy to say so."',
      ),
    ]);
    const bikes = buildOfflineScript(piece, { language: 'en', maxSections: 12, charBudget: 2400 });
    const end = bikes.sections.at(-1)!;
    expect(end.narrations[0]!.text).toMatch(/^In the words of one council member/u);
    expect(end.quote?.by).toBe('one council member who voted against the original plan');
    // The conclusion just before it closes the recap.
    const recapSaid = bikes.sections.at(-2)!.narrations.map((n) => n.text);
    expect(recapSaid.at(-1)).toMatch(
      /Bike lanes in a cold city can work, as long as someone clears them first\.$/u,
    );
  });

  it('repeats a warning only together with the response the article states right after it', () => {
    const lanes = (response: string) =>
      articleOf('The winter the bike lanes stayed open', 'en', [
        p(
          'Northfield kept its protected bike lanes open all winter, and 610 cyclists a day still used them.',
        ),
        h2('The cost'),
        p(
          'The winter maintenance of the bike lanes costs about $90,000 a year, mostly in salt. ' +
            'Biologists at the regional university warn that the extra salt spread on the lanes could harm the fish in the creek. ' +
            response,
        ),
        h2('The vote'),
        p(
          'The council will vote on an extension of the lanes to the high school in March, at a cost of $4.2 million.',
        ),
      ]);
    const recapOf = (response: string) => {
      const script = buildOfflineScript(lanes(response), {
        language: 'en',
        maxSections: 12,
        charBudget: 3200,
      });
      return script.sections
        .filter((s) => s.kind === 'closing')
        .flatMap((s) => s.narrations.map((n) => n.text));
    };
    const answered = recapOf(
      'The city is testing a mix of salt and beet juice, which needs less salt for the same effect.',
    );
    const warning = answered.findIndex((t) => t.includes('could harm the fish'));
    expect(warning).toBeGreaterThanOrEqual(0);
    expect(answered[warning + 1]).toMatch(/^The city is testing a mix of salt and beet juice/u);
    // A warning the article leaves unanswered is repeated as it is.
    expect(recapOf('Shop owners on Mill Street have mostly gone quiet about the lanes.').join(' ')).toContain(
      'could harm the fish',
    );
  });

  it('does not repeat a warning whose stated response the body left out', () => {
    const sentence = (text: string, index: number) => ({
      text,
      paragraph: 0,
      position: index,
      index,
      score: 1,
    });
    const cost = sentence(
      'The winter maintenance of the bike lanes costs about $90,000 a year, mostly in salt.',
      0,
    );
    const warning = sentence(
      'Biologists at the regional university warn that the extra salt could harm the fish in the creek.',
      1,
    );
    const response = sentence('The city is testing a mix of salt and beet juice, which needs less salt.', 2);
    const recap = (said: (typeof cost)[]) =>
      closingRecap({
        language: 'en',
        titleTerms: ['bike', 'lanes'],
        lead: [],
        parts: [{ topic: { heading: 'The cost' }, scored: [cost, warning, response], listed: [] }],
        said: [said],
        ending: {},
        maxChars: 600,
      }).map((p) => p.text);
    expect(recap([cost, warning])).not.toContainEqual(expect.stringContaining('could harm the fish'));
    const whole = recap([cost, warning, response]);
    const at = whole.findIndex((t) => t.includes('could harm the fish'));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(whole[at + 1]).toMatch(/^The city is testing a mix of salt and beet juice/u);
  });

  it('tells a story’s moral as its text states it, in natural words, with its stated application, then signs off', () => {
    const story = articleOf('欲張りなイヌ', 'ja', [
      p(
        'むかしむかし、ある村に、一匹のイヌがいました。このイヌはとても食いしん坊で、おまけに大の欲張りでした。',
      ),
      p('ある日のこと、イヌは肉屋の店先から、大きな骨つきの肉を一切れくすねて走り出しました。'),
      p(
        'イヌは橋の上から川をのぞきこみ、水にうつった自分に向かって「ワン！」とほえました。肉は川の中へ落ちてしまいました。',
      ),
      h2('このお話の教訓'),
      p(
        '欲張ってもっと多くを手に入れようとすると、今持っている大切なものまでなくしてしまうことがあります。自分がすでに持っているものの値打ちを忘れないようにしましょう。',
      ),
      h2('読み聞かせのポイント'),
      p(
        'このお話は短いので、小さな子どもにも読み聞かせやすいお話です。声の大きさを変えて読むと、子どもたちはとても喜びます。',
      ),
    ]);
    const script = buildOfflineScript(story, { language: 'ja', maxSections: 12, charBudget: 650 });
    const closing = script.sections.at(-1)!;
    expect(closing.narrations.map((n) => n.text)).toEqual([
      'このお話は、こんなことを教えてくれます。欲張ってもっと多くを手に入れようとすると、今持っている大切なものまでなくしてしまうことがあります。',
      '自分がすでに持っているものの値打ちを忘れないようにしましょう。',
      '以上、『欲張りなイヌ』でした。',
    ]);
    // The whole moral on the slide, its condition included, then the lesson's application as said.
    expect(closing.bullets).toEqual([
      '欲張ってもっと多くを手に入れようとすると、今持っている大切なものまでなくしてしまうことがあります',
      '自分がすでに持っているものの値打ちを忘れないようにしましょう',
    ]);
    expect(closing.narrations.map((n) => n.bullet)).toEqual([0, 1, undefined]);
  });
});

describe('closingSections', () => {
  const quote = {
    sentence: {
      text: '"It can work anywhere," Ms Halvorsen said.',
      paragraph: 0,
      position: 0,
      index: 0,
      score: 1,
    },
    quote: { text: 'It can work anywhere', by: 'Ms Halvorsen' },
    line: 'The article ends on this note. "It can work anywhere," Ms Halvorsen said.',
  };
  const points = [
    {
      text: 'The port will go electric by 2030.',
      bullet: 'The port will go electric by 2030',
      origin: 'lead' as const,
      at: 0,
      part: -1,
    },
  ];

  it('puts the quotation on the recap slide, after the points, when no slide is to spare', () => {
    const [only, ...rest] = closingSections({
      language: 'en',
      points,
      quote,
      seeOriginal: 'See the article.',
      spareSlide: false,
    });
    expect(rest).toEqual([]);
    expect(only!.layout).toBe('quote');
    expect(only!.narrations.map((n) => n.text)).toEqual([
      'To recap: The port will go electric by 2030.',
      quote.line,
    ]);
    expect(only!.narrations.map((n) => n.bullet)).toEqual([0, undefined]);
  });

  it('ends a recap without a closing quotation on its sign-off line, shown with no bullet of its own', () => {
    const signOff = 'That was "Electric cranes" from Harbour Gazette.';
    const [only, ...rest] = closingSections({
      language: 'en',
      points,
      seeOriginal: 'See the article.',
      signOff,
      spareSlide: true,
    });
    expect(rest).toEqual([]);
    expect(only!.narrations.map((n) => n.text)).toEqual([
      'To recap: The port will go electric by 2030.',
      signOff,
    ]);
    expect(only!.narrations.map((n) => n.bullet)).toEqual([0, undefined]);
    expect(only!.bullets).toEqual(['The port will go electric by 2030']);
    // The article's own last words close it instead; a story's moral is followed by the sign-off too.
    const quoted = closingSections({
      language: 'en',
      points,
      quote,
      seeOriginal: '',
      signOff,
      spareSlide: true,
    });
    expect(quoted.flatMap((s) => s.narrations.map((n) => n.text))).not.toContain(signOff);
    const moral = closingSections({
      language: 'en',
      points: [],
      moral: 'Greed can cost you what you already have.',
      seeOriginal: '',
      signOff,
      spareSlide: true,
    });
    expect(moral[0]!.narrations.map((n) => n.text)).toEqual([
      'The moral of the story: Greed can cost you what you already have.',
      signOff,
    ]);
  });

  it('points to the source when there is nothing to repeat', () => {
    expect(
      closingSections({ language: 'en', points: [], seeOriginal: 'See the article.', spareSlide: true }),
    ).toEqual([
      {
        title: 'Summary',
        kind: 'closing',
        bullets: [],
        narrations: [{ text: 'See the article.', speaker: 'narrator' }],
      },
    ]);
  });
});

describe('omittedClause', () => {
  it('says the cut-off appositive that holds the headline number as a sentence of its own', () => {
    const text =
      "The Port of Westmark will replace every diesel crane on its container quays with electric machines by 2030, a change its managers say will cut the port's own carbon emissions by 40 percent.";
    const bullet =
      'The Port of Westmark will replace every diesel crane on its container quays with electric machines by 2030';
    expect(omittedClause(text, bullet, 'en')).toBe(
      "Its managers say the change will cut the port's own carbon emissions by 40 percent",
    );
  });
  it('leaves a cut without a number alone', () => {
    expect(
      omittedClause(
        'The port will close the quay, a change that will help everyone.',
        'The port will close the quay',
        'en',
      ),
    ).toBeUndefined();
  });
});
