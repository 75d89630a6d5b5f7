import { describe, expect, it } from 'vitest';
import { spokenDay, withPublicationDay } from './dated-intro.ts';

describe('the publication day in the introduction', () => {
  it('says the day once, in the script language', () => {
    expect(withPublicationDay('Today we look at "Cranes".', '2026-03-14', 'en')).toBe(
      'Today we look at "Cranes". The piece is dated 14 March 2026.',
    );
    expect(withPublicationDay('今回は『鰊』を紹介します。', '2026-03-04', 'ja')).toBe(
      '今回は『鰊』を紹介します。2026年3月4日に公開されました。',
    );
  });

  it('leaves the introduction as it is without a day or without room', () => {
    expect(withPublicationDay('Today we look at "Cranes".', undefined, 'en')).toBe(
      'Today we look at "Cranes".',
    );
    expect(withPublicationDay('x'.repeat(240), '2026-03-14', 'en')).toBe('x'.repeat(240));
    expect(spokenDay('2026-13-01', 'en')).toBeUndefined();
  });
});
