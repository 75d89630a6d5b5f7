import { describe, expect, it } from 'vitest';
import { articleOf, p } from '../../fixtures/script/test-articles.ts';
import type { Script } from '../schema/script.ts';
import { speaksInFirstPerson, withAuthorAttributed } from './first-person.ts';
import { buildOfflineScript } from './offline.ts';

describe('speaksInFirstPerson', () => {
  it('hears an author who tells the article as "I" or "we", in English and Japanese', () => {
    expect(
      speaksInFirstPerson(
        [
          'Twice a year we fire our big kiln. It takes four days.',
          'I learned it from my teacher. The wood comes from the forest.',
          'We load the pots on the first day.',
        ],
        'en',
      ),
    ).toBe(true);
    expect(
      speaksInFirstPerson(
        ['私は毎朝パンを焼きます。米粉を使います。', '僕の家では週に三回です。わたしの好物です。'],
        'ja',
      ),
    ).toBe(true);
  });

  it('does not count the "I" and "we" of people quoted in a report', () => {
    expect(
      speaksInFirstPerson(
        [
          'The port will replace its cranes by 2030.',
          '"We have talked about this for a decade," said the chief executive.',
          '"I am sure it works," she added. The plan costs €310 million.',
          'Shipping lines will not pay more. "Our fees stay," the board said.',
        ],
        'en',
      ),
    ).toBe(false);
  });
});

describe('the opening of a first-person article', () => {
  it('says the words to come are the author’s; a report’s opening does not', () => {
    const opening = (paragraphs: string[]) =>
      buildOfflineScript(
        articleOf(
          'Firing the kiln',
          'en',
          paragraphs.map((t) => p(t)),
        ),
        {
          language: 'en',
          maxSections: 6,
          charBudget: 2000,
        },
      )
        .sections[0]!.narrations.map((n) => n.text)
        .join(' ');
    const told = opening([
      'Twice a year we fire our big kiln, and it takes four days and three tonnes of wood.',
      'I learned to fire it from my teacher, who built it in 1998 on the hill behind our studio.',
      'We load about 300 pots on the first day and light a small fire in the evening.',
    ]);
    expect(told).toContain('its author’s own words');
    const reported = opening([
      'The port will replace every diesel crane by 2030, its managers said on Thursday.',
      'The plan will cost an estimated €310 million over six years.',
      '"We have talked about electrification for a decade," said the chief executive.',
    ]);
    expect(reported).not.toContain('author’s own words');
  });
});

describe('the author’s "I" in an article not told in the first person', () => {
  const script = (texts: string[], bullets: string[]): Script => ({
    title: 'Keeping Tools Sharp',
    language: 'en',
    sections: [
      {
        title: 'How often',
        kind: 'body',
        bullets,
        narrations: texts.map((text, i) => ({ text, speaker: 'narrator', bullet: i })),
      },
    ],
  });

  it('says the first "I" sentence of a slide as the author’s, and quotes its bullet', () => {
    const out = withAuthorAttributed(
      script(
        [
          'Sharpen little and often. Most of the time I spend at the bench, the stones sit within reach.',
          'My notebook lists each angle.',
        ],
        ['Sharpen little and often', 'My notebook lists each angle'],
      ),
      false,
    );
    expect(out.sections[0]!.narrations.map((n) => n.text)).toEqual([
      'Sharpen little and often. The author writes: Most of the time I spend at the bench, the stones sit within reach.',
      'My notebook lists each angle.',
    ]);
    expect(out.sections[0]!.bullets).toEqual(['Sharpen little and often', '“My notebook lists each angle”']);
  });

  it('leaves a first-person article, a quotation and "we" as they are', () => {
    const own = script(['Most of the time I spend at the bench.'], ['Most of the time I spend at the bench']);
    expect(withAuthorAttributed(own, true)).toEqual(own);
    const quoted = script(['"I was wrong," the mayor said. We know the cost.'], ['The mayor was wrong']);
    expect(withAuthorAttributed(quoted, false)).toEqual(quoted);
  });
});
