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
      'A quiet quay: Battery store',
      'A quiet quay: Battery store',
      'Who pays',
    ]);
  });

  it('keeps the heading on a list that goes on, and without a turn', () => {
    const listed = [...quay];
    withSubtopicTitles(
      listed,
      listed.map((s) => s.title),
      'en',
      {
        ...context,
        listed: new Set(quay[2]!.narrations.map((n) => n.text)),
      },
    );
    expect(listed.slice(0, 4).every((s) => s.title === 'A quiet quay')).toBe(true);
    const plain = [quay[0]!, quay[1]!, quay[3]!];
    withSubtopicTitles(
      plain,
      plain.map((s) => s.title),
      'en',
      context,
    );
    expect(plain.every((s) => s.title === 'A quiet quay')).toBe(true);
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
});
