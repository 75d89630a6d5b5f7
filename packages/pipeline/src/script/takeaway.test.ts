import { describe, expect, it } from 'vitest';
import { englishArticle, japaneseArticle } from '../../fixtures/script/test-articles.ts';
import { buildOfflineScript } from './offline.ts';
import { closingPoints, readsAsConclusion } from './takeaway.ts';

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
    it(`repeats key points of the body in its recap, not the headings (${name})`, () => {
      const script = buildOfflineScript(article, { language, maxSections: 12, charBudget });
      const closing = script.sections.at(-1)!;
      const body = script.sections.slice(1, -1);
      const titles = body.map((s) => s.title);
      const said = body.flatMap((s) => s.narrations.map((n) => n.text)).join(' ');
      expect(closing.bullets.length).toBeGreaterThanOrEqual(1);
      expect(closing.bullets.length).toBeLessThanOrEqual(2);
      const spoken = closing.narrations.map((n) => n.text).join(' ');
      for (const bullet of closing.bullets) {
        expect(spoken).toContain(bullet);
        expect(titles).not.toContain(bullet);
        // A point the video made: the body said it.
        expect(said).toContain(bullet);
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

describe('closingPoints', () => {
  const slide = (...bullets: string[]) => bullets.map((bullet) => ({ bullet, score: 1 }));

  it('repeats the points with numbers and conclusions, one per slide, in order', () => {
    const points = closingPoints(
      [
        slide(
          'Not everyone is convinced',
          'Counters recorded 610 cyclists a day, about 45 percent of the summer figure',
        ),
        slide(
          'Money is the other question hanging over the next council budget',
          'The lanes were built with a state grant',
        ),
        slide(
          'A survey found that 58 percent of its members now consider the lanes good for trade, up from 31 percent in 2022',
        ),
        slide('Bike lanes in a cold city can work, as long as someone clears them first'),
        slide('“I was wrong, and I am happy to say so”', 'In the next chapter we will build a bench'),
      ],
      'en',
    );
    // At most two: the numbers and findings that tell the most.
    expect(points).toHaveLength(2);
    expect(points[0]).toBe('Counters recorded 610 cyclists a day, about 45 percent of the summer figure');
    expect(
      closingPoints(
        [
          slide(
            'The difference, according to the public works department, came down to a single small machine',
          ),
          slide(
            'This winter, the snowiest the city has recorded since 1996, was supposed to prove them right',
          ),
          slide('Counters recorded 610 cyclists a day, about 45 percent of the summer figure'),
        ],
        'en',
      ),
    ).toEqual(['Counters recorded 610 cyclists a day, about 45 percent of the summer figure']);
  });

  it('leaves out points that lean on what is not said with them', () => {
    expect(
      closingPoints(
        [
          slide('To this, other changes related to the blueprint library will follow soon after 0.17.0'),
          slide('As the report states: "the birth lottery matters more in the U.S. than in most countries."'),
          slide('[harry] Amy Churchwell joins the Search & Navigation team today'),
        ],
        'en',
      ),
    ).toEqual([]);
    expect(closingPoints([slide('町では、群来を観光にも生かしたい考えだ')], 'ja')).toEqual([]);
    expect(
      closingPoints(
        [
          slide('A coarse stone, around 1,000 grit, for setting the bevel and removing nicks'),
          slide('A notebook for the angles you use on each tool'),
        ],
        'en',
      ),
    ).toEqual([]);
    expect(
      closingPoints([slide('A sharp chisel leaves a shiny cut surface; a dull one leaves it torn')], 'en'),
    ).toHaveLength(1);
  });

  it('leaves out what the takeaway already says and cut clauses', () => {
    expect(
      closingPoints(
        [slide('Caches need clear keys and clear owners', 'The routine takes five minutes…')],
        'en',
        {
          except: 'The takeaway: Caches need clear keys and clear owners.',
        },
      ),
    ).toEqual([]);
  });
});
