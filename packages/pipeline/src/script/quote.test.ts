import { describe, expect, it } from 'vitest';
import { findQuote } from './quote.ts';

describe('findQuote', () => {
  it('credits a quote said with "she told" to the one person named just before', () => {
    const quote = findQuote(
      '"The light does not need us any more, but the coast will miss having someone awake all night," she told a local newspaper.',
      'en',
      'In 1989 the light was automated and the last keeper, Anna Rolfsen, left the station.',
    );
    expect(quote).toEqual({
      text: 'The light does not need us any more, but the coast will miss having someone awake all night',
      by: 'Anna Rolfsen',
    });
  });

  it('gives a "she said" quote no speaker when the sentence before names nobody, or two people', () => {
    const said = '"We have never seen so many birds on the cliffs in one summer," she said.';
    expect(findQuote(said, 'en', 'The colony was counted in June.')).toBeUndefined();
    expect(findQuote(said, 'en', 'Maria Lund and Erik Sand counted the colony.')).toBeUndefined();
  });

  it('keeps a Japanese speaker whole with its modifier (「７０代の女性」, not 「女性」)', () => {
    const quote = findQuote('「こんなに鰊が来たのは子どもの頃以来です」と７０代の女性は話した。', 'ja');
    expect(quote?.by).toBe('７０代の女性');
  });
});
