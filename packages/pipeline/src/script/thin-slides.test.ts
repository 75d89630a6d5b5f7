import { describe, expect, it } from 'vitest';
import type { Section } from '../schema/script.ts';
import { mergeThinSlides } from './thin-slides.ts';

function slide(title: string, bullets: string[], extra: Partial<Section> = {}): Section {
  return {
    title,
    kind: 'body',
    layout: 'bullets',
    bullets,
    narrations: bullets.map((b, i) => ({ text: `${b}.`, speaker: 'narrator', bullet: i })),
    ...extra,
  };
}

const picture = { url: 'https://example.com/crane.jpg' };
const same = () => true;

describe('mergeThinSlides', () => {
  it('joins a lone announcement to the picture slide of its items, the picture showing from it on', () => {
    const slides = [
      slide('Recovery', ['Researchers name three factors']),
      slide(
        'Recovery',
        ['First, the release of young fish', 'Second, the kelp forests', 'Third, wider nets'],
        {
          layout: 'picture',
          image: picture,
        },
      ),
    ];
    const owners = [0, 0];
    mergeThinSlides(slides, owners, 'en', same);
    expect(slides).toHaveLength(1);
    expect(owners).toEqual([0]);
    expect(slides[0]!.layout).toBe('picture');
    expect(slides[0]!.image).toEqual(picture);
    expect(slides[0]!.bullets[0]).toBe('Researchers name three factors');
    // Bullets still appear one by one as they are said.
    expect(slides[0]!.narrations.map((n) => n.bullet)).toEqual([0, 1, 2, 3]);
  });

  it('joins a thin picture slide to the slide after it, so the picture still shows as it is said', () => {
    const slides = [
      slide('Tips', ['Too much heat burns the crust', 'Check the underside after ten minutes']),
      slide('Tips', ['Shorten the time when it is brown'], { layout: 'picture', image: picture }),
      slide('Tips', ['Mind the water temperature', 'Lukewarm is right']),
    ];
    const owners = [2, 2, 2];
    mergeThinSlides(slides, owners, 'en', same);
    expect(slides.map((s) => s.bullets.length)).toEqual([2, 3]);
    expect(slides[1]!.layout).toBe('picture');
    expect(slides[1]!.narrations.map((n) => n.bullet)).toEqual([0, 1, 2]);
  });

  it('never joins a panel, another section, two pictures, or past four long bullets', () => {
    const long = 'A long bullet that says a great deal about the harbour and its new electric cranes';
    const slides = [
      slide('Museum', ['The houses were restored']),
      slide('Museum', [], { layout: 'figure', figure: { value: '172 steps', context: 'Visitors climb' } }),
      slide('Museum', [long, long, long, long]),
      slide('Museum', ['The light remains in service']),
      slide('Visitors', ['About 40,000 a year']),
      slide('Visitors', ['The gallery opens in April'], { layout: 'picture', image: picture }),
      slide('Visitors', ['The ferry runs twice a day'], {
        layout: 'picture',
        image: { url: 'https://example.com/ferry.jpg' },
      }),
    ];
    const owners = [0, 0, 0, 0, 1, 2, 2];
    mergeThinSlides(slides, owners, 'en', same);
    expect(slides).toHaveLength(7);
  });

  it('joins up to five bullets when they are all short', () => {
    const slides = [
      slide('Kit', ['A marker pen', 'A non-slip mat', 'A notebook', 'A strop']),
      slide('Kit', ['A guide']),
    ];
    const owners = [0, 0];
    mergeThinSlides(slides, owners, 'en', same);
    expect(slides).toHaveLength(1);
    expect(slides[0]!.bullets).toHaveLength(5);
    const beside = [
      slide('Kit', ['A marker pen', 'A non-slip mat', 'A notebook', 'A strop'], {
        layout: 'picture',
        image: picture,
      }),
      slide('Kit', ['A guide']),
    ];
    mergeThinSlides(beside, [0, 0], 'en', same);
    expect(beside).toHaveLength(2);
  });

  it('keeps slides apart when the caller says they are different parts (another subsection)', () => {
    const slides = [
      slide('History: Construction', ['Built in 1872']),
      slide('History: Keepers', ['Six keepers']),
    ];
    mergeThinSlides(slides, [0, 0], 'en', (a, b) => slides[a]!.title === slides[b]!.title);
    expect(slides).toHaveLength(2);
  });

  it('does not give the first body slide the picture the title card shows', () => {
    const slides = [
      slide('Story', ['One day the dog stole a piece of meat']),
      slide('Story', ['He crossed the bridge', 'He saw another dog'], { layout: 'picture', image: picture }),
    ];
    mergeThinSlides(slides, [0, 0], 'en', same, picture);
    expect(slides).toHaveLength(2);
    mergeThinSlides(slides, [0, 0], 'en', same, { url: 'https://example.com/other.jpg' });
    expect(slides).toHaveLength(1);
  });
});
