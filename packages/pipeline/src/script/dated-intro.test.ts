import { describe, expect, it } from 'vitest';
import { spokenDay } from './dated-intro.ts';

describe('the publication day as the introduction says it', () => {
  it('says the day in the script language', () => {
    expect(spokenDay('2026-03-14', 'en')).toBe('14 March 2026');
    expect(spokenDay('2026-03-04', 'ja')).toBe('2026年3月4日');
  });

  it('says nothing for a day that does not exist', () => {
    expect(spokenDay('2026-13-01', 'en')).toBeUndefined();
    expect(spokenDay('14 March', 'en')).toBeUndefined();
  });
});
