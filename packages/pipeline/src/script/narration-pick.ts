import type { Language } from '../schema/script.ts';
import { stripLeadingConnective } from './bullets.ts';
import { keepForLanguage, shortenAtBoundary, splitClauses } from './clauses.ts';
import { answersProblem } from './coverage-cues.ts';
import {
  ANNOUNCES_ITEMS,
  continuesQuote,
  FIRST_ITEM,
  introducesThingOf,
  isStory,
  LATER_ITEM,
  needsPredecessor,
  qualifiesPrevious,
} from './dependence.ts';
import { speaksAsAuthor } from './first-person.ts';
import { isLeadIn, type ScoredSentence, type SourceSentence } from './key-sentences.ts';
import { joinSpeech } from './narrations.ts';
import { pointsOutsideTheVideo, withoutPageReferences } from './page-references.ts';
import { splitSentences } from './sentences.ts';
import { isSpeakable, toSpeakable } from './speakable.ts';

/** A narration and the sentences it is made of (one, or two adjacent ones). */
export interface PickedNarration {
  text: string;
  sentences: ScoredSentence[];
  /** Two items of a list, shown as they are (see outline's withListsAsSentences). */
  listItem?: boolean;
}

const HAS_URL = /\b(?:https?:\/\/|www\.)\S/iu;
/** Sentences that end on a colon introduce something (a list, a quote) the script does not carry. */
const INTRODUCES_SOMETHING = /[:：]$/u;

/**
 * The sentences of the paragraphs, cleaned for speech, each a whole sentence that fits one
 * narration. A Japanese sentence too long for one narration keeps its main clause (the clauses
 * from a 、 on, which end on the predicate); a long English sentence is left out, as are
 * sentences with a URL (they point elsewhere) and sentences ending on a colon. When the
 * paragraphs have sentences that end like sentences, the rest (captions, credits) is left out.
 */
export function toSourceSentences(
  paragraphs: readonly string[],
  language: Language,
  maxChars: number,
): SourceSentence[] {
  const all = speakableSentences(paragraphs, language, maxChars);
  // Captions, credits, datelines and link labels do not end like sentences; when the section
  // has real sentences, only those are narrated.
  const finished = all.filter((s) => SENTENCE_END.test(s.text) || SPOKEN_LINE.test(s.text));
  return finished.length > 0 ? finished : all;
}

/** A sentence's end: a full stop, question or exclamation mark, maybe inside closing quotes. */
const SENTENCE_END = /[.!?。！？][\s"'”’」』)）]*$/u;
/** A line of speech in brackets, which Japanese closes without a stop: 「よし、あの肉も取り上げてやろう」 */
const SPOKEN_LINE = /^「[^「」]{4,}」$|^『[^『』]{4,}』$/u;

function speakableSentences(
  paragraphs: readonly string[],
  language: Language,
  maxChars: number,
): SourceSentence[] {
  return paragraphs.flatMap((paragraph, p) =>
    joinedAtInitials(splitSentences(paragraph, language), language)
      .filter((sentence) => !HAS_URL.test(sentence))
      .map(toSpeakable)
      .filter((sentence) => !pointsOutsideTheVideo(sentence, language))
      .map((sentence) => withoutPageReferences(sentence, language))
      .map((sentence) => (language === 'en' ? asTheArticle(sentence) : sentence))
      .map((sentence, k, all) =>
        k === all.length - 1 && p < paragraphs.length - 1
          ? framesWhatFollows(sentence, paragraphs[p + 1]!, language)
          : sentence,
      )
      .filter((sentence) => isSpeakable(sentence) && !INTRODUCES_SOMETHING.test(sentence))
      .flatMap((sentence) => fitSentences(sentence, language, maxChars))
      .map((text, position) => ({ text, paragraph: p, position })),
  );
}

/** The least a sentence ending on a colon says of its own to be said before what it introduces. */
const FRAMING_CHARS: Record<Language, number> = { en: 60, ja: 25 };

/**
 * A long sentence that ends its paragraph on a colon and says how to read what follows in the
 * part ("The list below is what I would buy again…, roughly in order of importance:"), ended as a
 * sentence: without it the list reads as having no order and no message. A short one ("Here is
 * how:") only introduces.
 */
function framesWhatFollows(sentence: string, next: string, language: Language): string {
  const trimmed = sentence.trim();
  if (!INTRODUCES_SOMETHING.test(trimmed) || trimmed.length < FRAMING_CHARS[language]) return sentence;
  if (language === 'en' && !/,\s/u.test(trimmed)) return sentence;
  // "…using a header of the following form:" before code: what it introduces is not said.
  if (/\b(?:following|as follows|like this|form|example|command|code|syntax)\b|次の|以下の/iu.test(trimmed))
    return sentence;
  if (
    /[{}<>=`$\\]/u.test(next) ||
    !/^[\p{Lu}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(next.trim())
  )
    return sentence;
  return trimmed.replace(/[:：]$/u, language === 'ja' ? '。' : '.');
}

/**
 * "This post explains…" said by the narrator sounds as if the video were the post: the writer's
 * "this post" becomes "the article" — except in a sentence in the writer's own voice ("this post
 * tries to answer them, with pictures from the firing we finished"), where "the article" and "we"
 * would be two speakers in one sentence.
 */
function asTheArticle(sentence: string): string {
  if (speaksAsAuthor(sentence, 'en')) return sentence;
  return sentence.replace(
    /\b([Tt])his (?:blog )?post\b/gu,
    (_, t: string) => `${t === 'T' ? 'T' : 't'}he article`,
  );
}

/**
 * Sentences split after an initial ("…by the U.S." | "Department of State…", "Dana F." |
 * "Besecker Company…") joined again: half a sentence is not a point to say.
 */
function joinedAtInitials(sentences: readonly string[], language: Language): string[] {
  if (language !== 'en') return [...sentences];
  const joined: string[] = [];
  for (const sentence of sentences) {
    const last = joined.at(-1);
    if (
      last !== undefined &&
      /(?:^|\s)(?:[A-Z]\.){1,2}$/u.test(last.trim()) &&
      /^[A-Z]/u.test(sentence.trim())
    ) {
      joined[joined.length - 1] = `${last.trim()} ${sentence.trim()}`;
    } else joined.push(sentence);
  }
  return joined;
}

/**
 * A sentence that fits one narration, or the parts that do: an English sentence too long to say
 * in one narration is said as its halves around a semicolon, each a sentence of its own ("…have
 * mostly gone quiet; a survey found that 58 percent…" keeps the survey's finding).
 */
function fitSentences(sentence: string, language: Language, maxChars: number): string[] {
  const fitted = fitSentence(sentence, language, maxChars);
  if (fitted !== undefined) return [fitted];
  if (language !== 'en' || !sentence.includes('; ')) return [];
  const parts = sentence.split(/;\s+/u);
  return parts.flatMap((part, i) => {
    const text = `${part[0]!.toUpperCase()}${part.slice(1)}${i < parts.length - 1 ? '.' : ''}`;
    return text.length <= maxChars && text.length >= 20 ? [text] : [];
  });
}

function fitSentence(sentence: string, language: Language, maxChars: number): string | undefined {
  if (sentence.length <= maxChars) return sentence;
  if (language !== 'ja') return undefined;
  const clauses = splitClauses(sentence, language);
  for (let start = 1; start < clauses.length; start++) {
    const rest = clauses.slice(start).join('').trim();
    if (rest.length <= maxChars) return rest.length >= maxChars / 3 ? rest : undefined;
  }
  return undefined;
}

export interface PickOptions {
  maxNarrations: number;
  /** When nothing fits the budget, cut the best sentence down so the section still says something. */
  required: boolean;
  maxChars: number;
  minChars: number;
}

/**
 * The best sentences that fit the budget, in document order, as at most `maxNarrations`
 * narrations of one sentence, or of two sentences that follow each other in the article.
 */
export function pickNarrations(
  scored: readonly ScoredSentence[],
  budget: number,
  language: Language,
  options: PickOptions,
): PickedNarration[] {
  const separator = language === 'en' ? 1 : 0;
  const { candidates, groups: group } = sentenceGroups(scored, language);
  // A sentence that points back is only a candidate together with what it points back to.
  const byScore = candidates
    .filter((s) => group.has(s))
    .sort((a, b) => b.score - a.score || a.index - b.index);
  let chosen: ScoredSentence[] = [];
  let used = 0;
  for (const sentence of byScore) {
    if (chosen.length >= options.maxNarrations * 2) break;
    const added = group.get(sentence)!.filter((s) => !chosen.includes(s));
    const cost = added.reduce((sum, s) => sum + s.text.length + separator, 0);
    if (used + cost <= budget && chosen.length + added.length <= options.maxNarrations * 2) {
      chosen.push(...added);
      used += cost;
    }
  }
  if (chosen.length === 0) {
    const best = byScore.find((s) => group.get(s)!.length === 1);
    if (!best || !options.required) return [];
    const cut = shortenAtBoundary(best.text, language, Math.max(budget, options.minChars / 2), {
      keep: keepForLanguage(language),
    });
    // A cut sentence still ends like one.
    const ended = language === 'ja' ? cut.replace(/[、，]$/u, '') : cut.replace(/[,;:]$/u, '');
    return ended ? [{ text: ended, sentences: [{ ...best, text: ended }] }] : [];
  }
  for (;;) {
    const ordered = [...chosen].sort((a, b) => a.index - b.index);
    const packed = toNarrations(ordered, language, options.maxChars, options.maxNarrations);
    if (packed.length <= options.maxNarrations) return packed;
    const weakest = chosen.reduce((a, b) => (b.score < a.score ? b : a));
    // What points back to the dropped sentence goes with it.
    chosen = chosen.filter((s) => s !== weakest && !group.get(s)!.includes(weakest));
  }
}

/**
 * The sentences of a part as they would be said (a connective with nothing before it dropped),
 * each with the sentences it cannot be said without (itself included). A sentence that points
 * back to nothing in the part has no group: it is not said.
 */
export function sentenceGroups(
  scored: readonly ScoredSentence[],
  language: Language,
): { candidates: ScoredSentence[]; groups: Map<ScoredSentence, ScoredSentence[]> } {
  const candidates = withoutDanglingConnectives(scored, language);
  const groups = isStory(
    candidates.map((s) => s.text),
    language,
  )
    ? storyGroups(candidates)
    : predecessorGroups(candidates, language);
  return { candidates, groups };
}

/**
 * A sentence that opens with a connective ("Also,", 「また、」) but has nothing before it in the
 * section is said without the connective when that leaves a sentence that stands on its own.
 */
function withoutDanglingConnectives(scored: readonly ScoredSentence[], language: Language): ScoredSentence[] {
  const indexes = new Set(scored.map((s) => s.index));
  return scored.map((sentence) => {
    if (indexes.has(sentence.index - 1) || !needsPredecessor(sentence.text, language)) return sentence;
    const text = sentenceCase(stripLeadingConnective(sentence.text, language));
    return text !== sentence.text && !needsPredecessor(text, language) ? { ...sentence, text } : sentence;
  });
}

/** "a groundbreaking study…" as a sentence opens: "A groundbreaking study…" (a word like "iPhone" is left as it is). */
function sentenceCase(text: string): string {
  return /^[a-z][a-z]*\b/u.test(text) ? text[0]!.toUpperCase() + text.slice(1) : text;
}

/** The characters a part needs to be told whole when it is a story; undefined for other parts. */
export function storyChars(scored: readonly ScoredSentence[], language: Language): number | undefined {
  if (
    !isStory(
      scored.map((s) => s.text),
      language,
    )
  )
    return undefined;
  const separator = language === 'en' ? 1 : 0;
  return scored.reduce((sum, s) => sum + s.text.length + separator, 0);
}

/**
 * In a story each event leads to the next: a sentence is said with every sentence before it, so
 * what is told is the story from its start, without gaps.
 */
function storyGroups(scored: readonly ScoredSentence[]): Map<ScoredSentence, ScoredSentence[]> {
  return new Map(scored.map((s, i) => [s, scored.slice(0, i + 1)]));
}

/**
 * For each sentence, the sentences it cannot be said without: itself and, when it points back,
 * the run of sentences before it up to one that stands on its own. A sentence pointing back to
 * nothing in the section has no entry.
 */
function predecessorGroups(
  scored: readonly ScoredSentence[],
  language: Language,
): Map<ScoredSentence, ScoredSentence[]> {
  const byIndex = new Map(scored.map((s) => [s.index, s]));
  const groups = new Map<ScoredSentence, ScoredSentence[]>();
  for (const sentence of scored) {
    const run = [sentence];
    let current = sentence;
    while (pointsBack(current.text, language) && run.length <= MAX_POINTING_BACK) {
      const previous = byIndex.get(current.index - 1);
      if (!previous) break;
      run.unshift(previous);
      current = previous;
    }
    if (!pointsBack(current.text, language)) groups.set(sentence, run);
  }
  // "…remove the burr" is said only with the sentence that introduced "a small burr".
  if (language === 'en') {
    for (const sentence of scored) {
      const introducer = introducingSentence(sentence, scored);
      if (!introducer || !groups.has(sentence)) continue;
      const needed = groups.get(introducer);
      if (!needed) groups.delete(sentence);
      else
        groups.set(
          sentence,
          [...new Set([...needed, ...groups.get(sentence)!])].sort((a, b) => a.index - b.index),
        );
    }
  }
  // An enumeration is said whole or not at all: "three reasons" followed by only the second is
  // what viewers called the worst kind of gap.
  for (const run of enumerationRuns(scored, language)) for (const sentence of run) groups.set(sentence, run);
  return withWholePoints(groups, scored, language);
}

/** Openers of a sentence that backs up the claim before it: 「実際、…」, "Indeed, …". */
const BACKS_UP: Record<Language, RegExp> = {
  ja: /^(?:実際|事実|現に)[、，]/u,
  en: /^(?:indeed|sure enough)\b/iu,
};

/** How many sentences after a lead-in ("Other ports are watching closely.") are its point. */
const LEAD_IN_PAYOFF = 2;

/**
 * Groups grown so that a point is said whole: a lead-in with the sentences that make its point
 * (「もう一つのコツは、ぬるま湯の温度です。」 and the temperature it recommends), a claim with the
 * caveat that qualifies it (「…同じパンを囲むことができます。ただし…必ず表示を確認してください。」),
 * and a quotation with the sentence that goes on with it. Each group then holds everything its
 * members need; a sentence needing one that cannot be said is not said either.
 */
function withWholePoints(
  groups: Map<ScoredSentence, ScoredSentence[]>,
  scored: readonly ScoredSentence[],
  language: Language,
): Map<ScoredSentence, ScoredSentence[]> {
  const byIndex = new Map(scored.map((s) => [s.index, s]));
  const needs = new Map<ScoredSentence, ScoredSentence[]>();
  const need = (sentence: ScoredSentence, needed: ScoredSentence) =>
    needs.set(sentence, [...(needs.get(sentence) ?? []), needed]);
  for (const sentence of scored) {
    const next = byIndex.get(sentence.index + 1);
    const sameParagraph = next !== undefined && next.paragraph === sentence.paragraph;
    if (isLeadIn(sentence.text, language)) {
      for (let k = 1; k <= LEAD_IN_PAYOFF; k++) {
        const after = byIndex.get(sentence.index + k);
        if (after?.paragraph !== sentence.paragraph) break;
        need(sentence, after);
      }
    }
    if (sameParagraph && qualifiesPrevious(next.text, language)) need(sentence, next);
    // The measure or test that answers a problem is said with what it answers: 「…が目安です」
    // after the step it is the measure of.
    if (sameParagraph && answersProblem(next.text, language)) need(next, sentence);
    // 「実際、…」 backs up the claim before it: said alone, it backs up nothing.
    if (sameParagraph && BACKS_UP[language].test(next.text.trim())) need(next, sentence);
    if (next && continuesQuote(sentence.text, next.text, language)) {
      need(sentence, next);
      need(next, sentence);
    }
  }
  if (needs.size === 0) return groups;
  // Until nothing changes: each group takes in the groups of its members and of what they need.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [sentence, group] of groups) {
      const members = new Set(group);
      let sayable = true;
      for (const member of group) {
        for (const needed of [member, ...(needs.get(member) ?? [])]) {
          const theirs = groups.get(needed);
          if (!theirs) sayable = false;
          else for (const s of theirs) members.add(s);
        }
      }
      if (!sayable) {
        groups.delete(sentence);
        changed = true;
      } else if (members.size > group.length) {
        groups.set(
          sentence,
          [...members].sort((a, b) => a.index - b.index),
        );
        changed = true;
      }
    }
  }
  return groups;
}

/**
 * Openers that add one more point of the same kind (「また、…」「さらに、…」, "Also, …"): the sentence
 * needs some point before it, not the one just before it, which may be a side remark.
 */
const ADDS_ANOTHER: Record<Language, RegExp> = {
  ja: /^(?:また|さらに|加えて|そのほか)[、，]/u,
  en: /^(?:also|in addition|additionally|moreover|furthermore|besides),?\s/iu,
};

/** Whether a sentence cannot be said without the one before it (an additive opener needs only a point before it). */
function pointsBack(text: string, language: Language): boolean {
  if (ADDS_ANOTHER[language].test(text.trim())) {
    const rest = stripLeadingConnective(text, language);
    if (rest !== text && !needsPredecessor(rest, language)) return false;
  }
  return needsPredecessor(text, language);
}

/** How many paragraphs back a thing named with "a" is looked for when a sentence says "the" thing. */
const INTRODUCED_WITHIN_PARAGRAPHS = 1;

/** The nearest earlier sentence (in this paragraph or the one before) that introduced a thing this one names with "the". */
function introducingSentence(
  sentence: ScoredSentence,
  scored: readonly ScoredSentence[],
): ScoredSentence | undefined {
  return scored
    .filter(
      (s) => s.index < sentence.index && s.paragraph >= sentence.paragraph - INTRODUCED_WITHIN_PARAGRAPHS,
    )
    .sort((a, b) => b.index - a.index)
    .find((before) => introducesThingOf(before.text, sentence.text));
}

/**
 * Runs of sentences in one paragraph that enumerate: from the sentence announcing the items (or
 * the first item) through the last item.
 */
function enumerationRuns(scored: readonly ScoredSentence[], language: Language): ScoredSentence[][] {
  const runs: ScoredSentence[][] = [];
  const byParagraph = new Map<number, ScoredSentence[]>();
  for (const s of scored) byParagraph.set(s.paragraph, [...(byParagraph.get(s.paragraph) ?? []), s]);
  for (const sentences of byParagraph.values()) {
    const lastItem = sentences.findLastIndex((s) => LATER_ITEM[language].test(s.text.trim()));
    if (lastItem < 0) continue;
    const first = sentences.findIndex(
      (s, i) =>
        i < lastItem && (ANNOUNCES_ITEMS[language].test(s.text) || FIRST_ITEM[language].test(s.text.trim())),
    );
    if (first < 0) continue;
    runs.push(sentences.slice(first, lastItem + 1));
  }
  return runs;
}

/** How many sentences in a row may each lean on the one before. */
const MAX_POINTING_BACK = 2;

/**
 * How many narrations `pickNarrations` makes of these sentences (in document order) when it may
 * make at most `maxNarrations` (see toNarrations).
 */
export function countNarrations(
  sentences: readonly ScoredSentence[],
  language: Language,
  maxChars: number,
  maxNarrations: number,
): number {
  return toNarrations(sentences, language, maxChars, maxNarrations).length;
}

/**
 * Sentences (in document order) as narrations: one sentence per narration, each with its bullet,
 * a lead-in ("Not everyone is convinced.", 「もう一つのコツは、ぬるま湯の温度です。」) said with the
 * sentence after it, which its bullet shows (alone, it left its slide empty while it was said);
 * when that makes more than `maxNarrations`, adjacent sentences of a paragraph are paired.
 */
function toNarrations(
  sentences: readonly ScoredSentence[],
  language: Language,
  maxChars: number,
  maxNarrations: number,
): PickedNarration[] {
  const single: PickedNarration[] = [];
  for (const sentence of sentences) {
    const last = single.at(-1);
    if (last && last.sentences.length === 1 && joinsAfter(last.sentences[0]!, sentence, language, true)) {
      const joined = joinSpeech(last.text, sentence.text, language);
      if (joined.length <= maxChars) {
        single[single.length - 1] = { text: joined, sentences: [...last.sentences, sentence] };
        continue;
      }
    }
    single.push({ text: sentence.text, sentences: [sentence] });
  }
  return single.length <= maxNarrations ? single : packAdjacent(sentences, language, maxChars);
}

/**
 * Whether `sentence` may be said in one narration after `previous`: it follows it in the same
 * paragraph (a quote and the next paragraph's topic are two things to say), is not an item of an
 * enumeration (each item starts a narration, so each gets its bullet) nor a lead-in (which opens
 * the next narration). With `leadInsOnly`, only a lead-in takes the sentence after it.
 */
function joinsAfter(
  previous: ScoredSentence,
  sentence: ScoredSentence,
  language: Language,
  leadInsOnly = false,
): boolean {
  const text = sentence.text.trim();
  return (
    previous.index + 1 === sentence.index &&
    previous.paragraph === sentence.paragraph &&
    !FIRST_ITEM[language].test(text) &&
    !LATER_ITEM[language].test(text) &&
    !isLeadIn(text, language) &&
    (!leadInsOnly || isLeadIn(previous.text, language))
  );
}

/** Joins a sentence with the next one only when it directly follows it in the article and both fit. */
function packAdjacent(
  sentences: readonly ScoredSentence[],
  language: Language,
  maxChars: number,
): PickedNarration[] {
  const narrations: PickedNarration[] = [];
  for (const sentence of sentences) {
    const last = narrations.at(-1);
    const previous = last?.sentences.at(-1);
    if (last && last.sentences.length === 1 && previous && joinsAfter(previous, sentence, language)) {
      const joined = joinSpeech(last.text, sentence.text, language);
      if (joined.length <= maxChars) {
        last.text = joined;
        last.sentences.push(sentence);
        continue;
      }
    }
    narrations.push({ text: sentence.text, sentences: [sentence] });
  }
  return narrations;
}
