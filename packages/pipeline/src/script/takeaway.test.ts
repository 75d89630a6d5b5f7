import { describe, expect, it } from 'vitest';
import { englishArticle, japaneseArticle } from '../../fixtures/script/test-articles.ts';
import { buildOfflineScript } from './offline.ts';
import { type PointCandidate, readsAsConclusion, recapPoints, standsAlone } from './takeaway.ts';
import { extractTerms } from './terms.ts';

describe('readsAsConclusion', () => {
  it('rejects plans, announcements and pointers to what comes next', () => {
    for (const text of [
      'In the next chapter we will put those sharp tools to work on the joints.',
      'The surviving pots will be on sale at our open studio on June 14.',
      'In 2019 the lighthouse was listed as a protected monument.',
    ]) {
      expect(readsAsConclusion(text, 'en'), text).toBe(false);
    }
    expect(readsAsConclusion('漁協は今後、来年以降の漁獲の見通しを立てる方針だ。', 'ja')).toBe(false);
  });

  it('accepts a sentence that sums up', () => {
    expect(
      readsAsConclusion('Bike lanes in a cold city can work, as long as someone clears them first.', 'en'),
    ).toBe(true);
    expect(readsAsConclusion('人のものはなんでもよく見えるものです。', 'ja')).toBe(true);
  });
});

describe('the closing', () => {
  for (const [name, article, language, charBudget] of [
    ['English', englishArticle, 'en', 2400],
    ['Japanese', japaneseArticle, 'ja', 900],
  ] as const) {
    it(`repeats the article's main points in its recap, not the headings (${name})`, () => {
      const script = buildOfflineScript(article, { language, maxSections: 12, charBudget });
      const closing = script.sections.at(-1)!;
      const titles = script.sections.slice(1, -1).map((s) => s.title);
      expect(closing.bullets.length).toBeGreaterThanOrEqual(1);
      expect(closing.bullets.length).toBeLessThanOrEqual(3);
      // One point per narration, its bullet appearing as it is said; then the sign-off line.
      expect(closing.narrations.map((n) => n.bullet)).toEqual([
        ...closing.bullets.map((_, i) => i),
        undefined,
      ]);
      expect(closing.narrations.at(-1)!.text).toMatch(/^(?:That was "|以上、)/u);
      for (const [i, bullet] of closing.bullets.entries()) {
        expect(titles).not.toContain(bullet);
        expect(closing.narrations[i]!.text).toContain(bullet.replace(/…$/u, ''));
      }
      // The recap repeats a number the article measured.
      expect(closing.bullets.some((b) => /\d/u.test(b))).toBe(true);
    });
  }

  it('does not announce a plan as the article’s conclusion', () => {
    const script = buildOfflineScript(japaneseArticle, { language: 'ja', maxSections: 12, charBudget: 900 });
    expect(script.sections.at(-1)!.narrations[0]!.text).not.toMatch(/今後は、/u);
  });

  it('never signs off with "the full story" (a recipe or a chapter is not a story)', () => {
    const script = buildOfflineScript(englishArticle, { language: 'en', maxSections: 12, charBudget: 900 });
    expect(script.sections.at(-1)!.narrations.at(-1)!.text).not.toMatch(/original article/u);
    expect(
      script.sections
        .at(-1)!
        .narrations.map((n) => n.text)
        .join(' '),
    ).not.toMatch(/full story/iu);
  });
});

describe('standsAlone', () => {
  it('accepts a point that makes sense at the end of the video', () => {
    for (const text of [
      'The Port of Westmark will replace every diesel crane with electric machines by 2030.',
      'Bike lanes in a cold city can work, as long as someone clears them first.',
      'Twice a year we fire our big kiln with wood.',
    ]) {
      expect(standsAlone(text, 'en'), text).toBe(true);
    }
    expect(standsAlone('Sharpen little and often.', 'en', { maxim: true })).toBe(true);
    expect(standsAlone('オーブンがなくても、フライパンひとつで焼きたてのパンが作れます。', 'ja')).toBe(true);
  });

  it('rejects steps, set-ups, the article announcing itself, list items and scene openings', () => {
    for (const text of [
      'Next, set the blade in the honing guide at 25 degrees and colour the bevel with the marker.',
      'This winter, the snowiest the city has recorded since 1996, was supposed to prove them right.',
      'This chapter explains what "sharp" actually means, which stones you need, and a routine.',
      'The routine works for chisels and plane irons alike; carving tools are covered in chapter 7.',
      'A notebook for the angles you use on each tool.',
      'When Northfield painted its first protected bike lanes four years ago, the complaint was about snow.',
      '"I was wrong, and I am happy to say so."',
    ]) {
      expect(standsAlone(text, 'en'), text).toBe(false);
    }
    // A step's check only makes sense in the middle of the procedure.
    expect(standsAlone('生地が1.5倍ほどにふくらめば大丈夫です。', 'ja')).toBe(false);
    expect(standsAlone('こんにちは、インフラチームの山田です。', 'ja')).toBe(false);
  });
});

describe('recapPoints', () => {
  const point = (text: string, origin: PointCandidate['origin'], at: number, part = -1): PointCandidate => ({
    text,
    bullet: text.replace(/\.$/u, ''),
    origin,
    at,
    part,
  });
  const title = extractTerms('Port of Westmark bets on electric cranes to cut emissions', 'en');
  const options = { maxChars: 400, maxPointChars: 240, titleTerms: title };

  it('repeats the headline’s statement and the sentence that completes it, in the article’s order', () => {
    const points = recapPoints(
      [
        point(
          'The Port of Westmark will replace every diesel crane with electric machines by 2030, cutting its emissions by 40 percent.',
          'lead',
          0,
        ),
        point('The plan will cost an estimated €310 million over six years.', 'lead', 1),
        point('Dock workers say they can talk to each other without shouting.', 'finding', 5, 0),
      ],
      'en',
      options,
    );
    expect(points.map((p) => p.at)).toEqual([0, 1]);
  });

  it('prefers a point whose bullet keeps its numbers, and never one that opens on "the first of them"', () => {
    const cut = {
      ...point(
        'Counters recorded 610 cyclists a day in January, about 45 percent of the summer figure.',
        'finding',
        5,
        1,
      ),
      bullet: 'Counters recorded 610 cyclists a day in January…',
    };
    const whole = point(
      'Counters recorded 212 cyclists a day in February, about 30 percent of the summer figure.',
      'finding',
      9,
      2,
    );
    const them = point('The port wants the first of them working by the summer of 2027.', 'finding', 12, 3);
    const chosen = recapPoints([cut, whole, them], 'en', { ...options, max: 1 });
    expect(chosen.map((p) => p.at)).toEqual([9]);
    expect(recapPoints([them], 'en', options)).toEqual([]);
    const contrast = point(
      'The $1,000 Meta Quest Pro, by contrast, has a resolution of 1800 x 1920 per eye.',
      'finding',
      14,
      4,
    );
    expect(recapPoints([contrast], 'en', options)).toEqual([]);
    expect(standsAlone('* Newly finished things since the last update in FFF-277.', 'en')).toBe(false);
  });

  it('repeats a point that leans on the sentence before only right after it', () => {
    // "The plan will cost…" is left out without its sentence before; the finding is the best point left.
    expect(
      recapPoints(
        [
          point(
            'Counters recorded 610 cyclists a day in January, about 45 percent of the summer figure.',
            'finding',
            4,
            0,
          ),
          point('The plan will cost an estimated €310 million over six years.', 'lead', 1),
        ],
        'en',
        options,
      ).map((p) => p.at),
    ).toEqual([4]);
  });

  it('says fewer, better points: one per part, none far below the best, none past the budget', () => {
    const points = recapPoints(
      [
        point(
          'Counters recorded 610 cyclists a day, about 45 percent of the summer figure.',
          'finding',
          5,
          1,
        ),
        point('At minus 24 degrees, the counter still logged 212 riders before nine.', 'finding', 6, 1),
        point(
          'Bike lanes in a cold city can work, as long as someone clears them first.',
          'conclusion',
          40,
          8,
        ),
        point('The bakery sends its orders by bike to the narrow streets of the old town.', 'finding', 20, 4),
      ],
      'en',
      { ...options, titleTerms: extractTerms('The winter the bike lanes stayed open', 'en') },
    );
    expect(points.map((p) => p.at)).toEqual([5, 40]);
    const tight = recapPoints(
      [
        point(
          'Counters recorded 610 cyclists a day, about 45 percent of the summer figure.',
          'finding',
          5,
          1,
        ),
        point(
          'Bike lanes in a cold city can work, as long as someone clears them first.',
          'conclusion',
          40,
          8,
        ),
      ],
      'en',
      { ...options, maxChars: 80 },
    );
    expect(tight).toHaveLength(1);
  });

  it('gives each part with a point worth repeating a place, its last part included, before a second lead point', () => {
    const lighthouse = extractTerms('Karsholm Lighthouse', 'en');
    const opening = (text: string, at: number, part: number) => ({
      ...point(text, 'finding', at, part),
      opens: true,
    });
    const candidates = [
      point('Karsholm Lighthouse is an active lighthouse on Karsholm Point, on a sandbank.', 'lead', 0),
      point('The light was staffed by keepers for 118 years until it was automated in 1989.', 'lead', 1),
      opening(
        'After three ships were lost on the bank in the winter of 1866, the commission asked the state for a light.',
        4,
        0,
      ),
      opening(
        'The paraffin lamp was replaced by an electric one in 1952, which extended the range of the light.',
        15,
        1,
      ),
      opening(
        'The keepers’ houses were restored between 2001 and 2004 and opened as a museum of coastal life.',
        18,
        2,
      ),
    ];
    const points = recapPoints(candidates, 'en', { ...options, maxChars: 600, titleTerms: lighthouse });
    expect(points.map((p) => p.at)).toEqual([0, 4, 15, 18]);
    // With fewer parts to name, the lead's second point keeps its place.
    expect(
      recapPoints(candidates.slice(0, 3), 'en', { ...options, maxChars: 600, titleTerms: lighthouse }).map(
        (p) => p.at,
      ),
    ).toEqual([0, 1, 4]);
  });

  it('names a second point of the same part rather than recap a single point', () => {
    const one = {
      ...point(
        'From Firefox 85 it is now possible to disable tab-to-search for each engine.',
        'finding',
        5,
        0,
      ),
      opens: true,
    };
    const two = point(
      'The update team landed a fix that cut failed updates by 30 percent in the last release.',
      'finding',
      2,
      0,
    );
    const points = recapPoints([one, two], 'en', {
      ...options,
      titleTerms: extractTerms('These Weeks in Firefox', 'en'),
    });
    expect(points.map((p) => p.at)).toEqual([2, 5]);
  });

  it('always keeps the article’s concluding last sentence when it fits', () => {
    const points = recapPoints(
      [
        point(
          'Counters recorded 610 cyclists a day, about 45 percent of the summer figure.',
          'finding',
          5,
          1,
        ),
        { ...point('In the end, the lanes stayed open.', 'conclusion', 40, 8), required: true },
      ],
      'en',
      options,
    );
    expect(points.map((p) => p.at)).toEqual([5, 40]);
  });
});

describe('recapPoints: caveats', () => {
  const opts = { maxChars: 600, maxPointChars: 240, titleTerms: ['herring'] };
  const point = (text: string, at: number, part: number): PointCandidate => ({
    text,
    bullet: text,
    origin: 'finding',
    at,
    part,
  });
  it('keeps a section caveat besides its finding', () => {
    const finding = point('The researchers found that thirty years of work paid off', 1, 0);
    const caveat = point('It is not yet clear, and the researchers warned that warmer water is a risk', 2, 0);
    const side = point('The gulls were back too, with 12 seals seen in the bay', 3, 0);
    const texts = recapPoints([finding, caveat, side], 'en', opts).map((p) => p.text);
    expect(texts).toContain(caveat.text);
    expect(texts).not.toContain(side.text);
  });
});
