import type { Article, ArticleBlock } from '../extract/types.ts';

/**
 * How much of an article the script stage gets. Term extraction and sentence scoring grow faster
 * than linearly with the text (one 80,000-word paragraph took 90 s), and a narrated summary of a
 * few minutes needs far less. The 24 real pages in the test corpus reach at most 114,020
 * characters, 1,478 in one paragraph and 792 blocks (see docs/reliability.md), so none is cut.
 */
export const ARTICLE_CAPS = {
  /** Characters of all blocks together. */
  maxTextChars: 200_000,
  /** Characters of any one paragraph or heading. */
  maxBlockChars: 5_000,
  maxBlocks: 5_000,
  maxTitleChars: 1_000,
} as const;

export type ArticleCaps = { [K in keyof typeof ARTICLE_CAPS]: number };

/** A cut shorter than this part of the limit is not worth keeping a sentence boundary for. */
const MIN_KEPT_SHARE = 0.5;
const SENTENCE_END = /[。！？!?．]["'”’」』）)]*|[.!?]["'”’)]*(?=\s)/gu;

/**
 * `text` cut to at most `max` characters (UTF-16 units): after the last sentence end within the
 * limit, else at the last space, else anywhere (never inside a surrogate pair).
 */
export function cutAtSentence(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const floor = Math.floor(max * MIN_KEPT_SHARE);
  let sentenceEnd = -1;
  for (const match of head.matchAll(SENTENCE_END)) sentenceEnd = match.index + match[0].length;
  if (sentenceEnd >= floor) return head.slice(0, sentenceEnd).trimEnd();
  // The character just past the limit tells whether the limit itself falls between two words.
  const space = text.slice(0, max + 1).search(/\s\S*$/u);
  if (space >= floor) return head.slice(0, space).trimEnd();
  const last = head.charCodeAt(head.length - 1);
  // A high surrogate at the end would leave half a character.
  return last >= 0xd800 && last <= 0xdbff ? head.slice(0, -1) : head;
}

function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * The article cut to `caps`: every block (and the title) at most `maxBlockChars`, at most
 * `maxBlocks` blocks and `maxTextChars` characters in all, cut at sentence boundaries. Headings,
 * paragraphs, images and the text length follow the blocks that are kept. An article within the
 * caps is returned as it is.
 */
export function capArticle(article: Article, caps: ArticleCaps = ARTICLE_CAPS): Article {
  const blocks: ArticleBlock[] = [];
  let total = 0;
  let cut = false;
  for (const block of article.blocks) {
    if (blocks.length >= caps.maxBlocks || total >= caps.maxTextChars) {
      cut = true;
      break;
    }
    const text = cutAtSentence(block.text, Math.min(caps.maxBlockChars, caps.maxTextChars - total));
    if (text !== block.text) cut = true;
    if (text.length === 0) continue;
    blocks.push(text === block.text ? block : { ...block, text });
    total += text.length;
  }
  const title = cutAtSentence(article.title, caps.maxTitleChars);
  if (!cut && title === article.title) return article;

  const paragraphs = blocks.filter((b) => b.type === 'paragraph').map((b) => b.text);
  // Headings as the extractor listed them, limited to those whose blocks are kept (cut alike).
  const keptHeadings = new Map<string, number>();
  for (const b of blocks)
    if (b.type === 'heading') keptHeadings.set(b.text, (keptHeadings.get(b.text) ?? 0) + 1);
  const headings: string[] = [];
  for (const heading of article.headings) {
    const text = cutAtSentence(heading, caps.maxBlockChars);
    const left = keptHeadings.get(text) ?? 0;
    if (left === 0) continue;
    keptHeadings.set(text, left - 1);
    headings.push(text);
  }
  return {
    ...article,
    title,
    blocks,
    headings,
    paragraphs,
    images: article.images.filter((image) => image.afterBlock < blocks.length),
    textLength: paragraphs.reduce((sum, p) => sum + codePoints(p), 0),
  };
}
