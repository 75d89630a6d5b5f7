import { describe, expect, it } from 'vitest';
import { shortTitle } from './short-title.ts';

describe('short title', () => {
  it('says a headline with a subtitle by its main part', () => {
    expect(shortTitle('Inside a wood-fired kiln: four days, three tonnes of wood', 'en')).toBe(
      'Inside a wood-fired kiln',
    );
    expect(shortTitle('Chapter 4: Keeping Tools Sharp', 'en')).toBe('Keeping Tools Sharp');
    expect(shortTitle('湾に鰊の群れ戻る　４０年ぶり大規模な産卵を確認', 'ja')).toBe('湾に鰊の群れ戻る');
    // A catchphrase before a how-to title describes it: the title is what follows.
    expect(shortTitle('初めてでも失敗しない　フライパンで焼く米粉パンの作り方', 'ja')).toBe(
      'フライパンで焼く米粉パンの作り方',
    );
  });

  it('keeps a headline without a subtitle or with parts too short to stand alone', () => {
    expect(shortTitle('Port of Westmark bets on electric cranes to cut emissions', 'en')).toBe(
      'Port of Westmark bets on electric cranes to cut emissions',
    );
    expect(shortTitle('V8: faster startup with code caching', 'en')).toBe(
      'V8: faster startup with code caching',
    );
  });
});
