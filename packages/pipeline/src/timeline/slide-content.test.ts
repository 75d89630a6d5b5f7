import { readFileSync } from 'node:fs';
import { TimelineSchema } from '@movie-generator/remotion/props';
import { describe, expect, it } from 'vitest';
import { planFrames } from '../render/frame-plan.ts';
import { ScriptSchema } from '../schema/script.ts';
import { buildTimeline } from './build-timeline.ts';
import { bulletReveals, bulletSteps, isNarrated, keyPointReveal, sectionContent } from './slide-content.ts';

const script = ScriptSchema.parse(
  JSON.parse(readFileSync(new URL('../../fixtures/script-layouts-en.json', import.meta.url), 'utf8')),
);
const clips = script.sections.flatMap((s) => s.narrations.map(() => 2));
const photo = { src: 'data:image/jpeg;base64,AAAA', width: 640, height: 400 };
const allImages = new Map([
  ['https://example.com/images/street.jpg', photo],
  ['https://example.com/images/crossing.jpg', photo],
]);

describe('slide layouts in the timeline', () => {
  const t = buildTimeline(script, clips, { images: allImages });

  it('carries each layout with its data, and the lead picture on the title slide', () => {
    expect(TimelineSchema.parse(t)).toEqual(t);
    expect(t.slides.map((s) => s.layout ?? s.kind)).toEqual([
      'title',
      'picture',
      'figure',
      'quote',
      'bullets',
      'closing',
    ]);
    expect(t.slides[0]!.image).toEqual({ ...photo, caption: 'A rebuilt crossing downtown' });
    expect(t.slides[1]!.image?.caption).toBe('Raised crossings make drivers slow down without a sign.');
    expect(t.slides[2]!.figure).toEqual({ value: '−52%', context: 'traffic deaths between 2019 and 2024' });
    expect(t.slides[3]!.quote?.by).toBe('Mayor Anna Lind');
  });

  it('falls back to bullets (and no title picture) when a picture was not downloaded', () => {
    const none = buildTimeline(script, clips);
    expect(none.slides[0]!.image).toBeUndefined();
    expect(none.slides[1]).toMatchObject({ layout: 'bullets' });
    expect(none.slides[1]!.image).toBeUndefined();
    const noData = ScriptSchema.parse({
      ...script,
      sections: script.sections.map((s) => ({ ...s, figure: undefined, quote: undefined })),
    });
    expect(buildTimeline(noData, clips).slides.map((s) => s.layout)).toEqual([
      undefined,
      'bullets',
      'bullets',
      'bullets',
      'bullets',
      undefined,
    ]);
  });

  it('shows a quote only when a narration of its section says it', () => {
    const quoteIndex = script.sections.findIndex((s) => s.quote);
    const unsaid = ScriptSchema.parse({
      ...script,
      sections: script.sections.map((s, i) =>
        i === quoteIndex
          ? { ...s, narrations: s.narrations.map((n) => ({ ...n, text: 'Design mattered.' })) }
          : s,
      ),
    });
    expect(buildTimeline(unsaid, clips).slides[quoteIndex]).toMatchObject({ layout: 'bullets' });
    expect(buildTimeline(unsaid, clips).slides[quoteIndex]!.quote).toBeUndefined();
    // Said with other quotation marks, case and spacing (and split over two narrations) still counts.
    const quote = script.sections[quoteIndex]!.quote!.text;
    const half = quote.indexOf(' and ');
    const split = {
      narrations: [
        { speaker: 'n', text: `She said: “${quote.slice(0, half).toUpperCase()}` },
        { speaker: 'n', text: `${quote.slice(half)}”` },
      ],
    };
    expect(isNarrated(quote, split)).toBe(true);
    expect(isNarrated(quote, { narrations: [{ speaker: 'n', text: quote.slice(0, half) }] })).toBe(false);
    expect(
      isNarrated('「遅い子どもに合わせる」', {
        narrations: [{ speaker: 'n', text: '市長は遅い子どもに合わせると話す。' }],
      }),
    ).toBe(true);
  });

  it('ends on the closing quotation on a quote panel, after a recap whose bullets appear as they are said', () => {
    const quote = { text: 'Slow streets are safe streets', by: 'Mayor Anna Lind' };
    const closed = ScriptSchema.parse({
      ...script,
      sections: [
        ...script.sections.slice(0, -1),
        {
          title: 'Summary',
          kind: 'closing',
          bullets: ['Traffic deaths fell by half', 'The city rebuilt 40 crossings'],
          narrations: [
            { text: 'To recap: Traffic deaths fell by half.', bullet: 0 },
            { text: 'The city rebuilt 40 crossings.', bullet: 1 },
          ],
        },
        {
          title: 'In closing',
          kind: 'closing',
          layout: 'quote',
          quote,
          narrations: [
            { text: 'The article ends on this note. "Slow streets are safe streets," the mayor said.' },
          ],
        },
      ],
    });
    const slides = buildTimeline(
      closed,
      closed.sections.flatMap((s) => s.narrations.map(() => 2)),
    ).slides;
    const [recap, last] = slides.slice(-2);
    expect(recap).toMatchObject({ kind: 'closing', sectionNumber: 0 });
    expect(recap!.layout).toBeUndefined();
    expect(recap!.bulletReveals?.[0]).toBe(0);
    expect(recap!.bulletReveals?.[1]).toBeGreaterThan(0);
    expect(last).toMatchObject({ kind: 'closing', layout: 'quote', quote, sectionNumber: 0 });
  });

  it('reveals each bullet when the narration pointing at it starts, the first one with the slide', () => {
    const picture = t.slides[1]!;
    const starts = t.audio.slice(1, 4).map((a) => a.startFrame - picture.startFrame);
    expect(starts[0]).toBeGreaterThan(0);
    expect(picture.bulletReveals).toEqual([0, starts[1], starts[2]]);
    // Two narrations, three bullets: the third bullet is never pointed at and shows from the start.
    const bullets = t.slides[4]!;
    const own = t.audio.slice(7, 9).map((a) => a.startFrame - bullets.startFrame);
    expect(bullets.bulletReveals).toEqual([0, own[1], 0]);
    // No narration points at a bullet: no reveals.
    expect(
      buildTimeline(
        ScriptSchema.parse(
          JSON.parse(readFileSync(new URL('../../fixtures/script-ja-short.json', import.meta.url), 'utf8')),
        ),
        [1, 1, 1, 1],
      ).slides[1]!.bulletReveals,
    ).toBeUndefined();
  });

  it('lets a quote or figure slide open on its panel: its bullets wait for their narrations', () => {
    const section = {
      title: 'Automation',
      kind: 'body' as const,
      layout: 'figure' as const,
      figure: { value: '22 nautical miles', context: 'The range of the light after 1952' },
      bullets: ['In 1989 the light was automated'],
      narrations: [
        { text: 'The range went from 18 to 22 nautical miles.', speaker: 'narrator' },
        { text: 'In 1989 the light was automated.', speaker: 'narrator', bullet: 0 },
      ],
    };
    expect(bulletReveals(section, [100, 400], 100)).toEqual([300]);
    // The same slide as plain bullets shows its first bullet from the start when it is said
    // within 3 s, and waits for it when a 10 s narration without a bullet comes first.
    const { layout: _l, figure: _f, ...plain } = section;
    expect(bulletReveals(plain, [100, 160], 100)).toBeUndefined();
    expect(bulletReveals(plain, [100, 400], 100)).toEqual([300]);
  });

  it('draws each reveal state once, as a held picture', () => {
    const plan = planFrames(t);
    for (const slide of t.slides) {
      for (const reveal of slide.bulletReveals ?? []) {
        if (reveal === 0) continue;
        const at = slide.startFrame + reveal;
        expect(t.spans.find((s) => s.startFrame === at)?.kind).toBe('static');
        expect(plan.frames).toContain(at);
      }
    }
    const reveals = t.slides.flatMap((s) => (s.bulletReveals ?? []).filter((r) => r > 0)).length;
    // 8 pointed bullets on 4 body slides; each slide's first one shows with the slide, except on
    // the two that open on a quote or a figure.
    expect(t.slides.filter((s) => s.quote || s.figure)).toHaveLength(2);
    expect(reveals).toBe(6);
    // One picture per held state: fades blend pictures drawn anyway.
    expect(plan.frames).toEqual(t.spans.map((s) => s.startFrame));
    expect(plan.frames.length).toBeLessThanOrEqual(t.slides.length + reveals + t.subtitles.length * 2 + 1);
  });
});

describe('bulletSteps', () => {
  const section = ScriptSchema.parse({
    title: 't',
    language: 'en',
    sections: [{ title: 'Method', bullets: ['Mix', 'Rest', 'Bake'], narrations: [{ text: 'Mix.' }] }],
  }).sections[0]!;

  it('passes a slide its step numbers when there is one per bullet and at least one number', () => {
    expect(bulletSteps({ ...section, steps: [4, null, 5] })).toEqual({ steps: [4, null, 5] });
  });

  it('gives plain bullets otherwise', () => {
    expect(bulletSteps(section)).toEqual({});
    expect(bulletSteps({ ...section, steps: [1, 2] })).toEqual({});
    expect(bulletSteps({ ...section, steps: [null, null, null] })).toEqual({});
  });

  it('numbers the bullets of a body slide in the timeline, never the recap', () => {
    const numbered = ScriptSchema.parse({
      ...script,
      sections: script.sections.map((s) => ({ ...s, steps: s.bullets.map((_, i) => i + 1) })),
    });
    const t = buildTimeline(numbered, clips, { images: allImages });
    expect(TimelineSchema.parse(t)).toEqual(t);
    for (const slide of t.slides) {
      if (slide.kind === 'section' && slide.bullets.length > 0) {
        expect(slide.steps).toEqual(slide.bullets.map((_, i) => i + 1));
      } else expect(slide.steps).toBeUndefined();
    }
  });
});

describe('key point', () => {
  const section = ScriptSchema.parse({
    title: 'Sharpness',
    language: 'en',
    sections: [
      {
        title: 'Sharpness',
        layout: 'keypoint',
        bullets: ['An edge is where two surfaces meet'],
        keyPoint: { text: 'Sharpen little and often', narration: 1 },
        narrations: [
          { text: 'An edge is where two surfaces meet.', bullet: 0 },
          { text: 'Sharpen little and often.' },
        ],
      },
    ],
  }).sections[0]!;

  it('is shown by the keypoint layout, and appears when the narration that says it starts', () => {
    expect(sectionContent(section, new Map())).toEqual({
      layout: 'keypoint',
      keyPoint: { text: 'Sharpen little and often' },
    });
    expect(keyPointReveal(section, [15, 80], 10)).toEqual({ keyPointReveal: 70 });
    // Said by the slide's first narration, or by none named: from the slide's start.
    expect(keyPointReveal({ ...section, keyPoint: { text: 'x', narration: 0 } }, [15, 80], 10)).toEqual({});
    expect(keyPointReveal({ ...section, keyPoint: { text: 'x' } }, [15, 80], 10)).toEqual({});
  });

  it('falls back to bullets without its text', () => {
    expect(sectionContent({ ...section, keyPoint: undefined }, new Map())).toEqual({ layout: 'bullets' });
  });
});
