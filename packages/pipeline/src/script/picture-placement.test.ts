import { describe, expect, it } from 'vitest';
import { pictureCaption } from './picture-caption.ts';
import { type PictureSlot, pictureTerms, placePictures } from './picture-placement.ts';

const slot = (section: number, text: string, free = true, within?: number): PictureSlot => ({
  section,
  text,
  free,
  ...(within === undefined ? {} : { within }),
});

describe('placePictures', () => {
  const pottery: PictureSlot[] = [
    slot(
      0,
      'Most of our pots are fired in an electric kiln. As the wood burns, ash rises and settles on the pots.',
    ),
    slot(1, 'Loading takes two full days before the firing even begins.'),
    slot(2, 'Once the door is bricked up, we light a small fire in front of the firebox.'),
    slot(2, 'On the second day we start stoking properly, adding split logs to the pots.'),
    slot(3, 'After the last stoke we seal every opening and let the kiln cool for five days.'),
  ];

  it('puts a picture on the slide that says what it shows, not on the first slide of its section', () => {
    const placed = placePictures(
      [
        {
          descriptions: [
            'The pots from this firing, cooling on the shelves in the studio.',
            'Finished pots cooling on wooden shelves',
          ],
          section: 2,
          atPlace: true,
        },
      ],
      pottery,
      'en',
    );
    expect(placed).toEqual([4]);
  });

  const harbour = [
    slot(0, 'Walk along the eastern terminal at dawn and the difference is obvious.', true, 0.25),
    slot(0, 'Each diesel crane burns about 900,000 litres of fuel a year.', true, 0.75),
    slot(1, 'Two smaller harbours have visited the eastern terminal last month.'),
    slot(1, 'The port authority will borrow about half of the money.'),
  ];
  const quay = {
    descriptions: [
      'Night shifts are the busiest: most ships arrive on the evening tide.',
      'The eastern quay lit at night',
    ],
    section: 0,
    within: 1,
  };

  it('shows a captioned picture no narration says on the slide covering its place, not where one side word is said', () => {
    expect(placePictures([{ ...quay, atPlace: true }], harbour, 'en')).toEqual([1]);
  });

  it('leaves out a picture named only by a label when no narration says it', () => {
    expect(placePictures([{ ...quay, atPlace: false }], harbour, 'en')).toEqual([undefined]);
  });

  it('moves to the nearest section with a free slide when its own has none', () => {
    const full = [slot(0, 'A quote.', false), slot(1, 'The port authority will borrow the money.')];
    expect(placePictures([{ ...quay, atPlace: true }], full, 'en')).toEqual([1]);
  });

  it('shows the lead picture again only in a body without other pictures, where it is said best and well', () => {
    const cranes = {
      descriptions: ['The first three electric cranes went into service at the eastern terminal in January.'],
      section: 0,
      atPlace: true,
    };
    const slots = [
      slot(0, 'The three electric cranes that went into service in January make a low hum.'),
      slot(0, 'The port runs 34 diesel cranes; the three electric cranes went into service in January.'),
      slot(1, 'The port authority will borrow about half of the money.'),
    ];
    // The other picture keeps its place; the lead, already on the title card, is not repeated.
    expect(
      placePictures(
        [
          { ...cranes, lead: true, firstSlot: 0 },
          { descriptions: [], section: 0, atPlace: true },
        ],
        slots,
        'en',
      ),
    ).toEqual([undefined, 0]);
    // Alone, it shows on the slide that says it.
    expect(placePictures([{ ...cranes, lead: true, firstSlot: 0 }], slots, 'en')).toEqual([0]);
    // Not on the first body slide, right after the title card that shows it; as that slide says
    // it best, not on another one either.
    expect(placePictures([{ ...cranes, lead: true, firstSlot: 1 }], slots, 'en')).toEqual([undefined]);
    expect(placePictures([{ ...cranes, lead: true, firstSlot: 1 }], [slots[2]!, slots[1]!], 'en')).toEqual([
      1,
    ]);
    // A slide that says little of what it shows (cranes at work, not the first three electric
    // ones going into service at the eastern terminal) does not repeat it.
    const weak = [
      slot(0, 'The port authority met on Thursday.'),
      slot(0, 'Electric cranes are quieter than diesel cranes.'),
    ];
    expect(placePictures([{ ...cranes, lead: true, firstSlot: 1 }], weak, 'en')).toEqual([undefined]);
    // A lead picture no narration says is not shown again.
    expect(placePictures([{ ...quay, atPlace: true, lead: true }], harbour, 'en')).toEqual([undefined]);
  });

  it('gives each slide one picture at most and skips slides showing a panel', () => {
    const placed = placePictures(
      [
        { descriptions: ['橋の上のイヌ'], section: 0, atPlace: false },
        { descriptions: ['一本橋を渡るイヌ'], section: 0, atPlace: false },
      ],
      [
        slot(0, 'ある日のこと、イヌは肉屋の店先から肉をくすねて走り出しました。'),
        slot(1, 'イヌは肉をくわえて、小川にかかる一本橋を渡り始めました。'),
        slot(1, '橋の真ん中で下を見ると、川の中にもイヌがいました。', false),
        slot(1, 'しかもそのイヌも、口に肉をくわえているではありませんか。'),
        slot(2, 'イヌは、あの肉も取ってやろうと考えました。'),
        slot(2, '大きな声でワンとほえたとたん、肉は川に落ちてしまいました。'),
        slot(3, '欲張りすぎると、持っているものまでなくしてしまいます。'),
      ],
      'ja',
    );
    // Both pictures match the bridge slide best; the one that matches more gets it, the other no slide.
    expect(placed).toEqual([undefined, 1]);
  });

  it('keeps a picture without any description at its place on the page', () => {
    expect(placePictures([{ descriptions: [], section: 1, atPlace: true }], pottery, 'en')).toEqual([1]);
  });

  it('reads single kanji as terms but not generic ones', () => {
    expect([...pictureTerms('橋の上のイヌ', 'ja')]).toEqual(['橋', 'イヌ']);
  });
});

describe('pictureCaption', () => {
  it('shows the page caption that describes the picture', () => {
    expect(
      pictureCaption({ caption: '焼き上がり。切り分けて温かいうちにどうぞ', alt: '米粉パン' }, 'ja'),
    ).toBe('焼き上がり。切り分けて温かいうちにどうぞ');
  });

  it('shows no label or file name as a caption', () => {
    expect(pictureCaption({ caption: 'いぬのかお', alt: '橋の上のイヌ' }, 'ja')).toBeUndefined();
    expect(pictureCaption({ alt: 'IMG_2041.jpg' }, 'en')).toBeUndefined();
    expect(pictureCaption({ alt: 'hero-image' }, 'en')).toBeUndefined();
    expect(pictureCaption({ alt: 'Puffins' }, 'en')).toBeUndefined();
  });

  it('falls back to alt text only when it is a full description', () => {
    expect(pictureCaption({ alt: 'Three electric cranes at the container terminal' }, 'en')).toBe(
      'Three electric cranes at the container terminal',
    );
  });
});
