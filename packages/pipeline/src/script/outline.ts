import type { ArticleBlock, Article } from '../extract/types.ts';
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
  const outline = blocks.some((b) => b.type === 'heading')
    ? outlineByHeadings(blocks)
    : outlineByGrouping(
        blocks.map((b) => b.text),
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
    article.blocks.length > 0 ? article.blocks : article.paragraphs.map((text) => ({ type: 'paragraph', text }));
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
  return { lead, topics: groupEvenly(units, groupCount).map((group) => ({ subheadings: [], paragraphs: group })) };
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

/** Merges the smallest topic with its smaller neighbour until at most `maxTopics` remain. */
function mergeSmallest(topics: readonly Topic[], maxTopics: number): Topic[] {
  const result = [...topics];
  if (maxTopics === 0) return [];
  while (result.length > maxTopics) {
    let smallest = 0;
    for (let i = 1; i < result.length; i++) {
      if (topicLength(result[i]!) < topicLength(result[smallest]!)) smallest = i;
    }
    const left = result[smallest - 1];
    const right = result[smallest + 1];
    const neighbour =
      left && (!right || topicLength(left) <= topicLength(right)) ? smallest - 1 : smallest + 1;
    const first = Math.min(smallest, neighbour);
    const a = result[first]!;
    const b = result[first + 1]!;
    // The earlier heading names the merged topic: its paragraphs come first, and sentence scoring
    // favours early paragraphs, so the narration tends to match the title.
    const merged: Topic = {
      heading: a.heading ?? b.heading,
      subheadings: [...a.subheadings, ...(a.heading && b.heading ? [b.heading] : []), ...b.subheadings],
      paragraphs: [...a.paragraphs, ...b.paragraphs],
    };
    result.splice(first, 2, merged);
  }
  return result;
}

/** The `maxTopics` largest topics, in document order. */
function keepLargest(topics: readonly Topic[], maxTopics: number): Topic[] {
  if (topics.length <= maxTopics) return [...topics];
  const kept = new Set(
    [...topics]
      .sort((a, b) => topicLength(b) - topicLength(a))
      .slice(0, maxTopics),
  );
  return topics.filter((t) => kept.has(t));
}
