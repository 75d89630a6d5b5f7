import { describe, expect, it } from 'vitest';
import { pointsOutsideTheVideo, withoutPageReferences } from './page-references.ts';

describe('page references', () => {
  it('says a sentence without its pointers to the page layout', () => {
    expect(withoutPageReferences('The list below is what I would buy again.', 'en')).toBe(
      'The list is what I would buy again.',
    );
    expect(withoutPageReferences('The kiln (see Figure 3) holds 400 pots.', 'en')).toBe(
      'The kiln holds 400 pots.',
    );
    expect(withoutPageReferences('As shown above, the tower is 30 m tall.', 'en')).toBe(
      'The tower is 30 m tall.',
    );
    expect(withoutPageReferences('The tower, as described above, is tall.', 'en')).toBe('The tower is tall.');
    expect(withoutPageReferences('The wind blew from below the cliff.', 'en')).toBe(
      'The wind blew from below the cliff.',
    );
    expect(withoutPageReferences('窯は約400個の器を入れる（図1参照）。', 'ja')).toBe(
      '窯は約400個の器を入れる。',
    );
  });

  it('leaves out sentences that promise another chapter or post', () => {
    expect(pointsOutsideTheVideo('In the next chapter we will put those sharp tools to work.', 'en')).toBe(
      true,
    );
    expect(pointsOutsideTheVideo('Next week, I will show the glazing.', 'en')).toBe(true);
    expect(pointsOutsideTheVideo('次回は、釉薬のかけ方を紹介します。', 'ja')).toBe(true);
    expect(pointsOutsideTheVideo('The next chapter of the port began in 1990.', 'en')).toBe(false);
    expect(pointsOutsideTheVideo('Saws are covered in chapter 7.', 'en')).toBe(false);
  });
});
