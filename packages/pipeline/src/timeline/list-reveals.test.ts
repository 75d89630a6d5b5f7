import { describe, expect, it } from 'vitest';
import { listReveals } from './list-reveals.ts';

const narrations = (...texts: string[]) => texts.map((text) => ({ text, speaker: 'narrator' }));

describe('listReveals', () => {
  const items = [
    { head: '米粉', tail: '200グラム' },
    { head: 'ぬるま湯', tail: '170ミリリットル' },
    { head: '砂糖', tail: '大さじ1' },
  ];
  const section = {
    narrations: narrations('米粉・200グラム、ぬるま湯・170ミリリットル。', '砂糖・大さじ1。'),
  };

  it('shows each item when the narration naming it starts, the first at once when it is said soon', () => {
    expect(listReveals(section, { items }, [130, 300], 100)).toEqual([0, 0, 200]);
  });

  it('keeps the items back until said when a lead line stands above them', () => {
    expect(listReveals(section, { lead: '材料', items }, [130, 300], 100)).toEqual([30, 30, 200]);
  });

  it('shows an item nobody names from the start, and nothing to reveal when all show at once', () => {
    expect(listReveals({ narrations: narrations('材料です。') }, { items }, [130], 100)).toBeUndefined();
  });
});
