import { describe, expect, it } from 'vitest';
import type { Article, ArticleBlock } from '../extract/types.ts';
import { groupEvenly, outlineArticle } from './outline.ts';

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
      { heading: '一つ目', subheadings: ['細目'], paragraphs: ['本文A。', '本文B。'] },
      { heading: '二つ目', subheadings: [], paragraphs: ['本文C。'] },
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
    expect(outline.topics.length).toBe(3);
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

describe('groupEvenly', () => {
  it('makes consecutive groups of similar length', () => {
    expect(groupEvenly(['aaaa', 'bb', 'cc', 'dddd', 'ee', 'ff'], 3)).toEqual([
      ['aaaa', 'bb'],
      ['cc', 'dddd'],
      ['ee', 'ff'],
    ]);
    // A unit longer than a share leaves no empty group behind.
    expect(groupEvenly(['a'.repeat(100), 'b', 'c'], 3)).toEqual([['a'.repeat(100)], ['b', 'c']]);
    expect(groupEvenly([], 3)).toEqual([]);
  });
});
