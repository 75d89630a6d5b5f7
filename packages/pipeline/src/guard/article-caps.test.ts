import { describe, expect, it } from 'vitest';
import type { Article } from '../extract/types.ts';
import { capArticle, cutAtSentence } from './article-caps.ts';

describe('cutAtSentence', () => {
  it('keeps text within the limit as it is', () => {
    expect(cutAtSentence('Short. Text.', 100)).toBe('Short. Text.');
  });

  it('cuts after the last sentence that fits, in English and Japanese', () => {
    expect(cutAtSentence('One two three. Four five six. Seven eight nine.', 35)).toBe(
      'One two three. Four five six.',
    );
    expect(cutAtSentence('潮は満ち引きする。月が海を引く。だから一日に二回。', 20)).toBe(
      '潮は満ち引きする。月が海を引く。',
    );
  });

  it('falls back to a word boundary, then to a hard cut that never splits a surrogate pair', () => {
    expect(cutAtSentence('no sentence end in this rather long line of words', 30)).toBe(
      'no sentence end in this rather',
    );
    const emoji = '😀'.repeat(10);
    const cut = cutAtSentence(emoji, 7);
    expect(cut).toBe('😀😀😀');
    // No lone surrogate left at the end.
    expect(cut).toMatch(/^(?:\p{Extended_Pictographic})+$/u);
  });
});

function article(blocks: Article['blocks'], extra: Partial<Article> = {}): Article {
  const paragraphs = blocks.filter((b) => b.type === 'paragraph').map((b) => b.text);
  return {
    url: 'https://example.com/a',
    title: 'Tides',
    language: 'en',
    blocks,
    headings: blocks.filter((b) => b.type === 'heading').map((b) => b.text),
    paragraphs,
    textLength: paragraphs.join('').length,
    images: [],
    ...extra,
  };
}

const CAPS = { maxTextChars: 1000, maxBlockChars: 300, maxBlocks: 10, maxTitleChars: 50 };

describe('capArticle', () => {
  it('returns an article within the caps unchanged', () => {
    const a = article([{ type: 'paragraph', text: 'The tide rises. '.repeat(5) }]);
    expect(capArticle(a, CAPS)).toBe(a);
  });

  it('cuts one giant paragraph at a sentence boundary and recounts the text', () => {
    const giant = 'The tide rises and falls twice a day. '.repeat(2000);
    const capped = capArticle(article([{ type: 'paragraph', text: giant }]), CAPS);
    expect(capped.paragraphs).toHaveLength(1);
    expect(capped.paragraphs[0]!.length).toBeLessThanOrEqual(300);
    expect(capped.paragraphs[0]).toMatch(/day\.$/);
    expect(capped.blocks[0]!.text).toBe(capped.paragraphs[0]);
    expect(capped.textLength).toBe(capped.paragraphs[0]!.length);
  });

  it('keeps blocks up to the total and block-count caps; headings and images follow them', () => {
    const blocks: Article['blocks'] = [];
    for (let i = 0; i < 40; i++) {
      blocks.push({ type: 'heading', level: 2, text: `Part ${i}` });
      blocks.push({ type: 'paragraph', text: `Paragraph ${i} says something about the tides. `.repeat(3) });
    }
    const images = [
      { url: 'https://example.com/1.png', afterBlock: 1 },
      { url: 'https://example.com/2.png', afterBlock: 60 },
    ];
    const capped = capArticle(article(blocks, { images }), CAPS);
    expect(capped.blocks).toHaveLength(10);
    expect(capped.headings).toEqual(['Part 0', 'Part 1', 'Part 2', 'Part 3', 'Part 4']);
    expect(capped.paragraphs).toHaveLength(5);
    expect(capped.images.map((i) => i.url)).toEqual(['https://example.com/1.png']);

    const byText = capArticle(article(blocks), { ...CAPS, maxBlocks: 1000 });
    const total = byText.blocks.reduce((n, b) => n + b.text.length, 0);
    expect(total).toBeLessThanOrEqual(1000);
    expect(byText.blocks.length).toBeLessThan(80);
  });

  it('shortens a title longer than its cap', () => {
    const capped = capArticle(article([], { title: 'A very long headline about tides '.repeat(10) }), CAPS);
    expect(capped.title.length).toBeLessThanOrEqual(50);
    expect(capped.title).toMatch(/^A very long headline/);
  });
});
