import { describe, expect, it } from 'vitest';
import {
  articleOf,
  englishArticle,
  h2,
  japaneseArticle,
  japaneseArticleWithoutHeadings,
  p,
} from '../../fixtures/script/test-articles.ts';
import type { Article } from '../extract/types.ts';
import { type Script, ScriptSchema, type Section } from '../schema/script.ts';
import { narrationChars } from './bounds.ts';
import { findBulletDefects } from './bullet-defects.ts';
import { longestBullet } from './bullets.ts';
import { TEXT_LIMITS } from './language.ts';
import { buildOfflineScript } from './offline.ts';
import { outlineArticle } from './outline.ts';

/** What every offline script must satisfy, whatever the article and bounds. */
function expectWellFormed(script: Script, bounds: { maxSections: number; charBudget: number }): void {
  expect(ScriptSchema.parse(script)).toEqual(script);
  expect(script.sections.length).toBeLessThanOrEqual(bounds.maxSections);
  expect(narrationChars(script)).toBeLessThanOrEqual(bounds.charBudget);
  expect(script.sections[0]!.kind).toBe('opening');
  expect(script.sections.at(-1)!.kind).toBe('closing');
  // The body, then the closing: its recap and, on a slide of its own, the article's closing quotation.
  const closingFrom = script.sections.findIndex((s) => s.kind === 'closing');
  for (const section of script.sections.slice(1, closingFrom)) expect(section.kind).toBe('body');
  for (const section of script.sections.slice(closingFrom)) expect(section.kind).toBe('closing');
  expect(script.sections.length - closingFrom).toBeLessThanOrEqual(2);
  const limits = TEXT_LIMITS[script.language];
  for (const section of script.sections) {
    expect(section.narrations.length).toBeGreaterThanOrEqual(1);
    // A recap names up to four points, then its last line.
    expect(section.narrations.length).toBeLessThanOrEqual(
      section.kind === 'opening' ? 3 : section.kind === 'body' ? 4 : 5,
    );
    for (const narration of section.narrations) {
      expect(narration.speaker).toBe('narrator');
      expect(narration.text.length).toBeLessThanOrEqual(limits.narration);
      expect(narration.text).not.toMatch(/https?:|www\.|\[\d+\]|\s{2,}/u);
    }
    const titles = new Set(script.sections.map((s) => s.title));
    for (const bullet of section.bullets) {
      // The closing slide lists headings as they are.
      if (section.kind === 'closing' && titles.has(bullet)) continue;
      // A recap bullet is a point's short whole form: longer only to keep its numbers.
      expect(bullet.length).toBeLessThanOrEqual(
        longestBullet(section.kind === 'closing' ? limits.recapBullet : limits.bullet, script.language),
      );
      expect(bullet).not.toMatch(/[。.]$/u);
      expect(findBulletDefects(bullet, script.language), bullet).toEqual([]);
    }
    for (const narration of section.narrations) expect(narration.text).not.toMatch(/[、，,:：]$/u);
    {
      // Each bullet is revealed by the narration that speaks about it, in order (the recap's too).
      const revealed = section.narrations.flatMap((n) => (n.bullet === undefined ? [] : [n.bullet]));
      expect(revealed).toEqual(section.bullets.map((_, i) => i));
    }
  }
}

/** Section titles in order, a title repeated by consecutive slides listed once. */
function uniqueTitles(sections: readonly Section[]): string[] {
  return sections.map((s) => s.title).filter((t, i, all) => i === 0 || all[i - 1] !== t);
}

describe('buildOfflineScript on a Japanese article with headings', () => {
  const bounds = { language: 'ja' as const, maxSections: 12, charBudget: 650 };
  const script = buildOfflineScript(japaneseArticle, bounds);

  it('is a valid script within the bounds', () => {
    expectWellFormed(script, bounds);
    expect(script.language).toBe('ja');
    expect(script.title).toBe(japaneseArticle.title);
    // The budget is used, not wasted: most of 650 characters.
    expect(narrationChars(script)).toBeGreaterThan(450);
  });

  it('maps each h2 (other than the repeated title) to a body section title', () => {
    // A section whose quote or figure comes later is two slides under the same title; its h3
    // titles the slides of its own part.
    expect(uniqueTitles(script.sections.slice(1, -1))).toEqual([
      '背景：セール時に応答が遅くなる',
      '対策：書き込みをまとめて処理する',
      'キューの設計',
      '結果：応答時間は3割短く',
      '今後の課題',
    ]);
  });

  it('opens with the article and its lead point, and closes with its conclusion and its points', () => {
    const opening = script.sections[0]!;
    expect(opening.title).toBe(japaneseArticle.title);
    expect(opening.narrations[0]!.text).toContain('Example Tech Blog');
    expect(opening.narrations[0]!.text).toContain(`『${japaneseArticle.title}』`);
    // The lead point, not the greeting before it.
    expect(opening.narrations[1]!.text).toContain('書き込みのバッチ処理によって解決した事例');
    // The day is said inside the introduction sentence; the lead point (under a heading, with no
    // slide of its own to open) stays on the title slide however long the introduction is.
    const dated = buildOfflineScript({ ...japaneseArticle, published: '2024-05-02' }, bounds).sections[0]!;
    expect(dated.narrations[0]!.text).toMatch(/^[^。]*2024年5月2日に公開[^。]*『[^』]+』[^。]*。$/u);
    expect(dated.narrations[1]!.text).toContain('書き込みのバッチ処理によって解決した事例');
    const closing = script.sections.at(-1)!;
    expect(closing.title).toBe('まとめ');
    // The closing slide shows the source: the closing does not end on the same pointer every time.
    expect(closing.narrations.at(-1)!.text).not.toMatch(/元の記事/u);
    const said = closing.narrations.map((n) => n.text).join('');
    // The last paragraph is a plan, not a conclusion: it is not announced as one; the key points
    // (the measured numbers) are said again, not the headings.
    expect(said).not.toContain('今後は、');
    expect(said).not.toContain('「背景：セール時に応答が遅くなる」');
    expect(said).toMatch(/3\.5倍|30%/u);
    expect(said).not.toMatch(/まとめると|この記事では/u);
  });

  it('gives each body slide one bullet per narration it speaks, and layouts from its content', () => {
    for (const section of script.sections.slice(1, -1)) {
      // A figure or quote panel is the point of the narration that says it.
      expect(section.bullets.length + (section.figure || section.quote ? 1 : 0)).toBeGreaterThanOrEqual(1);
      expect(section.bullets.length).toBeLessThanOrEqual(4);
    }
    const result = script.sections.find((s) => s.title === '結果：応答時間は3割短く' && s.figure);
    expect(result?.layout).toBe('figure');
    expect(result?.figure?.value).toBe('約30%');
    // The panel shows from the slide's first narration, which says the figure.
    expect(result?.narrations[0]?.text).toContain('30%');
    const layouts = script.sections.slice(1, -1).map((s) => s.layout);
    for (let i = 1; i < layouts.length; i++) {
      if (layouts[i] === 'figure') expect(layouts[i - 1]).not.toBe('figure');
    }
  });

  it('gives Latin-script words a katakana reading', () => {
    // (Latin-script words in body sentences: katakana.test.ts.)
    expect(script.sections[0]!.narrations[0]!.reading).toContain('エグザンプルテックブログ');
  });

  it('narrates clean text from the right section: the footnote and the URL sentence are gone', () => {
    const background = script.sections
      .filter((s) => s.title === '背景：セール時に応答が遅くなる')
      .flatMap((s) => s.narrations.map((n) => n.text))
      .join('');
    expect(background).toContain('3.5倍に達していました。');
    expect(background).not.toContain('[1]');
    const all = script.sections.flatMap((s) => s.narrations.map((n) => n.text)).join('');
    expect(all).not.toContain('詳しい数値は');
  });
});

describe('buildOfflineScript on an English article', () => {
  const bounds = { language: 'en' as const, maxSections: 12, charBudget: 2400 };
  const script = buildOfflineScript(englishArticle, bounds);

  it('is a valid script within the bounds, with headings as section titles', () => {
    expectWellFormed(script, bounds);
    expect(script.language).toBe('en');
    expect(uniqueTitles(script.sections)).toEqual([
      'How We Cut Our CI Build Times in Half',
      // The lead beyond what the title slide has time for opens an introduction slide.
      'What this post covers',
      'Where the time went',
      'Caching the right things',
      // No phrase is true of both bullets of the third slide ("Full suite" names one): it keeps the heading.
      'Running only the tests that matter',
      'What we learned',
      'Summary',
    ]);
    for (const section of script.sections.slice(1, -1)) {
      expect(section.bullets.length + (section.figure || section.quote ? 1 : 0)).toBeGreaterThanOrEqual(1);
      expect(section.bullets.length).toBeLessThanOrEqual(4);
    }
  });

  it('keeps "Dr. Chen" in one sentence and ends with its main points, not the pointer to the article', () => {
    const all = script.sections.flatMap((s) => s.narrations.map((n) => n.text));
    // With room for it, the sentence about Dr. Chen is said whole.
    const roomy = buildOfflineScript(englishArticle, { ...bounds, charBudget: 3200 });
    const said = roomy.sections.flatMap((s) => s.narrations.map((n) => n.text));
    expect(said.some((t) => t.includes('Dr. Chen, who leads our developer productivity group'))).toBe(true);
    const closing = script.sections.at(-1)!.narrations.map((n) => n.text);
    expect(closing[0]).toMatch(/^To recap: /u);
    // The recap names the headline's result first (the fact the article leads with), and its
    // last point is the lesson the article ends on; a sign-off line closes the video.
    expect(closing[0]).toContain('19 minutes');
    expect(closing.at(-2)).toContain('short feedback loops make small pull requests the natural choice');
    expect(closing.at(-1)).toBe('That was "How We Cut Our CI Build Times in Half" from Example Engineering.');
    expect(all.join(' ')).not.toContain('original article');
    // The team tells it as "we": the opening says whose words the narration keeps.
    expect(script.sections[0]!.narrations[0]!.text).toBe(
      'Today we look at "How We Cut Our CI Build Times in Half" from Example Engineering. It is told in its author’s own words.',
    );
  });

  it('holds the title slide for about 15 seconds: the rest of the lead opens the first body slide', () => {
    const dated = buildOfflineScript({ ...englishArticle, published: '2024-05-02' }, bounds);
    const opening = dated.sections[0]!.narrations.map((n) => n.text);
    // The day is part of the introduction sentence, not a sentence of its own.
    expect(opening[0]).toBe(
      'Today we look at "How We Cut Our CI Build Times in Half" from Example Engineering, published 2 May 2024. It is told in its author’s own words.',
    );
    // The lead's main statement stays on the title slide; spoken at 17 characters a second, the slide lasts at most ~19 s.
    expect(opening[1]).toContain('Our continuous integration builds used to take about 40 minutes.');
    expect(opening.join(' ').length).toBeLessThanOrEqual(1.3 * 15 * 17);
    // Nothing of the lead is dropped: the next lead sentences open the first body slide, which has
    // a title of its own, not the next heading.
    const first = dated.sections[1]!;
    expect(first.title).not.toBe('Where the time went');
    const said = first.narrations.map((n) => n.text).join(' ');
    expect(said).toMatch(/^Engineers waited, switched context, and lost focus\. This post explains how/u);
  });

  it('writes the script in the language the article is in, even when asked for another (nothing is translated)', () => {
    const asked = buildOfflineScript(englishArticle, { ...bounds, language: 'ja' });
    expect(asked.language).toBe('en');
    expect(asked.sections.at(-1)!.title).toBe('Summary');
  });
});

describe('buildOfflineScript on an article without headings', () => {
  const bounds = { language: 'ja' as const, maxSections: 12, charBudget: 650 };
  const script = buildOfflineScript(japaneseArticleWithoutHeadings, bounds);

  it('cuts the paragraphs into 2–5 topics where the content shifts, each titled by its own topic', () => {
    expectWellFormed(script, bounds);
    const bodies = script.sections.slice(1, -1);
    const titles = uniqueTitles(bodies);
    // Each slide is titled by what it says: at least one title per topic, at most one per slide.
    expect(titles.length).toBeGreaterThanOrEqual(2);
    expect(titles.length).toBeLessThanOrEqual(bodies.length);
    // Short noun phrases, not the article's title numbered "(1/3)".
    for (const title of titles) {
      expect(title.length).toBeLessThanOrEqual(16);
      expect(title).not.toMatch(/\(\d+\/\d+\)|[、。はがをにのでと]$/u);
    }
    for (const body of bodies) {
      expect(body.bullets.length + (body.figure || body.quote ? 1 : 0)).toBeGreaterThanOrEqual(1);
    }
    expect(script.sections[0]!.narrations[1]!.text).toContain('北海道のある市立図書館');
    expect(script.sections.at(-1)!.narrations[0]!.text).not.toMatch(/^まとめると、/u);
  });

  it('shows the quote with its speaker', () => {
    const quote = script.sections.find((s) => s.layout === 'quote')?.quote;
    expect(quote).toEqual({
      text: '本を借りるだけでなく、静かに勉強できる場所としても使ってほしい',
      by: '館長',
    });
  });
});

describe('buildOfflineScript bounds', () => {
  it('merges headings when there are more than maxSections - 2', () => {
    const blocks = Array.from({ length: 20 }, (_, i) => [
      { type: 'heading' as const, level: 2, text: `第${i + 1}章の見出し` },
      {
        type: 'paragraph' as const,
        text: `第${i + 1}章では、${'データベースの設計について詳しく説明しています。'.repeat(1 + (i % 3))}`,
      },
    ]).flat();
    const article: Article = {
      url: 'https://example.jp/long',
      title: '長い記事',
      language: 'ja',
      blocks,
      headings: blocks.filter((b) => b.type === 'heading').map((b) => b.text),
      paragraphs: blocks.filter((b) => b.type === 'paragraph').map((b) => b.text),
      textLength: 2000,
      images: [],
    };
    const bounds = { language: 'ja' as const, maxSections: 8, charBudget: 2000 };
    const script = buildOfflineScript(article, bounds);
    expectWellFormed(script, bounds);
    expect(script.sections.length).toBe(8);
    expect(outlineArticle(article, 'ja', 6).topics).toHaveLength(6);
    // Every body title is one of the headings.
    for (const section of script.sections.slice(1, -1)) expect(article.headings).toContain(section.title);
  });

  it('respects every combination of section and character bounds', () => {
    for (const article of [japaneseArticle, englishArticle, japaneseArticleWithoutHeadings]) {
      for (const maxSections of [3, 4, 6, 12, 14]) {
        for (const charBudget of [100, 180, 300, 650, 2400]) {
          const bounds = { language: 'ja' as const, maxSections, charBudget };
          const script = buildOfflineScript(article, bounds);
          expectWellFormed(script, bounds);
        }
      }
    }
  });

  it('with a small budget, speaks about the biggest topics, each under its own heading', () => {
    const bounds = { language: 'ja' as const, maxSections: 12, charBudget: 220 };
    const script = buildOfflineScript(japaneseArticle, bounds);
    expectWellFormed(script, bounds);
    const bodies = script.sections.slice(1, -1);
    expect(bodies.length).toBeGreaterThanOrEqual(1);
    expect(bodies.length).toBeLessThan(4);
    const under = (heading: string) => {
      const start = japaneseArticle.blocks.findIndex((b) => b.text === heading);
      const next = japaneseArticle.blocks.findIndex(
        (b, i) => i > start && b.type === 'heading' && b.level === 2,
      );
      return japaneseArticle.blocks
        .slice(start + 1, next < 0 ? undefined : next)
        .map((b) => b.text)
        .join('');
    };
    for (const body of bodies) {
      for (const n of body.narrations) expect(under(body.title)).toContain(n.text.slice(0, 15));
    }
  });

  it('keeps the opening and closing and at least one body section with a small budget', () => {
    const bounds = { language: 'ja' as const, maxSections: 12, charBudget: 200 };
    const script = buildOfflineScript(japaneseArticle, bounds);
    expectWellFormed(script, bounds);
    expect(script.sections.length).toBeGreaterThanOrEqual(3);
  });
});

describe('buildOfflineScript opening', () => {
  it('makes no introduction slide for a short rest of the lead: the title slide says it', () => {
    const river = {
      ...articleOf('The river that changed its course after the spring floods of this year', 'en', [
        p(
          'The Varna river, which has run past the old mill town of Eskby for at least four centuries, left its bed during the April floods and now flows two kilometres further east across former farmland. Nobody was hurt.',
        ),
        h2('What happened'),
        p(
          'Heavy rain fell for nine days in the hills above the town. The levee north of the mill gave way on the night of 12 April and the water cut a new channel through the fields.',
        ),
        h2('What comes next'),
        p(
          'The council will decide in June whether to move the river back. Farmers want compensation for the land they lost.',
        ),
      ]),
      siteName: 'The Eskby Evening Courier',
    };
    const script = buildOfflineScript(river, { language: 'en', maxSections: 12, charBudget: 1400 });
    expect(script.sections[0]!.narrations.at(-1)!.text).toMatch(/Nobody was hurt\.$/u);
    expect(script.sections[1]!.title).toBe('What happened');
  });
});
