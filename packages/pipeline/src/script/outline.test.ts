import { describe, expect, it } from 'vitest';
import type { Article, ArticleBlock } from '../extract/types.ts';
import { capParagraph, MAX_PARAGRAPH_CHARS, outlineArticle } from './outline.ts';
import { topicBoundaries } from './segment.ts';

function articleOf(blocks: ArticleBlock[], title = '記事のタイトル'): Article {
  const paragraphs = blocks.filter((b) => b.type === 'paragraph').map((b) => b.text);
  return {
    url: 'https://example.jp/a',
    title,
    language: 'ja',
    blocks,
    headings: blocks.filter((b) => b.type === 'heading').map((b) => b.text),
    paragraphs,
    textLength: paragraphs.join('').length,
    images: [],
  };
}
const h = (level: number, text: string): ArticleBlock => ({ type: 'heading', level, text });
const p = (text: string): ArticleBlock => ({ type: 'paragraph', text });
/** Three h2 topics: A long, B tiny, C in between. */
const unevenTopics = () =>
  articleOf([
    h(2, 'A'),
    p('長い本文。'.repeat(20)),
    h(2, 'B'),
    p('短い。'),
    h(2, 'C'),
    p('中くらいの本文。'.repeat(5)),
  ]);

describe('outlineArticle', () => {
  it('uses the h2s as topics, h3s as their subheadings, and what comes before as the lead', () => {
    const outline = outlineArticle(
      articleOf([
        h(1, '記事のタイトル'),
        p('導入。'),
        h(2, '一つ目'),
        p('本文A。'),
        h(3, '細目'),
        p('本文B。'),
        h(2, '二つ目'),
        p('本文C。'),
      ]),
      'ja',
      10,
    );
    expect(outline.lead).toEqual(['導入。']);
    expect(outline.topics).toEqual([
      {
        heading: '一つ目',
        subheadings: ['細目'],
        paragraphs: ['本文A。', '本文B。'],
        blocks: [2, 3, 4, 5],
        subsections: [{ heading: '細目', from: 1 }],
      },
      { heading: '二つ目', subheadings: [], paragraphs: ['本文C。'], blocks: [6, 7] },
    ]);
  });

  it('treats a lone h1 that differs from the title as a page heading, not as the only topic', () => {
    const outline = outlineArticle(
      articleOf([h(1, 'ブログ名'), h(2, '一つ目'), p('本文A。'), h(2, '二つ目'), p('本文B。')]),
      'ja',
      10,
    );
    expect(outline.topics.map((t) => t.heading)).toEqual(['一つ目', '二つ目']);
  });

  it('groups the paragraphs when the headings have nothing under them', () => {
    const paragraphs = Array.from({ length: 7 }, (_, i) => p(`段落${i}の本文です。`.repeat(10)));
    const outline = outlineArticle(articleOf([...paragraphs, h(2, '関連記事')]), 'ja', 10);
    expect(outline.lead).toEqual([paragraphs[0]!.text]);
    expect(outline.topics.length).toBeGreaterThanOrEqual(2);
    expect(outline.topics.length).toBeLessThanOrEqual(5);
    expect(outline.topics.flatMap((t) => t.paragraphs)).toEqual(paragraphs.slice(1).map((b) => b.text));
  });

  it('folds the smallest topic into the one before it, keeping all the text', () => {
    const outline = outlineArticle(unevenTopics(), 'ja', 2);
    expect(outline.topics.map((t) => t.heading)).toEqual(['A', 'C']);
    expect(outline.topics[0]!.subheadings).toEqual(['B']);
    expect(outline.topics[0]!.paragraphs).toHaveLength(2);
  });

  it('drops the smallest topics instead when asked', () => {
    const outline = outlineArticle(unevenTopics(), 'ja', 2, { overflow: 'drop' });
    expect(outline.topics.map((t) => [t.heading, t.paragraphs.length])).toEqual([
      ['A', 1],
      ['C', 1],
    ]);
  });
});

describe('outlineArticle (replies)', () => {
  it('gives a short reply back to the paragraph it answers ("It did not.")', () => {
    const article = {
      ...articleOf([
        p(
          'Residents predicted that the lanes would sit empty. This winter was supposed to prove them right.',
        ),
        p('It did not. Counters on the two busiest routes recorded 610 cyclists a day.'),
        p('It did not snow in March, the almanac says. The lanes stayed clear.'),
      ]),
      language: 'en' as const,
    };
    const outline = outlineArticle(article, 'en', 1);
    const paragraphs = [...outline.lead, ...outline.topics.flatMap((t) => t.paragraphs)];
    expect(paragraphs[0]).toMatch(/prove them right\. It did not\.$/u);
    expect(paragraphs[1]).toMatch(/^Counters on the two busiest routes/u);
    // Not a reply: it says what did not happen.
    expect(paragraphs[2]).toMatch(/^It did not snow in March/u);
  });
});

describe('topicBoundaries', () => {
  const cats = (n: number) =>
    `The cat ${n} chased the mouse around the kitchen and the cat slept on the sofa.`;
  const rockets = (n: number) =>
    `The rocket ${n} launched from the pad and the rocket engine burned its fuel fast.`;

  it('puts the boundary where the vocabulary changes, not at an even split', () => {
    const units = [cats(1), cats(2), cats(3), cats(4), cats(5), rockets(1), rockets(2)];
    expect(topicBoundaries(units, 'en', 2)).toEqual([5]);
  });

  it('gives groupCount - 1 boundaries, none for a single group', () => {
    const units = [cats(1), cats(2), rockets(1), rockets(2), cats(3), cats(4)];
    expect(topicBoundaries(units, 'en', 3)).toEqual([2, 4]);
    expect(topicBoundaries(units, 'en', 1)).toEqual([]);
  });
});

describe('capParagraph', () => {
  it('cuts a huge paragraph at a sentence end within the cap, and is fast on 80,000 words', () => {
    const huge = 'Words keep coming in this sentence. '.repeat(16_000);
    const started = performance.now();
    const capped = capParagraph(huge.trim(), 'en');
    const outline = outlineArticle({ ...articleOf([p(huge)], 'Huge'), language: 'en' }, 'en', 5);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(capped.length).toBeLessThanOrEqual(MAX_PARAGRAPH_CHARS);
    expect(capped.endsWith('sentence.')).toBe(true);
    expect(
      outline.lead.join('').length + outline.topics.flatMap((t) => t.paragraphs).join('').length,
    ).toBeLessThanOrEqual(MAX_PARAGRAPH_CHARS);
  });
});

describe('lists of sentence items', () => {
  const li = (text: string): ArticleBlock => ({ type: 'paragraph', text, list: 'ordered' });
  const outlineOf = (items: readonly string[]) =>
    outlineArticle(
      {
        ...articleOf([h(2, 'What you need'), p('The essentials are few.'), ...items.map(li)], 'Tools'),
        language: 'en',
      },
      'en',
      4,
    );

  it('reads a list of things with what each is for as one list, each item whole', () => {
    const items = [
      'A coarse stone, around 1,000 grit, for setting the bevel and removing nicks.',
      'A fine stone, around 6,000 grit, for refining the edge.',
      'A honing guide that holds the blade at a fixed angle.',
      'A notebook for the angles you use on each tool.',
    ];
    const outline = outlineOf(items);
    expect([...(outline.lists ?? [])]).toEqual([items.join(' ')]);
  });

  it('leaves a list of statements to be picked sentence by sentence', () => {
    const outline = outlineOf([
      'The mean of this series is 4.33, and we detected 12 as an anomaly.',
      'If the 12 were a 120, the mean of the series would have been 16.33.',
      'A measure that is considered more robust is a median.',
    ]);
    expect(outline.lists?.size ?? 0).toBe(0);
  });
});
