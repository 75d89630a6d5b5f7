import { describe, expect, it } from 'vitest';
import { keyPhraseTitle } from './sectionTitle.ts';

describe('keyPhraseTitle', () => {
  const harbour = [
    'Most of the money goes into the power grid, not the cranes. The power grid at the eastern terminal needs a new substation.',
    'Diesel prices rose again this spring, the chief executive said, and "the numbers finally work".',
  ];
  const other = [['The cranes arrived in January and the crane drivers like them.']];

  it('names the section by a phrase its key sentence says, not by a word from elsewhere in it', () => {
    const title = keyPhraseTitle(harbour, other, harbour[0]!.split('. ')[0]!, 'en', 60);
    expect(title).toBe('Power grid');
  });

  it('never joins two unrelated terms into one title', () => {
    const paragraphs = [
      '毎年、稚魚を放流してきた。水産試験場の研究員は、稚魚の放流が実を結んだとみる。',
      '水産試験場の研究員によると、毎年の放流が効いた。',
    ];
    const title = keyPhraseTitle(
      paragraphs,
      [['町では観光にも生かしたい考えだ。']],
      '毎年、稚魚を放流してきた。',
      'ja',
      30,
    );
    expect(title ?? '').not.toMatch(/と/u);
  });

  it('gives nothing when the key sentence holds no repeated phrase, so a clause of it is used', () => {
    const paragraphs = [
      'A dull tool skids off the surface and tempts you to push harder.',
      'Sharp tools cut cleanly.',
    ];
    expect(keyPhraseTitle(paragraphs, other, paragraphs[0]!, 'en', 60)).toBeUndefined();
  });
});
