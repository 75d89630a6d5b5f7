import { describe, expect, it } from 'vitest';
import { ScriptSchema } from '../schema/script.ts';
import { buildTimeline, computeSpans } from './build-timeline.ts';
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

describe('a list slide in the timeline', () => {
  const script = ScriptSchema.parse({
    title: '米粉パン',
    language: 'ja',
    sections: [
      { kind: 'opening', title: '米粉パン', narrations: [{ text: '米粉パンを作ります。' }] },
      {
        title: '材料',
        layout: 'list',
        list: {
          lead: '用意するもの',
          items: [
            { head: '米粉', tail: '200グラム' },
            { head: '砂糖', tail: '大さじ1' },
          ],
          amounts: true,
        },
        narrations: [
          { text: '用意するものです。' },
          { text: '米粉・200グラム。' },
          { text: '砂糖・大さじ1。' },
        ],
      },
    ],
  });
  const t = buildTimeline(script, [2, 2, 2, 2]);
  const slide = t.slides[1]!;

  it('carries the list and cuts a static span where each item appears, for the fast renderer', () => {
    expect(slide.layout).toBe('list');
    expect(slide.list?.items.map((i) => i.head)).toEqual(['米粉', '砂糖']);
    const starts = t.audio.slice(2).map((a) => a.startFrame - slide.startFrame);
    expect(slide.listReveals).toEqual(starts);
    // Subtitles aside, the picture changes where each item appears.
    const spans = computeSpans(t.slides, [], t.durationInFrames);
    for (const r of slide.listReveals!) {
      expect(spans.some((s) => s.startFrame === slide.startFrame + r)).toBe(true);
    }
  });

  it('falls back to bullets when the list is missing', () => {
    const bare = ScriptSchema.parse({
      ...script,
      sections: script.sections.map((s) => ({ ...s, list: undefined })),
    });
    expect(buildTimeline(bare, [2, 2, 2, 2]).slides[1]!.layout).toBe('bullets');
  });
});
