import type { Article, ArticleBlock } from '../extract/types.ts';
import type { Language } from '../schema/script.ts';
import { deniesPrevious } from './dependence.ts';
import { splitAt, topicBoundaries } from './segment.ts';
import { splitSentences } from './sentences.ts';
import { toSpeakable } from './speakable.ts';

/** One future body section: a main heading and the paragraphs under it. */
export interface Topic {
  heading?: string;
  /** Headings under the main one, and headings of topics merged into this one. */
  subheadings: string[];
  paragraphs: string[];
  /** Indexes in `Article.blocks` of the blocks this topic covers (its heading included): where its pictures are. */
  blocks: number[];
  /** Subheadings with the index in `paragraphs` of the first paragraph under each. */
  subsections?: Array<{ heading: string; from: number }>;
}

export interface Outline {
  /** Paragraphs before the first main heading (or the first paragraph when there are none). */
  lead: string[];
  /** Indexes in `Article.blocks` of the lead's blocks. */
  leadBlocks: number[];
  topics: Topic[];
  /** Paragraphs that are a list of short items read out two at a time (see withListsAsSentences). */
  lists?: ReadonlySet<string>;
  /** Paragraphs set apart as quotations (blockquotes, epigraphs), with whom each is by when the page says it. */
  quoted?: ReadonlyMap<string, string | undefined>;
  /** Paragraphs that are the items of an ordered list (a recipe's steps), with their step number from 1. */
  steps?: ReadonlyMap<string, number>;
}

/** Body characters per topic when an article without headings is grouped into topics. */
const CHARS_PER_TOPIC: Record<Language, number> = { ja: 450, en: 800 };
const MIN_GROUPS = 2;
const MAX_GROUPS = 5;
/**
 * Caps on the text a script is made from. A video speaks a few hundred characters of it, so a
 * paragraph past MAX_PARAGRAPH_CHARS is cut at a sentence end, and blocks past
 * MAX_ARTICLE_TEXT_CHARS are left out: term counting and sentence splitting stay cheap even for
 * an 80,000-word single <p>.
 */
export const MAX_PARAGRAPH_CHARS = 3000;
export const MAX_ARTICLE_TEXT_CHARS = 60_000;

/** "3.1 Foreign relations" / "2. Background": a heading's section number is not part of its title. */
const SECTION_NUMBER = /^(?:\d+(?:\.\d+)*\.?|[IVX]+\.)\s+(?=\S)/u;

/** Edit links and permalink anchors that pages put inside headings: "History[edit]", "Results #", "New process ¶". */
const HEADING_MARKS = /\[\s*(?:edit|編集|edit source|ソースを編集)\s*\]|\s*[#¶§🔗]\s*$/giu;

interface IndexedBlock extends ArticleBlock {
  /** Index in `Article.blocks`. */
  index: number;
  /** A run of short list items joined into one paragraph. */
  readAsList?: boolean;
}

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
  const blocks = withRepliesJoined(
    withListsAsSentences(withoutBackMatter(usableBlocks(article, language)), language),
    language,
  );
  const byHeadings = outlineByHeadings(blocks);
  // Headings with nothing under them (only a trailing "Related posts", say) do not structure the article.
  const outline = byHeadings.topics.some((t) => t.paragraphs.length > 0)
    ? byHeadings
    : outlineByTopicShift(
        blocks.filter((b) => b.type === 'paragraph'),
        language,
        maxTopics,
      );
  const withLead = splitLongLead(outline, blocks, language, maxTopics);
  const topics = withLead.topics.filter((t) => t.paragraphs.length > 0);
  const limit = Math.max(0, maxTopics);
  const bounded = options.overflow === 'drop' ? keepLargest(topics, limit) : mergeSmallest(topics, limit);
  const lists = new Set(blocks.filter((b) => b.readAsList).map((b) => b.text));
  const quoted = new Map(blocks.filter((b) => b.quoted).map((b) => [b.text, b.by]));
  const steps = orderedSteps(blocks);
  return { lead: withLead.lead, leadBlocks: withLead.leadBlocks, topics: bounded, lists, quoted, steps };
}

/**
 * The items of ordered lists (<ol>) said one by one, numbered from 1 within each run of them: a
 * sequence of at least two steps. Items read out together as one list sentence are not steps.
 * A procedure written as paragraphs is numbered the same way (see sequenceSteps).
 */
function orderedSteps(blocks: readonly IndexedBlock[]): Map<string, number> {
  const steps = new Map<string, number>();
  const isStep = (b: IndexedBlock | undefined) =>
    b !== undefined && b.type === 'paragraph' && b.list === 'ordered' && !b.readAsList;
  for (let i = 0; i < blocks.length; ) {
    let end = i;
    while (isStep(blocks[end])) end++;
    if (end - i >= 2) for (let k = i; k < end; k++) steps.set(blocks[k]!.text, k - i + 1);
    i = Math.max(end, i + 1);
  }
  for (const [text, step] of sequenceSteps(blocks)) if (!steps.has(text)) steps.set(text, step);
  return steps;
}

/** How the first paragraph of a procedure opens ("Start by flattening…", 「まず、…」). */
const FIRST_STEP =
  /^(?:(?:first(?: of all)?|to (?:begin|start)|start(?:ing)? (?:by|with)|begin(?:ning)? (?:by|with))\b|(?:まず|最初に|はじめに))/iu;
/** How each later paragraph of it opens ("Next, …", "Then …", "Finish with…", 「次に、…」). */
const LATER_STEP =
  /^(?:(?:next|then|after that|afterwards|second(?:ly)?|third(?:ly)?|now|finally|lastly|last of all|finish(?:ing)? (?:by|with|off))\b|(?:次に|それから|続いて|その後|最後に|仕上げに))/iu;

/**
 * A procedure written as paragraphs, not as a list: three or more paragraphs in a row (no heading
 * between) of which the first opens like a first step and each later one like a next step ("Start
 * by…", "Next, …", "Then …", "Finish with…"); each paragraph is a step, numbered from 1.
 */
function sequenceSteps(blocks: readonly IndexedBlock[]): Map<string, number> {
  const steps = new Map<string, number>();
  const isParagraph = (b: IndexedBlock | undefined) => b !== undefined && b.type === 'paragraph' && !b.list;
  for (let i = 0; i < blocks.length; i++) {
    if (!isParagraph(blocks[i]) || !FIRST_STEP.test(blocks[i]!.text.trim())) continue;
    let end = i + 1;
    while (isParagraph(blocks[end]) && LATER_STEP.test(blocks[end]!.text.trim())) end++;
    if (end - i >= 3) for (let k = i; k < end; k++) steps.set(blocks[k]!.text, k - i + 1);
  }
  return steps;
}

/** A lead of more paragraphs than this (a story told before its first heading) becomes topics of its own. */
const MAX_LEAD_PARAGRAPHS = 2;

/**
 * Text before the first heading is the lead; when it is long (a whole story above a "moral"
 * heading, say), only its first paragraph leads and the rest is cut into topics where the
 * content shifts, so the video does not skip it.
 */
function splitLongLead(
  outline: Outline,
  blocks: readonly IndexedBlock[],
  language: Language,
  maxTopics: number,
): Outline {
  if (outline.topics.length === 0 || outline.lead.length <= MAX_LEAD_PARAGRAPHS) return outline;
  const leadParagraphs = blocks.filter((b) => b.type === 'paragraph' && outline.leadBlocks.includes(b.index));
  // A lead of a few short paragraphs is one topic: cut three ways it left slides of one sentence.
  const leadChars = leadParagraphs.slice(1).reduce((sum, b) => sum + b.text.length, 0);
  const bySize = Math.max(1, Math.round(leadChars / CHARS_PER_TOPIC[language]));
  const split = outlineByTopicShift(
    leadParagraphs,
    language,
    Math.min(bySize, Math.max(1, Math.floor(maxTopics / 2))),
  );
  return { lead: split.lead, leadBlocks: split.leadBlocks, topics: [...split.topics, ...outline.topics] };
}

function usableBlocks(article: Article, language: Language): IndexedBlock[] {
  const source: ArticleBlock[] =
    article.blocks.length > 0
      ? article.blocks
      : article.paragraphs.map((text) => ({ type: 'paragraph', text }));
  const title = normalize(article.title);
  const blocks: IndexedBlock[] = [];
  let chars = 0;
  for (const [index, block] of source.entries()) {
    if (chars >= MAX_ARTICLE_TEXT_CHARS) break;
    const text =
      block.type === 'heading'
        ? toSpeakable(block.text.slice(0, MAX_PARAGRAPH_CHARS).replace(HEADING_MARKS, '')).replace(
            SECTION_NUMBER,
            '',
          )
        : capParagraph(block.text.trim(), language);
    if (text.length === 0 || (block.type === 'heading' && normalize(text) === title)) continue;
    blocks.push({ ...block, text, index });
    chars += text.length;
  }
  return blocks;
}

/** Headings of back matter: lists of references and links, not the article's points. */
const BACK_MATTER =
  /^(?:references|notes|footnotes|citations|sources|bibliography|see also|external links|further reading|related(?: articles| posts| stories)?|read more|more from .*|comments|参考文献|脚注|注釈|出典|関連項目|外部リンク|関連記事|参考|コメント|あわせて読みたい)$/iu;

/** The blocks without back-matter sections (a back-matter heading and what follows up to the next heading of its level or higher). */
function withoutBackMatter(blocks: readonly IndexedBlock[]): IndexedBlock[] {
  const kept: IndexedBlock[] = [];
  let skipLevel: number | undefined;
  for (const block of blocks) {
    if (block.type === 'heading') {
      const level = block.level ?? 2;
      if (skipLevel !== undefined && level <= skipLevel) skipLevel = undefined;
      if (skipLevel === undefined && BACK_MATTER.test(block.text.replace(/[\s:：]+$/u, ''))) {
        skipLevel = level;
        continue;
      }
    }
    if (skipLevel === undefined) kept.push(block);
  }
  return kept;
}

/** List items up to this long that do not end like sentences are read out as a list. */
const MAX_LIST_ITEM: Record<Language, number> = { ja: 40, en: 80 };
const LIST_ITEMS_PER_SENTENCE = 2;
/** A list sentence is shown whole as a bullet: at most a bullet's length (TEXT_LIMITS). */
const MAX_LIST_BULLET: Record<Language, number> = { ja: 44, en: 100 };
const ENDS_LIKE_SENTENCE = /[.!?。！？][\s"'”’」』)）]*$/u;

/**
 * A paragraph that opens with a short reply to the one before ("…was supposed to prove them
 * right." | "It did not. Counters on the two busiest routes…") gives the reply back to the
 * paragraph it answers: a topic cut between them dropped the turn of the story, and the claim
 * it turns down was said alone.
 */
function withRepliesJoined(blocks: readonly IndexedBlock[], language: Language): IndexedBlock[] {
  const result = [...blocks];
  const plain = (b: IndexedBlock | undefined) =>
    b !== undefined && b.type === 'paragraph' && !b.readAsList && !b.quoted && b.list === undefined;
  for (let i = 1; i < result.length; i++) {
    const block = result[i]!;
    const previous = result[i - 1];
    if (!plain(block) || !plain(previous)) continue;
    const [first, ...rest] = splitSentences(block.text, language);
    if (!first || rest.length === 0 || !deniesPrevious(first, language)) continue;
    const gap = language === 'ja' ? '' : ' ';
    result[i - 1] = { ...previous!, text: `${previous!.text.trim()}${gap}${first.trim()}` };
    result[i] = { ...block, text: rest.join(gap).trim() };
  }
  return result;
}

/**
 * A list of short items (ingredients, tools) becomes sentences of two items each, so a recipe's
 * quantities are said and shown rather than dropped as fragments: 「米粉 200グラム、塩 小さじ半分。」
 */
function withListsAsSentences(blocks: readonly IndexedBlock[], language: Language): IndexedBlock[] {
  const result: IndexedBlock[] = [];
  const isItem = (b: IndexedBlock) =>
    b.type === 'paragraph' &&
    b.list !== undefined &&
    b.text.length <= MAX_LIST_ITEM[language] &&
    !ENDS_LIKE_SENTENCE.test(b.text) &&
    // "We are running three experiments:" introduces the list; it is not one of its items.
    !/[:：]$/u.test(b.text);
  blocks = withSentenceListsJoined(withLongListsNamed(blocks, language), language);
  for (let i = 0; i < blocks.length; ) {
    let end = i;
    while (end < blocks.length && isItem(blocks[end]!)) end++;
    if (end - i < 3) {
      result.push(blocks[i]!);
      i++;
      continue;
    }
    // 「砂糖　大さじ1」: a name and its amount stay apart when the space is dropped for speech.
    const gap = language === 'ja' ? '・' : ' ';
    const items = blocks.slice(i, end).map((b) => b.text.trim().replace(/[\s\u3000]+/gu, gap));
    // "A coarse stone, a fine stone.": an item inside the sentence does not start with a capital article.
    const inside = (item: string, k: number) =>
      k > 0 ? item.replace(/^(?:A|An)\s/u, (m) => m.toLowerCase()) : item;
    const join = (group: readonly string[]) =>
      language === 'ja' ? group.join('、') : group.map(inside).join(', ');
    // Two items to a sentence when they fit one slide bullet together.
    const groups: string[][] = [];
    for (const item of items) {
      const last = groups.at(-1);
      if (
        last &&
        last.length < LIST_ITEMS_PER_SENTENCE &&
        join([...last, item]).length <= MAX_LIST_BULLET[language]
      ) {
        last.push(item);
      } else groups.push([item]);
    }
    const sentences = groups.map((group) => `${join(group)}${language === 'ja' ? '。' : '.'}`);
    result.push({ ...blocks[i]!, text: sentences.join(language === 'ja' ? '' : ' '), readAsList: true });
    i = end;
  }
  return result;
}

/**
 * A list of more items than this (or with an item too long for a bullet) is read as its items'
 * names, so that every item can be said; a shorter one is read item by item, each with what it is
 * for ("A coarse stone, around 1,000 grit, for setting the bevel and removing nicks.").
 */
export const MAX_SENTENCE_ITEMS = 12;
/** A list of this many sentence items or fewer is always read whole. */
const MIN_NAMED_ITEMS = 6;
/** "A coarse stone, around 1,000 grit, for setting the bevel." names "A coarse stone". */
const ITEM_NAME = /^([^,;:]{3,80}?)(?:,|;|:|\s(?:to|for|that|which|because)\s)/u;

/** An item's name: before its first comma or clause, else the whole short item without its full stop. */
function itemName(item: string): string | undefined {
  const named = ITEM_NAME.exec(item)?.[1]?.trim();
  if (named) return named;
  const whole = item.trim().replace(/[.!?]$/u, '');
  return whole.length <= 80 ? whole : undefined;
}

/**
 * An English list whose items are whole sentences ("A coarse stone, around 1,000 grit, for
 * setting the bevel.") is said item by item, each shown whole as a bullet with what it is for.
 * When it has more than MAX_SENTENCE_ITEMS items, or an item too long for a bullet, it is too long
 * to say that way, and a budget that keeps only some items loses tools a later step names: each
 * item is then said by its name, the words before its first comma or its "to/for/that…" clause
 * (or the whole item when it is that short).
 */
function withLongListsNamed(blocks: readonly IndexedBlock[], language: Language): IndexedBlock[] {
  if (language !== 'en') return [...blocks];
  const result = [...blocks];
  const isSentenceItem = (b: IndexedBlock | undefined) =>
    b?.type === 'paragraph' && b.list !== undefined && ENDS_LIKE_SENTENCE.test(b.text);
  for (let i = 0; i < result.length; ) {
    let end = i;
    while (end < result.length && isSentenceItem(result[end])) end++;
    const names = result.slice(i, end).map((b) => itemName(b.text));
    const tooLong = result.slice(i, end).some((b) => b.text.length > MAX_LIST_BULLET[language]);
    if (
      (end - i > MAX_SENTENCE_ITEMS || tooLong) &&
      end - i > MIN_NAMED_ITEMS &&
      names.every((n) => n !== undefined && n.split(' ').length >= 2)
    ) {
      for (let k = i; k < end; k++) result[k] = { ...result[k]!, text: names[k - i]! };
    }
    i = Math.max(end, i + 1);
  }
  return result;
}

/** A verb that makes an item's first words a statement rather than the name of a thing. */
const EN_STATEMENT =
  /\b(?:is|are|was|were|has|have|had|will|would|can|could|should|must|may|might|do|does|did)\b/iu;

/**
 * An English list of 3 to MAX_SENTENCE_ITEMS items that each name a thing and say what it is for,
 * short enough for a bullet
 * ("A spray bottle of water, because most stones cut best when wet.") is read out whole, each item
 * a narration shown as its bullet: one block read as a list, its items as its sentences.
 */
function withSentenceListsJoined(blocks: readonly IndexedBlock[], language: Language): IndexedBlock[] {
  if (language !== 'en') return [...blocks];
  // "A spray bottle of water, because…": a thing and what it is for, not a statement ("The mean is 4.33, …").
  const names = (text: string) => {
    const name = itemName(text);
    return name !== undefined && name.split(' ').length <= 14 && !EN_STATEMENT.test(name);
  };
  const isItem = (b: IndexedBlock | undefined) =>
    b?.type === 'paragraph' &&
    b.list !== undefined &&
    ENDS_LIKE_SENTENCE.test(b.text) &&
    b.text.length <= MAX_LIST_BULLET[language] &&
    names(b.text);
  const result: IndexedBlock[] = [];
  for (let i = 0; i < blocks.length; ) {
    let end = i;
    while (end < blocks.length && isItem(blocks[end])) end++;
    if (end - i < 3 || end - i > MAX_SENTENCE_ITEMS) {
      result.push(...blocks.slice(i, Math.max(end, i + 1)));
      i = Math.max(end, i + 1);
      continue;
    }
    const text = blocks
      .slice(i, end)
      .map((b) => b.text.trim())
      .join(' ');
    result.push({ ...blocks[i]!, text, readAsList: true });
    i = end;
  }
  return result;
}

/** At most MAX_PARAGRAPH_CHARS, cut after the last sentence that fits (hard cut when none does). */
export function capParagraph(text: string, language: Language): string {
  if (text.length <= MAX_PARAGRAPH_CHARS) return text;
  const head = text.slice(0, MAX_PARAGRAPH_CHARS);
  const sentences = splitSentences(head, language);
  // The last piece may be a sentence cut by the slice.
  const whole = sentences.length > 1 ? sentences.slice(0, -1) : sentences;
  return (language === 'ja' ? whole.join('') : whole.join(' ')).slice(0, MAX_PARAGRAPH_CHARS);
}

function normalize(text: string): string {
  return text.replace(/[\s\u3000]+/gu, '').toLowerCase();
}

function outlineByHeadings(blocks: readonly IndexedBlock[]): Outline {
  const mainLevel = mainHeadingLevel(blocks);
  const lead: string[] = [];
  const leadBlocks: number[] = [];
  const topics: Topic[] = [];
  for (const block of blocks) {
    const current = topics.at(-1);
    if (block.type === 'heading' && (block.level ?? 2) <= mainLevel) {
      topics.push({ heading: block.text, subheadings: [], paragraphs: [], blocks: [block.index] });
      continue;
    }
    if (current) current.blocks.push(block.index);
    else leadBlocks.push(block.index);
    if (block.type === 'heading' && current) {
      current.subheadings.push(block.text);
      current.subsections = [
        ...(current.subsections ?? []),
        { heading: block.text, from: current.paragraphs.length },
      ];
    } else if (current) current.paragraphs.push(block.text);
    else lead.push(block.text);
  }
  return { lead, leadBlocks, topics };
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

/**
 * An article without headings: the first paragraph leads, the rest is cut into 2–5 topics where
 * the vocabulary changes (see topicBoundaries); more topics for longer articles. With few
 * paragraphs, sentences are the units.
 */
function outlineByTopicShift(
  paragraphs: readonly IndexedBlock[],
  language: Language,
  maxTopics: number,
): Outline {
  if (paragraphs.length === 0) return { lead: [], leadBlocks: [], topics: [] };
  let lead: string[];
  let units: Array<{ text: string; block: number }>;
  const first = paragraphs[0]!;
  if (paragraphs.length >= 2) {
    lead = [first.text];
    units = paragraphs.slice(1).map((p) => ({ text: p.text, block: p.index }));
  } else {
    // One long paragraph: its first sentence leads, the rest is grouped by sentence.
    const sentences = splitSentences(first.text, language);
    lead = sentences.slice(0, 1);
    units = sentences.slice(1).map((text) => ({ text, block: first.index }));
  }
  if (units.length < MIN_GROUPS * 2) {
    const sentences = units.flatMap((u) =>
      splitSentences(u.text, language).map((text) => ({ text, block: u.block })),
    );
    if (sentences.length > units.length) units = sentences;
  }
  const total = units.reduce((sum, u) => sum + u.text.length, 0);
  const wanted = Math.round(total / CHARS_PER_TOPIC[language]);
  // Six paragraphs or more have room for three topics even when they are short.
  const least = units.length >= 6 ? MIN_GROUPS + 1 : MIN_GROUPS;
  const groupCount = Math.min(Math.max(wanted, least), MAX_GROUPS, units.length, Math.max(1, maxTopics));
  const boundaries = topicBoundaries(
    units.map((u) => u.text),
    language,
    groupCount,
  );
  return {
    lead,
    leadBlocks: [first.index],
    topics: splitAt(units, boundaries).map((group) => ({
      subheadings: [],
      paragraphs: group.map((u) => u.text),
      blocks: [...new Set(group.map((u) => u.block))],
    })),
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
      blocks: [...a.blocks, ...b.blocks],
    };
    // The part that loses its heading keeps it as a subsection title.
    const shift = a.paragraphs.length;
    const subsections = [
      ...(a.subsections ?? []),
      ...(named === a && b.heading ? [{ heading: b.heading, from: shift }] : []),
      ...(b.subsections ?? []).map((sub) => ({ ...sub, from: sub.from + shift })),
    ];
    if (named === b && a.heading) {
      subsections.unshift({ heading: a.heading, from: 0 });
      if (b.heading)
        subsections.splice(1 + (a.subsections?.length ?? 0), 0, { heading: b.heading, from: shift });
    }
    if (subsections.length > 0) merged.subsections = subsections;
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
