import type { Language } from '../schema/script.ts';
import { answersProblem, definesTerm, hedges, instructs, statesCaveat } from './coverage-cues.ts';
import type { ScoredSentence } from './key-sentences.ts';
import { sentenceGroups } from './narration-pick.ts';

/** One part of the article (a body section) as the chooser sees it. */
export interface CoveragePart {
  /** The part's sentences that may be said, scored. */
  scored: readonly ScoredSentence[];
  /** The characters the part needs to be told whole when it is a story (see storyChars). */
  story?: number;
  /** At most this many of its sentences are said (its slides' room). */
  maxSentences: number;
  /** Whether the part states the article's conclusion or moral: its sentences are kept first. */
  concludes?: boolean;
}

/** What a sentence of the part that states the article's conclusion or moral is worth extra. */
const CONCLUSION_BONUS = 1.0;

/** At most this share of the budget goes to telling stories whole. */
const MAX_STORY_SHARE = 0.7;

/**
 * The sentences said in each part, in document order, when the article is told within `budget`
 * characters. The choice is made over the whole article, not per part: every part first gets its
 * most valuable point (so no heading goes silent), then sentences are added from the most valuable
 * down, each with the sentences it cannot be said without, while they fit. So when the budget
 * forces cuts, the sentences cut are the article's least informative ones wherever they are, and
 * no part gives up a key explanation so that another can keep its scene-setting. A story that fits
 * is told whole first.
 */
export function chooseSentences(
  parts: readonly CoveragePart[],
  budget: number,
  language: Language,
): ScoredSentence[][] {
  const separator = language === 'en' ? 1 : 0;
  const prepared = parts.map((part) => sentenceGroups(part.scored, language));
  const chosen = parts.map(() => new Set<ScoredSentence>());
  let left = budget;
  const add = (k: number, group: readonly ScoredSentence[]): boolean => {
    const added = group.filter((s) => !chosen[k]!.has(s));
    const cost = added.reduce((sum, s) => sum + s.text.length + separator, 0);
    if (cost > left || chosen[k]!.size + added.length > parts[k]!.maxSentences) return false;
    for (const s of added) chosen[k]!.add(s);
    left -= cost;
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

  const ranked = prepared.flatMap(({ candidates, groups }, k) =>
    candidates
      .filter((s) => groups.has(s))
      .map((s) => ({
        k,
        s,
        group: groups.get(s)!,
        value: keepValue(s.text, s.score, language) + (parts[k]!.concludes ? CONCLUSION_BONUS : 0),
      })),
  );
  ranked.sort((a, b) => b.value - a.value || a.k - b.k || a.s.index - b.s.index);
  // Each part's best point first, so that a part is not left with nothing to say.
  for (const k of parts.keys()) {
    if (chosen[k]!.size > 0) continue;
    for (const r of ranked) if (r.k === k && add(k, r.group)) break;
  }
  for (const r of ranked) add(r.k, r.group);

  return prepared.map(({ candidates }, k) => candidates.filter((s) => chosen[k]!.has(s)));
}

/** What keeping a sentence is worth beyond its score: definitions, caveats and answers are kept before remarks. */
const BONUS = { defines: 1.0, caveat: 0.6, answer: 0.6, instruction: 0.5, hedge: -0.5 } as const;

/**
 * How much a sentence is worth keeping when not all can be said: its score, plus a bonus when it
 * defines a term, states a caveat or warning, answers a stated problem or tells the reader what to
 * do, less when it only guesses. A term left undefined, a claim without its condition, a problem
 * without its fix and a recipe without a step are what viewers miss; a guess is not.
 */
export function keepValue(text: string, score: number, language: Language): number {
  return (
    score +
    (definesTerm(text, language) ? BONUS.defines : 0) +
    (statesCaveat(text, language) ? BONUS.caveat : 0) +
    (answersProblem(text, language) ? BONUS.answer : 0) +
    (instructs(text, language) ? BONUS.instruction : 0) +
    (hedges(text, language) ? BONUS.hedge : 0)
  );
}
