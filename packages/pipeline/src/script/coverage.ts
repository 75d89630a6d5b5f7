import type { Language } from '../schema/script.ts';
import {
  answersProblem,
  definesTerm,
  givesColour,
  hedges,
  instructs,
  qualifiesPoint,
  setsScene,
  statesCaveat,
} from './coverage-cues.ts';
import { qualifiesPrevious } from './dependence.ts';
import type { ScoredSentence } from './key-sentences.ts';
import { countNarrations, sentenceGroups } from './narration-pick.ts';

/** One part of the article (a body section) as the chooser sees it. */
export interface CoveragePart {
  /** The part's sentences that may be said, scored. */
  scored: readonly ScoredSentence[];
  /** The characters the part needs to be told whole when it is a story (see storyChars). */
  story?: number;
  /** Narrations the part says besides the chosen sentences (its list items, a moved lead). */
  fixedNarrations: number;
  /** Whether the part states the article's conclusion or moral: its sentences are kept first. */
  concludes?: boolean;
}

export interface CoverageOptions {
  /** Longest narration: two sentences of a paragraph are said as one when they fit. */
  maxChars: number;
  /** Narrations one slide holds. */
  slideNarrations: number;
  /** Slides a part may take at most. */
  maxSlidesPerPart: number;
  /** Slides beyond one per part, shared by all parts. */
  spareSlides: number;
}

export interface CoverageChoice {
  /** Per part, the sentences said, in document order. */
  sentences: ScoredSentence[][];
  /** Per part, the slides its narrations take. */
  slides: number[];
}

/** At most this share of the budget goes to telling stories whole. */
const MAX_STORY_SHARE = 0.7;
/** What a sentence of the part that states the article's conclusion or moral is worth extra. */
const CONCLUSION_BONUS = 1.0;
/**
 * How much a sentence is worth less for each share of its part's fair share already said, when
 * nearly all of the article must be cut: a part that has said its share gives way to one that has
 * not, unless its sentence is clearly worth more. The penalty shrinks with the share that must
 * be cut: when nearly all of the article fits, what is cut is the least valuable wherever it is.
 */
const FILL_PENALTY = 1.0;

/**
 * The sentences said in each part, in document order, when the article is told within `budget`
 * characters. The choice is made over the whole article, not by fixed shares per part: every part
 * first gets its most valuable point (so no heading goes silent), then sentences are added from
 * the most valuable down, each with the sentences it cannot be said without, while they fit. A
 * sentence's value falls as its part fills its fair share (half an equal share, half in proportion
 * to its length), the more so the more of the article must be cut: a long article is still
 * covered section by section, while in an article that nearly fits, the sentences cut are its
 * least informative ones wherever they are (no part gives up a key explanation so that another can
 * keep its scene-setting). A story that fits is told whole
 * first. Parts get no more narrations than their slides hold.
 */
export function chooseSentences(
  parts: readonly CoveragePart[],
  budget: number,
  language: Language,
  options: CoverageOptions,
): CoverageChoice {
  const separator = language === 'en' ? 1 : 0;
  const prepared = parts.map((part) => sentenceGroups(part.scored, language));
  const chosen = parts.map(() => new Set<ScoredSentence>());
  const used = parts.map(() => 0);
  const lengths = parts.map((p) => p.scored.reduce((sum, s) => sum + s.text.length + separator, 0));
  const shares = fairShares(budget, lengths);
  const total = lengths.reduce((a, b) => a + b, 0);
  const penalty = FILL_PENALTY * Math.max(0, Math.min(1, 1 - budget / Math.max(1, total)));
  let left = budget;
  let spare = options.spareSlides;
  // A part's list items and moved lead take their slides first.
  const slides = parts.map((part) => {
    const needed = Math.min(
      options.maxSlidesPerPart,
      Math.max(1, Math.ceil(part.fixedNarrations / options.slideNarrations)),
    );
    const granted = Math.min(needed, 1 + Math.max(0, spare));
    spare -= granted - 1;
    return granted;
  });
  const cost = (k: number, group: readonly ScoredSentence[]) =>
    group.filter((s) => !chosen[k]!.has(s)).reduce((sum, s) => sum + s.text.length + separator, 0);
  /**
   * Slides part k needs with `group` added, or undefined when it cannot have them: one sentence
   * per narration (each with its bullet) while a slide can be had for them, else two sentences of
   * a paragraph to a narration.
   */
  const slidesWith = (k: number, group: readonly ScoredSentence[]): number | undefined => {
    const sentences = [...new Set([...chosen[k]!, ...group])].sort((a, b) => a.index - b.index);
    const most = Math.min(options.maxSlidesPerPart, slides[k]! + spare);
    const room = (count: number) => partRoom(count, options.slideNarrations, parts[k]!.fixedNarrations);
    for (let count = slides[k]!; count <= most; count++) if (sentences.length <= room(count)) return count;
    for (let count = slides[k]!; count <= most; count++) {
      if (countNarrations(sentences, language, options.maxChars, room(count)) <= room(count)) return count;
    }
    return undefined;
  };
  const add = (k: number, group: readonly ScoredSentence[]): boolean => {
    const price = cost(k, group);
    if (price > left) return false;
    const needed = slidesWith(k, group);
    if (needed === undefined) return false;
    spare -= needed - slides[k]!;
    slides[k] = needed;
    for (const s of group) chosen[k]!.add(s);
    left -= price;
    used[k]! += price;
    return true;
  };

  const stories = parts.reduce((sum, p) => sum + (p.story ?? 0), 0);
  if (stories > 0 && stories <= budget * MAX_STORY_SHARE) {
    for (const [k, part] of parts.entries()) {
      if (part.story === undefined) continue;
      const { candidates, groups } = prepared[k]!;
      add(
        k,
        candidates.filter((s) => groups.has(s)),
      );
    }
  }

  const ranked = prepared.flatMap(({ candidates, groups }, k) => {
    const values = qualifiedValues(candidates, language);
    return candidates
      .filter((s) => groups.has(s))
      .map((s) => ({
        k,
        group: groups.get(s)!,
        value: values.get(s)! + (parts[k]!.concludes ? CONCLUSION_BONUS : 0),
      }));
  });
  ranked.sort((a, b) => b.value - a.value);
  // Each part's best point first, so that a part is not left with nothing to say.
  for (const k of parts.keys()) {
    if (chosen[k]!.size > 0) continue;
    for (const r of ranked) if (r.k === k && add(k, r.group)) break;
  }
  // Then the most valuable of the rest, while anything fits; a sentence its part's slides cannot
  // hold stays out (parts only fill up).
  const open = ranked.filter((r) => r.group.some((s) => !chosen[r.k]!.has(s)));
  for (;;) {
    let best: (typeof open)[number] | undefined;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (const r of open) {
      if (r.group.every((s) => chosen[r.k]!.has(s)) || cost(r.k, r.group) > left) continue;
      const value = r.value - (penalty * used[r.k]!) / Math.max(1, shares[r.k]!);
      if (value > bestValue) {
        best = r;
        bestValue = value;
      }
    }
    if (!best) break;
    if (!add(best.k, best.group)) open.splice(open.indexOf(best), 1);
  }

  return {
    sentences: prepared.map(({ candidates }, k) => candidates.filter((s) => chosen[k]!.has(s))),
    slides,
  };
}

/** The fewest narrations a part with a list has besides its items: what introduces the list and what it ends on. */
const LIST_FRAME_NARRATIONS = 2;

/**
 * Narrations a part's `slides` hold besides its `fixed` ones (list items, a moved lead). A list
 * is shown on a slide of its own however long it is, so a part with one still has room to say
 * what introduces the list and the message it ends on ("…none of them will make up for a poor
 * routine").
 */
export function partRoom(slides: number, slideNarrations: number, fixed: number): number {
  const least = fixed >= slideNarrations ? LIST_FRAME_NARRATIONS : 1;
  return Math.max(least, slides * slideNarrations - fixed);
}

/**
 * Whether a sentence qualifies the point before it: a caveat on it (「ただし…」), the measure of a
 * step (「…が目安です」), or one of qualifiesPoint's (the response to a problem, how long something
 * keeps, a handling warning, an expert's reading, a list's message).
 */
function qualifies(text: string, language: Language): boolean {
  return (
    qualifiesPoint(text, language) || answersProblem(text, language) || qualifiesPrevious(text, language)
  );
}

/** What a step of a procedure (a part most of whose sentences tell the reader what to do) is worth extra: a recipe with a gap fails. */
const PROCEDURE_STEP_BONUS = 0.5;

/**
 * Each sentence's keep value (see keepValue), a step of a procedure's the more; a sentence that qualifies the point before it in
 * its paragraph (see qualifies) is worth at least as much as that point: told without it, the
 * point says something else than the article.
 */
function qualifiedValues(
  candidates: readonly ScoredSentence[],
  language: Language,
): Map<ScoredSentence, number> {
  const values = new Map<ScoredSentence, number>();
  const steps = candidates.filter((s) => instructs(s.text, language)).length;
  const procedure = steps >= 3 && steps * 2 >= candidates.length;
  let previous: ScoredSentence | undefined;
  for (const s of candidates) {
    const own =
      keepValue(s.text, s.score, language) +
      (procedure && instructs(s.text, language) ? PROCEDURE_STEP_BONUS : 0);
    const before =
      previous && previous.paragraph === s.paragraph && previous.index + 1 === s.index
        ? values.get(previous)
        : undefined;
    values.set(s, before !== undefined && qualifies(s.text, language) ? Math.max(own, before) : own);
    previous = s;
  }
  return values;
}

/**
 * A part's fair share of `total`: half an equal share, half in proportion to its length, so a
 * short part still gets room to say something.
 */
export function fairShares(total: number, lengths: readonly number[]): number[] {
  if (lengths.length === 0) return [];
  const sum = lengths.reduce((s, w) => s + Math.max(0, w), 0);
  const equal = total / lengths.length;
  return lengths.map((w) => 0.5 * equal + 0.5 * (sum > 0 ? (total * Math.max(0, w)) / sum : equal));
}

/** What keeping a sentence is worth beyond its score: definitions, caveats and answers are kept before remarks. */
const BONUS = {
  defines: 1.0,
  caveat: 0.6,
  answer: 0.6,
  qualifies: 0.6,
  instruction: 0.5,
  hedge: -0.5,
  scene: -0.5,
  colour: -0.5,
} as const;

/**
 * How much a sentence is worth keeping when not all can be said: its score, plus a bonus when it
 * defines a term, states a caveat or warning, answers a stated problem, qualifies the point before
 * it (see qualifiesPoint) or tells the reader what to do, less when it only guesses or sets the scene. A term left undefined, a claim without its
 * condition, a problem without its fix and a recipe without a step are what viewers miss; a guess
 * or a view of the quay is not.
 */
export function keepValue(text: string, score: number, language: Language): number {
  return (
    score +
    (definesTerm(text, language) ? BONUS.defines : 0) +
    (statesCaveat(text, language) ? BONUS.caveat : 0) +
    (answersProblem(text, language) ? BONUS.answer : 0) +
    (qualifiesPoint(text, language) ? BONUS.qualifies : 0) +
    (instructs(text, language) ? BONUS.instruction : 0) +
    (hedges(text, language) ? BONUS.hedge : 0) +
    (setsScene(text, language) ? BONUS.scene : 0) +
    (givesColour(text, language) ? BONUS.colour : 0)
  );
}
