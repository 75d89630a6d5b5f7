import type { Article, ArticleBlock } from '../extract/types.ts';
import type { Language } from '../schema/script.ts';
import { splitSentences } from './sentences.ts';
import { toSpeakable } from './speakable.ts';

/** One future body section: a main heading and the paragraphs under it. */
export interface Topic {
  heading?: string;
  /** Headings under the main one, and headings of topics merged into this one. */
  subheadings: string[];
  paragraphs: string[];
}

export interface Outline {
  /** Paragraphs before the first main heading (or the first paragraph when there are none). */
  lead: string[];
  topics: Topic[];
}

/** Body characters per topic when an article without headings is grouped into topics. */
const CHARS_PER_TOPIC: Record<Language, number> = { ja: 500, en: 1200 };
const MIN_GROUPS = 3;
const MAX_GROUPS = 5;

export interface OutlineOptions {
  /**
   * What to do with topics beyond `maxTopics`: merge the smallest into a neighbour (the default:
   * nothing is lost), or drop the smallest (when the budget only leaves room for a few topics,
   * each kept topic then speaks about its own heading).
   */
  overflow?: 'merge' | 'drop';
}

/**
 * The article's structure for a script: one topic per main heading (the highest heading level
 * used, usually h2), or, without headings, paragraphs grouped into 3–5 topics of similar size.
 * At most `maxTopics` topics.
 */
export function outlineArticle(
  article: Article,
  language: Language,
  maxTopics: number,
  options: OutlineOptions = {},
): Outline {
  const blocks = usableBlocks(article);
  const byHeadings = outlineByHeadings(blocks);
  // Headings with nothing under them (only a trailing "Related posts", say) do not structure the article.
  const outline = byHeadings.topics.some((t) => t.paragraphs.length > 0)
    ? byHeadings
    : outlineByGrouping(
        blocks.filter((b) => b.type === 'paragraph').map((b) => b.text),
        language,
        maxTopics,
      );
  const topics = outline.topics.filter((t) => t.paragraphs.length > 0);
  const limit = Math.max(0, maxTopics);
  const bounded = options.overflow === 'drop' ? keepLargest(topics, limit) : mergeSmallest(topics, limit);
  return { lead: outline.lead, topics: bounded };
}

function usableBlocks(article: Article): ArticleBlock[] {
  const source: ArticleBlock[] =
    article.blocks.length > 0
      ? article.blocks
      : article.paragraphs.map((text) => ({ type: 'paragraph', text }));
  const title = normalize(article.title);
  return source
    .map((b) => ({ ...b, text: b.type === 'heading' ? toSpeakable(b.text) : b.text.trim() }))
    .filter((b) => b.text.length > 0 && !(b.type === 'heading' && normalize(b.text) === title));
}

function normalize(text: string): string {
  return text.replace(/[\s\u3000]+/gu, '').toLowerCase();
}

function outlineByHeadings(blocks: readonly ArticleBlock[]): Outline {
  const mainLevel = mainHeadingLevel(blocks);
  const lead: string[] = [];
  const topics: Topic[] = [];
  for (const block of blocks) {
    const current = topics.at(-1);
    if (block.type === 'heading' && (block.level ?? 2) <= mainLevel) {
      topics.push({ heading: block.text, subheadings: [], paragraphs: [] });
    } else if (block.type === 'heading') {
      current?.subheadings.push(block.text);
    } else if (current) {
      current.paragraphs.push(block.text);
    } else {
      lead.push(block.text);
    }
  }
  return { lead, topics };
}

/**
 * The highest heading level used at least twice (a lone h1 above the h2s is a page title, not a
 * section), or the highest level when each is used once.
 */
function mainHeadingLevel(blocks: readonly ArticleBlock[]): number {
  const levels = blocks.filter((b) => b.type === 'heading').map((b) => b.level ?? 2);
  if (levels.length === 0) return Number.POSITIVE_INFINITY;
  const repeated = levels.filter((level, i) => levels.indexOf(level) !== i);
  return Math.min(...(repeated.length > 0 ? repeated : levels));
}

function outlineByGrouping(paragraphs: readonly string[], language: Language, maxTopics: number): Outline {
  if (paragraphs.length === 0) return { lead: [], topics: [] };
  let lead: string[];
  let units: string[];
  if (paragraphs.length >= 2) {
    lead = [paragraphs[0]!];
    units = paragraphs.slice(1);
  } else {
    // One long paragraph: its first sentence leads, the rest is grouped by sentence.
    const sentences = splitSentences(paragraphs[0]!, language);
    lead = sentences.slice(0, 1);
    units = sentences.slice(1);
  }
  if (units.length < MIN_GROUPS) {
    const sentences = units.flatMap((u) => splitSentences(u, language));
    if (sentences.length > units.length) units = sentences;
  }
  const total = units.reduce((sum, u) => sum + u.length, 0);
  const wanted = Math.round(total / CHARS_PER_TOPIC[language]);
  const groupCount = Math.min(Math.max(wanted, MIN_GROUPS), MAX_GROUPS, units.length, Math.max(1, maxTopics));
  return {
    lead,
    topics: groupEvenly(units, groupCount).map((group) => ({ subheadings: [], paragraphs: group })),
  };
}

/** Consecutive groups of similar total length. */
export function groupEvenly(units: readonly string[], groupCount: number): string[][] {
  if (groupCount <= 0 || units.length === 0) return [];
  const total = units.reduce((sum, u) => sum + u.length, 0);
  const share = total / groupCount;
  const groups: string[][] = Array.from({ length: groupCount }, () => []);
  let before = 0;
  for (const unit of units) {
    const group = Math.min(groupCount - 1, Math.floor((before + unit.length / 2) / share));
    groups[group]!.push(unit);
    before += unit.length;
  }
  return groups.filter((g) => g.length > 0);
}

export function topicLength(topic: Topic): number {
  return topic.paragraphs.reduce((sum, p) => sum + p.length, 0);
}

/**
 * Folds the smallest topic into the one before it (its heading becomes a subheading there, as if
 * it were an h3) until at most `maxTopics` remain; a smallest first topic joins the next one,
 * under the larger one's heading.
 */
function mergeSmallest(topics: readonly Topic[], maxTopics: number): Topic[] {
  const result = [...topics];
  if (maxTopics === 0) return [];
  while (result.length > maxTopics) {
    let smallest = 0;
    for (let i = 1; i < result.length; i++) {
      if (topicLength(result[i]!) < topicLength(result[smallest]!)) smallest = i;
    }
    const first = smallest === 0 ? 0 : smallest - 1;
    const a = result[first]!;
    const b = result[first + 1]!;
    const named = smallest === 0 && topicLength(b) > topicLength(a) ? b : a;
    const other = named === a ? b : a;
    const merged: Topic = {
      heading: named.heading ?? other.heading,
      subheadings: [
        ...a.subheadings,
        ...(other.heading && other.heading !== named.heading ? [other.heading] : []),
        ...b.subheadings,
      ],
      paragraphs: [...a.paragraphs, ...b.paragraphs],
    };
    result.splice(first, 2, merged);
  }
  return result;
}

/** The `maxTopics` largest topics, in document order. */
function keepLargest(topics: readonly Topic[], maxTopics: number): Topic[] {
  if (topics.length <= maxTopics) return [...topics];
  const kept = new Set([...topics].sort((a, b) => topicLength(b) - topicLength(a)).slice(0, maxTopics));
  return topics.filter((t) => kept.has(t));
}
