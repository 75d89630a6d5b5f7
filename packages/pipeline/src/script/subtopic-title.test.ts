import { describe, expect, it } from 'vitest';
import type { Section } from '../schema/script.ts';
import { withSubtopicTitles } from './subtopic-title.ts';

function slide(title: string, texts: string[], layout: Section['layout'] = 'bullets'): Section {
  return {
    title,
    kind: 'body',
    layout,
    bullets: texts.map((t) => t.replace(/\.$/u, '')),
    narrations: texts.map((text) => ({ text })),
  } as Section;
}

const quay = [
  slide('A quiet quay', ['Walk along the eastern terminal at dawn and the difference is obvious.']),
  slide('A quiet quay', [
    'The three electric cranes make a low hum instead of the roar of their diesel neighbours.',
  ]),
  slide('A quiet quay', [
    'Noise is not the main argument, though. Each diesel crane burns about 900,000 litres of fuel a year.',
    'The electric machines also recover energy and push power back into the battery store.',
  ]),
  slide('A quiet quay', [
    'On a busy day, the battery store can run the first hour of the morning shift on its own.',
  ]),
  slide('Who pays', ['The port authority will borrow about half of the money.']),
];
const context = {
  sentences: quay.flatMap((s) => s.narrations.map((n) => n.text)),
  headings: ['quiet quay', 'who pay'],
  listed: new Set<string>(),
};

describe('withSubtopicTitles', () => {
  it('gives the slides from a turn on the heading with their own subtopic', () => {
    const slides = [...quay];
    withSubtopicTitles(
      slides,
      slides.map((s) => s.title),
      'en',
      context,
    );
    expect(slides.map((s) => s.title)).toEqual([
      'A quiet quay',
      'A quiet quay',
      // Fuel and energy recovery: no phrase is true of both its bullets ("Diesel crane" names one), so the heading.
      'A quiet quay',
      // One point: its key sentence's phrase is what the slide adds, shown alone (no "A quiet quay: …").
      'Battery store',
      'Who pays',
    ]);
  });

  it('keeps the heading on a short run without a turn', () => {
    const plain = [quay[0]!, quay[1]!];
    withSubtopicTitles(
      plain,
      plain.map((s) => s.title),
      'en',
      context,
    );
    expect(plain.map((s) => s.title)).toEqual(['A quiet quay', 'A quiet quay']);
  });

  it('keeps the heading plainly, unnumbered, on a long run whose slides name no subtopic, such as a list that goes on', () => {
    const list = [quay[0]!, quay[1]!, quay[3]!];
    withSubtopicTitles(
      list,
      list.map((s) => s.title),
      'en',
      { ...context, listed: new Set(list.flatMap((s) => s.narrations.map((n) => n.text))) },
    );
    expect(list.map((s) => s.title)).toEqual(['A quiet quay', 'A quiet quay', 'A quiet quay']);
  });

  it('names each continuation slide of a long run by what its points share, never by one point or panel', () => {
    const run = [
      quay[0]!,
      slide('A quiet quay', [
        'The battery store holds the energy the cranes recover.',
        'On a busy day the battery store runs the first hour of the morning shift.',
      ]),
      {
        ...slide('A quiet quay', ['The port wants all 34 diesel machines retired by 2030.'], 'figure'),
        bullets: [],
        figure: { value: '34 diesel machines', context: 'Diesel machines retired by 2030' },
      },
    ];
    withSubtopicTitles(
      run,
      run.map((s) => s.title),
      'en',
      { ...context, sentences: run.flatMap((s) => s.narrations.map((n) => n.text)) },
    );
    // The panel's value already says "diesel machines": the heading, not a title that repeats it.
    expect(run.map((s) => s.title)).toEqual(['A quiet quay', 'Battery store', 'A quiet quay']);
  });

  it('titles a figure slide of a long run by the phrase its sentence describes, not by the figure', () => {
    const run = [
      quay[0]!,
      quay[1]!,
      {
        ...slide(
          'A quiet quay',
          [
            "According to the port's engineers, that recovered energy covers roughly 15 percent of a crane's needs.",
          ],
          'figure',
        ),
        bullets: [],
        figure: {
          value: 'roughly 15 percent',
          context: "Share of a crane's needs covered by recovered energy",
        },
      },
    ];
    withSubtopicTitles(
      run,
      run.map((s) => s.title),
      'en',
      { ...context, sentences: run.flatMap((s) => s.narrations.map((n) => n.text)) },
    );
    expect(run.map((s) => s.title)).toEqual(['A quiet quay', 'Three electric cranes', 'Recovered energy']);
  });

  it('titles a later slide that opens by naming its point with that name, even on a short run', () => {
    const tips = [
      slide('うまく焼くためのコツ', ['いちばん多い失敗は、火が強すぎて外側だけこげてしまうことです。']),
      slide('うまく焼くためのコツ', [
        'もう一つのコツは、ぬるま湯の温度です。熱すぎるとイーストが弱ってしまいます。',
        '指を入れて「少しぬるい」と感じるくらいがちょうどよい温度です。',
      ]),
    ];
    withSubtopicTitles(
      tips,
      tips.map((s) => s.title),
      'ja',
      { sentences: [], headings: [], listed: new Set<string>() },
    );
    expect(tips.map((s) => s.title)).toEqual(['うまく焼くためのコツ', 'ぬるま湯の温度']);
    const reasons = [
      slide('Why it is popular', ['One reason is that it needs no kneading.']),
      slide('Why it is popular', ['Another reason is that it works.']),
      slide('Tips', ['Use warm water.']),
      slide('Tips', ['Another tip is water temperature. Too hot and the yeast weakens.']),
    ];
    withSubtopicTitles(
      reasons,
      reasons.map((s) => s.title),
      'en',
      { sentences: [], headings: [], listed: new Set<string>() },
    );
    // A clause ("that it suits…") names no point in a few words: the heading stays.
    expect(reasons.map((s) => s.title)).toEqual([
      'Why it is popular',
      'Why it is popular',
      'Tips',
      'Water temperature',
    ]);
  });

  it('titles a one-point slide of a long run by the occasion it opens with', () => {
    const keep = [
      slide('保存のしかた', [
        '米粉パンは、時間がたつとかたくなりやすいのが弱点です。',
        '冷めてから冷凍庫で保存しましょう。',
      ]),
      {
        ...slide('保存のしかた', ['2週間ほどおいしく食べられます。'], 'figure'),
        bullets: [],
        figure: { value: '2週間' },
      },
      slide('保存のしかた', [
        '食べるときは、電子レンジで20秒ほど温めてから、フライパンで両面を軽く焼きます。',
      ]),
    ] as Section[];
    withSubtopicTitles(
      keep,
      keep.map((s) => s.title),
      'ja',
      {
        sentences: keep.flatMap((s) => s.narrations.map((n) => n.text)),
        headings: [],
        listed: new Set<string>(),
      },
    );
    expect(keep.map((s) => s.title)).toEqual(['保存のしかた', '保存のしかた', '食べるとき']);
  });

  it('leaves slides of a part without a heading alone', () => {
    const slides = [...quay];
    withSubtopicTitles(
      slides,
      slides.map(() => undefined),
      'en',
      context,
    );
    expect(slides.map((s) => s.title)).toEqual(quay.map((s) => s.title));
  });

  it('names each scene of a story by what it opens with, never by a later reveal', () => {
    const story = [
      slide('おはなし', [
        'ある日のこと、イヌは肉屋の店先から、大きな骨つきの肉を一切れくすねて走り出しました。',
      ]),
      slide('おはなし', [
        'イヌは肉をしっかりくわえて、村はずれの小川にかかる一本橋を渡り始めました。ふと下を見ると、川の中にも一匹のイヌがいました。',
        '欲張りなイヌは、川の中のイヌの肉がほしくてたまらなくなりました。',
        'そこでイヌは、川の中のイヌに向かって、思いきり「ワン！」とほえました。',
      ]),
      slide('おはなし', [
        '肉はあっという間に流れていき、もうどこにも見えません。',
        'そう、川の中にいたのは、水にうつった自分の姿だったのです。',
      ]),
    ];
    withSubtopicTitles(
      story,
      story.map((s) => s.title),
      'ja',
      {
        sentences: story.flatMap((s) => s.narrations.map((n) => n.text)),
        headings: [],
        listed: new Set<string>(),
      },
    );
    // The last scene's title would give the twist away before its narration tells it: the part's title alone.
    expect(story.map((s) => s.title)).toEqual(['おはなし', 'おはなし：小川にかかる一本橋', 'おはなし']);
  });
});
