import { describe, expect, it } from 'vitest';
import type { Section } from '../schema/script.ts';
import { withoutFillerBullets } from './filler-bullets.ts';

/** A body slide whose every narration shows its own text as its bullet. */
function slide(title: string, texts: readonly string[]): Section {
  return {
    title,
    kind: 'body',
    bullets: texts.map((t) => t.replace(/[.。]$/u, '')),
    narrations: texts.map((text, bullet) => ({ text, speaker: 'narrator', bullet })),
  };
}

describe('withoutFillerBullets', () => {
  it('shows the fact a slide says, not the scene-setting before it (which is still said)', () => {
    const result = withoutFillerBullets(
      slide('A quiet quay', [
        'Walk along the eastern terminal at dawn and the difference is obvious.',
        'The three electric cranes that went into service in January make a low hum instead of the steady roar of their diesel neighbours.',
      ]),
      'en',
    );
    expect(result.bullets).toEqual([
      'The three electric cranes that went into service in January make a low hum instead of the steady roar of their diesel neighbours',
    ]);
    expect(result.narrations.map((n) => n.bullet)).toEqual([undefined, 0]);
    expect(result.narrations).toHaveLength(2);
  });

  it('drops a bullet about the text or its readers when the slide has any other bullet', () => {
    const result = withoutFillerBullets(
      slide('How often', [
        'Sharpen little and often.',
        'In the next chapter we will put those sharp tools to work on the joints that hold furniture together.',
      ]),
      'en',
    );
    expect(result.bullets).toEqual(['Sharpen little and often']);
    expect(result.narrations.map((n) => n.bullet)).toEqual([0, undefined]);
    const appeal = withoutFillerBullets(
      slide('Opening day', [
        'The surviving pots will be on sale at our open studio.',
        'We always need more people for the night shifts.',
        'If you would like to help with the next firing, send us a note.',
      ]),
      'en',
    );
    expect(appeal.bullets).toEqual(['The surviving pots will be on sale at our open studio']);
    const ja = withoutFillerBullets(
      slide('まとめ', ['米粉パンは一晩寝かせる必要がありません。', '次の章では、保存のしかたを紹介します。']),
      'ja',
    );
    expect(ja.bullets).toEqual(['米粉パンは一晩寝かせる必要がありません']);
    // Alone on its slide, it stays.
    const alone = slide('Next', ['This chapter explains which stones you need.']);
    expect(withoutFillerBullets(alone, 'en')).toEqual(alone);
  });

  it('keeps what the text covers when it opens the slide (the slide showed nothing while it was said)', () => {
    const scope = slide('What this chapter covers', [
      'This chapter explains what sharp actually means, which stones you need, and a routine that takes five minutes.',
      'Carving tools and saws need their own methods and are covered in chapter 7.',
    ]);
    expect(withoutFillerBullets(scope, 'en')).toEqual(scope);
    const later = slide('What you need', [
      'A coarse stone, around 1,000 grit, sets the bevel.',
      'In the next chapter we will put those sharp tools to work.',
    ]);
    expect(withoutFillerBullets(later, 'en').bullets).toEqual([
      'A coarse stone, around 1,000 grit, sets the bevel',
    ]);
  });

  it('drops a lead-in bullet when the slide has a number to show', () => {
    const result = withoutFillerBullets(
      slide('Council', [
        'Money is the other question hanging over the next council budget.',
        'Extending the lanes would cost an estimated $4.2 million.',
        'The council will vote on the extension in March.',
      ]),
      'en',
    );
    expect(result.bullets).toEqual([
      'Extending the lanes would cost an estimated $4.2 million',
      'The council will vote on the extension in March',
    ]);
    expect(result.narrations.map((n) => n.bullet)).toEqual([undefined, 0, 1]);
  });

  it('keeps plain statements when nothing better is said, and keeps list items', () => {
    const plain = slide('How often', [
      'Sharpen little and often.',
      'That is why the routine stays short.',
      'Most of the time the stones sit within reach.',
    ]);
    expect(withoutFillerBullets(plain, 'en')).toEqual(plain);
    const concept = slide('What sharp means', [
      'Two surfaces make the edge, so both matter.',
      'The back must be flat near the edge, or the two surfaces will never meet.',
    ]);
    expect(withoutFillerBullets(concept, 'en')).toEqual(concept);
    const list = slide('Tools', [
      'That is all you need.',
      'A fine stone, around 6,000 grit, for refining the edge.',
    ]);
    expect(withoutFillerBullets(list, 'en', new Set(['That is all you need.']))).toEqual(list);
    expect(withoutFillerBullets(list, 'en').bullets).toHaveLength(1);
  });

  it('drops a Japanese lead-in only', () => {
    const tips = slide('コツ', [
      'もう一つのコツは、ぬるま湯の温度です。',
      '35度くらいのぬるま湯を使います。',
    ]);
    expect(withoutFillerBullets(tips, 'ja').bullets).toEqual(['35度くらいのぬるま湯を使います']);
    const plain = slide('町', [
      '町では、群来を観光にも生かしたい考えだ。',
      '町役場は今月下旬、展望スペースを設ける。',
    ]);
    expect(withoutFillerBullets(plain, 'ja')).toEqual(plain);
  });
});
