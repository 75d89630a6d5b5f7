import { readFileSync } from 'node:fs';
import { TimelineSchema } from '@movie-generator/remotion/props';
import { describe, expect, it } from 'vitest';
import { planFrames } from '../render/frame-plan.ts';
import { subtitleCues, toSrt, toWebVtt } from '../render/subtitle-files.ts';
import { ScriptSchema } from '../schema/script.ts';
import { CHARACTERS } from '../speakers.ts';
import { buildTimeline, computeSpans, PAUSES } from './build-timeline.ts';

const script = ScriptSchema.parse(
  JSON.parse(readFileSync(new URL('../../fixtures/script-ja-short.json', import.meta.url), 'utf8')),
);
const clips = [3.2, 4.5, 2.8, 4.1];

describe('buildTimeline', () => {
  const t = buildTimeline(script, clips, { credits: ['VOICEVOX:ずんだもん'] });

  it('produces a valid timeline at 30 fps, 1280×720 by default', () => {
    expect(TimelineSchema.parse(t)).toEqual(t);
    expect([t.fps, t.width, t.height, t.layout]).toEqual([30, 1280, 720, 'landscape']);
    expect(t.credits).toEqual(['VOICEVOX:ずんだもん']);
    expect(t.sourceUrl).toBe('https://example.com/articles/shinkansen');
  });

  it('places narration with the designed pauses', () => {
    const starts = t.audio.map((a) => a.startFrame);
    const frames = clips.map((c) => Math.ceil(c * 30));
    // 1.0 s lead, 1.0 s between slides, 0.5 s between narrations of a slide, 1.0 s tail.
    expect(starts[0]).toBe(30);
    expect(starts[1]).toBe(30 + frames[0]! + 30);
    expect(starts[2]).toBe(starts[1]! + frames[1]! + 15);
    expect(starts[3]).toBe(starts[2]! + frames[2]! + 30);
    expect(t.durationInFrames).toBe(starts[3]! + frames[3]! + 30);
  });

  it('tiles the video with slides, back to back', () => {
    expect(t.slides.map((s) => s.kind)).toEqual(['title', 'section', 'closing']);
    let expected = 0;
    for (const slide of t.slides) {
      expect(slide.startFrame).toBe(expected);
      expected += slide.durationInFrames;
    }
    expect(expected).toBe(t.durationInFrames);
    expect(t.slides[1]).toMatchObject({ sectionNumber: 1, sectionCount: 1 });
  });

  it('covers each clip exactly with subtitle cards of at most two lines', () => {
    for (const clip of t.audio) {
      const cards = t.subtitles.filter(
        (s) => s.startFrame >= clip.startFrame && s.startFrame < clip.startFrame + clip.durationInFrames,
      );
      expect(cards.length).toBeGreaterThan(0);
      expect(cards.reduce((n, c) => n + c.durationInFrames, 0)).toBe(clip.durationInFrames);
      for (const card of cards) expect(card.lines.length).toBeLessThanOrEqual(2);
    }
  });

  it('fades into every slide but the first and splits holds where subtitles change', () => {
    let cursor = 0;
    for (const span of t.spans) {
      expect(span.startFrame).toBe(cursor);
      expect(span.endFrame).toBeGreaterThan(span.startFrame);
      expect(span.kind).toBe('static');
      cursor = span.endFrame;
    }
    expect(cursor).toBe(t.durationInFrames);
    expect(t.fades.map((f) => f.startFrame)).toEqual(t.slides.slice(1).map((s) => s.startFrame));
    expect(t.fades.every((f) => f.durationInFrames === t.transitionFrames)).toBe(true);
    // Every slide and subtitle boundary is a span boundary, so one still per span is exact.
    const bounds = new Set(t.spans.flatMap((s) => [s.startFrame, s.endFrame]));
    for (const slide of t.slides) expect(bounds.has(slide.startFrame)).toBe(true);
    for (const sub of t.subtitles) {
      expect(bounds.has(sub.startFrame)).toBe(true);
      expect(bounds.has(sub.startFrame + sub.durationInFrames)).toBe(true);
    }
  });

  it('swaps width and height for the vertical layout and scales to 1080p', () => {
    const v = buildTimeline(script, clips, { vertical: true, size: '1080p' });
    expect([v.width, v.height, v.layout]).toEqual([1080, 1920, 'vertical']);
    expect(v.subtitleCharsPerLine).toBeLessThan(t.subtitleCharsPerLine);
  });

  it('sends a missing site name and source as null, so the composition shows no sample defaults', () => {
    const bare = buildTimeline({ ...script, source: undefined }, clips);
    expect(bare.siteName).toBeNull();
    expect(bare.sourceUrl).toBeNull();
    expect(JSON.parse(JSON.stringify(bare))).toHaveProperty('siteName', null);
  });

  it('keeps every subtitle cue (burned in and in the WebVTT file) on screen for at least 1.2 s', () => {
    // news-harbour's opening: the greedy cutter ended it with a 0.5 s "Gazette." cue.
    const en = ScriptSchema.parse({
      title: 'Port of Westmark bets on electric cranes',
      language: 'en',
      sections: [
        {
          kind: 'opening',
          title: 'Port of Westmark bets on electric cranes',
          bullets: [],
          narrations: [
            {
              text: 'Today we look at the article "Port of Westmark bets on electric cranes to cut emissions" from Harbour Gazette.',
              speaker: 'narrator',
            },
            {
              text: "The plan, approved by the port authority's board on Thursday, will cost an estimated €310 million over six years.",
              speaker: 'narrator',
            },
          ],
        },
      ],
    });
    const timeline = buildTimeline(en, [7.9, 8.1]);
    expect(timeline.subtitles.length).toBeGreaterThan(2);
    for (const sub of timeline.subtitles) expect(sub.durationInFrames).toBeGreaterThanOrEqual(36);
    const cues = subtitleCues(timeline);
    expect(cues).toHaveLength(timeline.subtitles.length);
    for (const cue of cues) expect(cue.endMs - cue.startMs).toBeGreaterThanOrEqual(1200);
    const vtt = toWebVtt(cues);
    expect(vtt).not.toMatch(/\nGazette\.\n/);
    expect(vtt).not.toMatch(/\nsix years\.\n/);
  });

  it('refuses a clip count that does not match the narrations', () => {
    expect(() => buildTimeline(script, [1, 2])).toThrow(/2 clips for 4 narrations/);
  });
});

describe('buildTimeline for a dialogue', () => {
  const dialogue = (language: 'ja' | 'en') =>
    ScriptSchema.parse(
      JSON.parse(
        readFileSync(new URL(`../../fixtures/script-dialogue-${language}.json`, import.meta.url), 'utf8'),
      ),
    );
  const ja = dialogue('ja');
  const clipsOf = (s: typeof ja) => s.sections.flatMap((x) => x.narrations.map((_, i) => 1.5 + 0.4 * i));
  const t = buildTimeline(ja, clipsOf(ja));
  const speakerOfClip = ja.sections.flatMap((x) => x.narrations.map((n) => n.speaker));

  it('carries the two characters with their names in the script language and their colours', () => {
    expect(TimelineSchema.parse(t)).toEqual(t);
    expect(t.speakers).toEqual([
      { id: 'asker', name: 'ずんだもん', color: CHARACTERS.asker.color },
      { id: 'explainer', name: '四国めたん', color: CHARACTERS.explainer.color },
    ]);
    const en = dialogue('en');
    expect(buildTimeline(en, clipsOf(en)).speakers.map((s) => s.name)).toEqual(['Zundamon', 'Metan']);
    // The asker's badge comes first even when the explainer speaks first.
    const explainerFirst = {
      ...ja,
      sections: [{ ...ja.sections[0]!, narrations: [...ja.sections[0]!.narrations].reverse() }],
    };
    expect(buildTimeline(explainerFirst, [1, 1]).speakers.map((s) => s.id)).toEqual(['asker', 'explainer']);
  });

  it("labels every subtitle card with its line's speaker, in that character's colour", () => {
    for (const [i, clip] of t.audio.entries()) {
      const cards = t.subtitles.filter(
        (s) => s.startFrame >= clip.startFrame && s.startFrame < clip.startFrame + clip.durationInFrames,
      );
      expect(cards.length).toBeGreaterThan(0);
      for (const card of cards) {
        expect(card.speaker).toBe(speakerOfClip[i]);
        expect(card.color).toBe(CHARACTERS[card.speaker as 'asker' | 'explainer'].color);
      }
    }
  });

  it('pauses 0.3–0.5 s between turns, and as a narration does elsewhere', () => {
    expect(PAUSES.betweenTurns).toBeGreaterThanOrEqual(0.3);
    expect(PAUSES.betweenTurns).toBeLessThanOrEqual(0.5);
    const seen = { reply: 0, same: 0 };
    let clip = 0;
    for (const section of ja.sections) {
      for (let i = 1; i < section.narrations.length; i++) {
        const prev = t.audio[clip + i - 1]!;
        const gap = t.audio[clip + i]!.startFrame - (prev.startFrame + prev.durationInFrames);
        const reply = section.narrations[i]!.speaker !== section.narrations[i - 1]!.speaker;
        // 0.4 s when the other speaker replies; 0.5 s when the same speaker goes on.
        expect(gap).toBe(reply ? 12 : 15);
        seen[reply ? 'reply' : 'same'] += 1;
      }
      clip += section.narrations.length;
    }
    expect(seen).toEqual({ reply: 5, same: 1 });
    // A turn across slides keeps the pause between slides.
    const secondSlide = t.slides[1]!;
    const firstClipThere = t.audio.find((a) => a.startFrame >= secondSlide.startFrame)!;
    expect(firstClipThere.startFrame - secondSlide.startFrame).toBe(30);
    // The same script told as a narration keeps today's pauses (and its palette, and no speakers).
    const narration = buildTimeline({ ...ja, style: 'narration' }, clipsOf(ja));
    const n1 = narration.audio[1]!;
    const n0 = narration.audio[0]!;
    expect(n1.startFrame - (n0.startFrame + n0.durationInFrames)).toBe(15);
    expect(narration.speakers).toEqual([]);
    expect(narration.turns).toEqual([]);
    expect(new Set(narration.subtitles.map((s) => s.color))).toEqual(new Set(['#FFD54F', '#4FC3F7']));
  });

  it('passes the floor at each line of another speaker, back to back over the whole video', () => {
    let cursor = 0;
    for (const turn of t.turns) {
      expect(turn.startFrame).toBe(cursor);
      cursor += turn.durationInFrames;
    }
    expect(cursor).toBe(t.durationInFrames);
    const changes = t.audio.filter((_, i) => i > 0 && speakerOfClip[i] !== speakerOfClip[i - 1]);
    expect(t.turns.slice(1).map((turn) => turn.startFrame)).toEqual(changes.map((a) => a.startFrame));
    expect(t.turns.map((turn) => turn.speaker)).toEqual(
      speakerOfClip.filter((s, i) => i === 0 || s !== speakerOfClip[i - 1]),
    );
  });

  it('makes each change of speaker a new held picture for the fast renderer', () => {
    const plan = planFrames(t);
    for (const turn of t.turns) {
      expect(plan.frames).toContain(turn.startFrame);
      expect(t.spans.some((s) => s.startFrame === turn.startFrame)).toBe(true);
    }
  });

  it('names the speaker of each cue in the WebVTT and SRT files', () => {
    const cues = subtitleCues(t);
    expect(cues[0]!.speaker).toBe('ずんだもん');
    const vtt = toWebVtt(cues);
    expect(vtt).toContain('\n<v ずんだもん>今日はどんな記事を読むのだ？\n');
    expect(vtt).toMatch(/\n<v 四国めたん>小さな町が/);
    expect(toSrt(cues)).toMatch(
      /^1\n00:00:01,000 --> [0-9:,]+\nずんだもん: 今日はどんな記事を読むのだ？\n\n2\n/,
    );
    // A narration's cues name nobody.
    const narration = buildTimeline({ ...ja, style: 'narration' }, clipsOf(ja));
    expect(toWebVtt(subtitleCues(narration))).not.toContain('<v ');
  });
});

describe('computeSpans', () => {
  it('cuts a held picture where the turn passes, even with no subtitle change there', () => {
    const slide = {
      kind: 'section' as const,
      title: 't',
      bullets: [],
      sectionNumber: 1,
      sectionCount: 1,
      startFrame: 0,
      durationInFrames: 100,
    };
    const subtitle = { lines: ['a'], speaker: 'asker', color: '#fff', startFrame: 20, durationInFrames: 40 };
    const turns = [
      { speaker: 'asker', startFrame: 0, durationInFrames: 70 },
      { speaker: 'explainer', startFrame: 70, durationInFrames: 30 },
    ];
    expect(computeSpans([slide], [subtitle], 100, turns)).toEqual([
      { kind: 'static', startFrame: 0, endFrame: 20 },
      { kind: 'static', startFrame: 20, endFrame: 60 },
      { kind: 'static', startFrame: 60, endFrame: 70 },
      { kind: 'static', startFrame: 70, endFrame: 100 },
    ]);
  });

  it('cuts where a bullet is revealed, even with no subtitle change there', () => {
    const slide = {
      kind: 'section' as const,
      title: 't',
      bullets: ['a', 'b', 'c'],
      bulletReveals: [0, 30, 150],
      sectionNumber: 1,
      sectionCount: 1,
      startFrame: 10,
      durationInFrames: 100,
    };
    // The reveal past the slide's end never shows, so it cuts nothing.
    expect(computeSpans([slide], [], 110)).toEqual([
      { kind: 'static', startFrame: 0, endFrame: 10 },
      { kind: 'static', startFrame: 10, endFrame: 40 },
      { kind: 'static', startFrame: 40, endFrame: 110 },
    ]);
  });

  it('cuts where a key point appears', () => {
    const slide = {
      kind: 'section' as const,
      title: 't',
      bullets: ['a'],
      layout: 'keypoint' as const,
      keyPoint: { text: 'k' },
      keyPointReveal: 25,
      sectionNumber: 1,
      sectionCount: 1,
      startFrame: 10,
      durationInFrames: 100,
    };
    expect(computeSpans([slide], [], 110)).toEqual([
      { kind: 'static', startFrame: 0, endFrame: 10 },
      { kind: 'static', startFrame: 10, endFrame: 35 },
      { kind: 'static', startFrame: 35, endFrame: 110 },
    ]);
  });
});
