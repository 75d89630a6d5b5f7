import { describe, expect, it } from 'vitest';
import { figureEnd, foreshadows, goesOnAbout } from './panel-topic.ts';

describe('figureEnd', () => {
  it('ends the figure slide before narrations on other things', () => {
    const texts = [
      'Visitors can climb the 172 steps to the lantern gallery from April to October.',
      "The museum's collection includes the logbooks, the original clockwork and a set of signal flags.",
      'In 2019 the lighthouse was listed as a protected monument.',
    ];
    expect(figureEnd(texts, 0, 'en')).toBe(1);
    expect(
      figureEnd(
        [
          '生地が1.5倍ほどにふくらめば大丈夫です。',
          'ふたをしたまま弱火で15分焼き、裏返してさらに10分焼きます。',
        ],
        0,
        'ja',
      ),
    ).toBe(1);
  });

  it('keeps the narrations that go on about the figure, and those about them', () => {
    const texts = [
      'This time around, roughly 70 percent of the pots came out as we had hoped.',
      'That is a good result for a wood firing.',
      'If you would like to help with the next firing, send us a note.',
    ];
    expect(figureEnd(texts, 0, 'en')).toBeUndefined();
    expect(
      figureEnd(
        [
          'Counters on the two busiest routes recorded an average of 610 cyclists a day.',
          'On the coldest morning, the counter on River Street still logged 212 riders.',
          'Teachers say the riders arrive more awake.',
          'The council will vote in March.',
        ],
        0,
        'en',
      ),
    ).toBe(3);
  });

  it('reads a pronoun among the first words as going on about what was said', () => {
    expect(
      goesOnAbout(
        'The city bought a narrow tractor for $148,000.',
        'Because it fits inside the lanes, it clears them.',
        'en',
      ),
    ).toBe(true);
    expect(
      goesOnAbout(
        'The next step is a tender for 18 further cranes.',
        'In 2019 the lighthouse was listed.',
        'en',
      ),
    ).toBe(false);
  });
});

describe('foreshadows', () => {
  it('reads an introduction sentence as about a later part when it shares a word with its heading', () => {
    const headings = ['History', 'Automation', 'Museum'];
    expect(
      foreshadows("Since 2004 the keepers' houses have served as a small maritime museum.", headings, 'en'),
    ).toBe(true);
    expect(foreshadows('The round brick tower, 38 metres tall, was completed in 1871.', headings, 'en')).toBe(
      false,
    );
  });
});
