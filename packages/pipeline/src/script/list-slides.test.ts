import { describe, expect, it } from 'vitest';
import { type Section, SectionSchema } from '../schema/script.ts';
import { evenChunks, listItemsOf, withListSlides } from './list-slides.ts';

const slide = (title: string, said: Array<[string, string?]>): Section => {
  const bullets: string[] = [];
  return SectionSchema.parse({
    title,
    bullets,
    narrations: said.map(([text, bullet]) =>
      bullet === undefined ? { text } : { text, bullet: bullets.push(bullet) - 1 },
    ),
  });
};

const KIT = [
  'A coarse stone, around 1,000 grit, for setting the bevel and removing nicks.',
  'A fine stone, around 6,000 grit, for refining the edge.',
  'A honing guide that holds the blade at a fixed angle.',
  'A small square, to check that the edge is at right angles to the sides.',
  'A leather strop charged with polishing compound.',
  'A non-slip mat to hold the stones still.',
  'A notebook for the angles you use on each tool.',
];
const item = (text: string): [string, string] => [text, text.replace(/\.$/u, '')];

describe('listItemsOf', () => {
  it('splits an English item into the thing and what it is for', () => {
    expect(listItemsOf('A coarse stone, around 1,000 grit, for setting the bevel', 'en')).toEqual([
      { head: 'A coarse stone, around 1,000 grit', tail: 'for setting the bevel' },
    ]);
    expect(listItemsOf('A honing guide that holds the blade at a fixed angle', 'en')).toEqual([
      { head: 'A honing guide', tail: 'that holds the blade at a fixed angle' },
    ]);
    expect(listItemsOf('A magnifying glass or a cheap loupe', 'en')).toEqual([
      { head: 'A magnifying glass or a cheap loupe' },
    ]);
    expect(listItemsOf('Flour, salt', 'en')).toEqual([{ head: 'Flour' }, { head: 'salt' }]);
    expect(listItemsOf('A pencil, a ruler, an eraser', 'en')).toEqual([
      { head: 'A pencil' },
      { head: 'A ruler' },
      { head: 'An eraser' },
    ]);
  });

  it('splits Japanese items at 「、」 and each name from its amount at 「・」', () => {
    expect(listItemsOf('米粉（パン用）・200グラム、ぬるま湯（35度くらい）・170ミリリットル。', 'ja')).toEqual(
      [
        { head: '米粉（パン用）', tail: '200グラム' },
        { head: 'ぬるま湯（35度くらい）', tail: '170ミリリットル' },
      ],
    );
    expect(listItemsOf('はさみ、のり', 'ja')).toEqual([{ head: 'はさみ' }, { head: 'のり' }]);
  });
});

describe('evenChunks', () => {
  it('keeps up to twelve items on one slide and splits longer lists evenly', () => {
    expect(evenChunks(Array(12).fill(1))).toEqual([[0, 12]]);
    expect(evenChunks(Array(14).fill(1))).toEqual([
      [0, 7],
      [7, 14],
    ]);
    expect(evenChunks([2, 2, 2, 2, 2, 2, 2])).toEqual([
      [0, 4],
      [4, 7],
    ]);
  });
});

describe('withListSlides', () => {
  it('puts a kit list said over three slides on one list slide, its lead line above the items', () => {
    const lead = 'You can spend a fortune on sharpening equipment, but the essentials are few.';
    const slides = [
      slide('What you need', [
        [lead, 'You can spend a fortune, but the essentials are few'],
        item(KIT[0]!),
        item(KIT[1]!),
      ]),
      slide('What you need', KIT.slice(2, 5).map(item)),
      slide('What you need', [
        ...KIT.slice(5).map(item),
        ['Everything fits in a shoebox.', 'Everything fits in a shoebox'],
      ]),
      slide('The routine', [['Start by flattening the back.', 'Flatten the back']]),
    ];
    const owners = [0, 0, 0, 1];
    withListSlides(slides, owners, new Set(KIT), 'en');
    expect(slides.map((s) => s.layout ?? 'bullets')).toEqual(['list', 'bullets', 'bullets']);
    expect(owners).toEqual([0, 0, 1]);
    const [list, after] = slides;
    expect(list!.list?.lead).toBe('You can spend a fortune, but the essentials are few');
    expect(list!.list?.items).toHaveLength(7);
    expect(list!.list?.items[0]).toEqual({
      head: 'A coarse stone, around 1,000 grit',
      tail: 'for setting the bevel and removing nicks',
    });
    expect(list!.bullets).toEqual([]);
    // Narrations are unchanged, in order.
    expect(list!.narrations.map((n) => n.text)).toEqual([lead, ...KIT]);
    expect(list!.narrations.every((n) => n.bullet === undefined)).toBe(true);
    expect(after).toMatchObject({ bullets: ['Everything fits in a shoebox'], narrations: [{ bullet: 0 }] });
    for (const s of slides) expect(SectionSchema.safeParse(s).success).toBe(true);
  });

  it("makes a table of amounts of a recipe's ingredients", () => {
    const said = [
      '米粉・200グラム、ぬるま湯・170ミリリットル。',
      'ドライイースト・小さじ1、砂糖・大さじ1。',
      '塩・小さじ半分。',
    ];
    const slides = [
      slide(
        '材料',
        said.map((t) => [t, t.replace(/。$/u, '')]),
      ),
    ];
    withListSlides(slides, [0], new Set(said), 'ja');
    expect(slides[0]!.list).toMatchObject({
      amounts: true,
      items: [{ head: '米粉', tail: '200グラム' }, {}, {}, {}, {}],
    });
  });

  it('leaves a list of fewer than five items as bullets', () => {
    const slides = [slide('What you need', KIT.slice(0, 4).map(item))];
    withListSlides(slides, [0], new Set(KIT), 'en');
    expect(slides[0]!.layout).toBeUndefined();
    expect(slides[0]!.bullets).toHaveLength(4);
  });

  it('leaves narrations that are not list items as they are', () => {
    const slides = [slide('Why', KIT.slice(0, 6).map(item))];
    withListSlides(slides, [0], new Set(), 'en');
    expect(slides[0]!.layout).toBeUndefined();
  });
});

describe('withListSlides, what is said around the list', () => {
  it('says a sentence with no bullet of its own on the list slide rather than on an empty slide', () => {
    const slides = [
      slide('What you need', [['The list is short.'], ...KIT.slice(0, 3).map(item)]),
      slide('What you need', [...KIT.slice(3, 6).map(item), ['That is all.']]),
    ];
    withListSlides(slides, [0, 0], new Set(KIT), 'en');
    expect(slides).toHaveLength(1);
    expect(slides[0]!.layout).toBe('list');
    expect(slides[0]!.list?.lead).toBeUndefined();
    expect(slides[0]!.narrations.map((n) => n.text)).toEqual([
      'The list is short.',
      ...KIT.slice(0, 6),
      'That is all.',
    ]);
  });
});

describe('withListSlides (what follows the list)', () => {
  it('puts what the list slide said after the items on the next slide when both fit on one', () => {
    const tips = [
      '米粉は必ず「パン用」と書かれたものを選んでください。',
      'お菓子用の米粉では、生地がうまくふくらみません。',
      'ドライイーストは開封したら冷蔵庫で保存しましょう。',
      '古いイーストは発酵する力が弱くなっていることがあります。',
    ];
    const items = [
      '米粉（パン用）・200グラム、ぬるま湯・170ミリリットル。',
      'ドライイースト・小さじ1、砂糖・大さじ1。',
      '塩・小さじ半分、オリーブオイル・大さじ1。',
    ];
    const slides = [
      slide('材料', [...items.map((t): [string, string] => [t, t]), item(tips[0]!)]),
      slide('材料', tips.slice(1).map(item)),
    ];
    const owners = [0, 0];
    withListSlides(slides, owners, new Set(items), 'ja');
    expect(slides.map((s) => s.layout ?? 'bullets')).toEqual(['list', 'bullets']);
    expect(slides[1]!.narrations.map((n) => n.text)).toEqual(tips);
    expect(slides[1]!.narrations.map((n) => n.bullet)).toEqual([0, 1, 2, 3]);
    expect(owners).toEqual([0, 0]);
  });
});
