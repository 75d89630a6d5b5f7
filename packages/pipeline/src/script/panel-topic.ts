import type { Language } from '../schema/script.ts';
import { extractTerms } from './terms.ts';

/**
 * A narration opening like this goes on about what was just said ("That is a good result…",
 * "Because it fits…", 「これは…」): a pronoun among its first words, or a "but".
 */
const REFERS_BACK: Record<Language, RegExp> = {
  en: /^(?:(?:[\w’']+,?\s){0,2}(?:that|this|these|those|it|its|they|their|such)|but|however|still|even so)\b/iu,
  ja: /^(?:これ|それ|この|その|こう|そう|こうした|そうした|ただし|なお|しかし|でも)/u,
};

/**
 * Whether a narration goes on about the panel's (the figure's) narration: it refers back to it or
 * shares a content word with it ("…610 cyclists a day…" then "…the counter on River Street…").
 */
export function goesOnAbout(panelText: string, text: string, language: Language): boolean {
  if (REFERS_BACK[language].test(text.trim().replace(/^["“「『]/u, ''))) return true;
  const panelTerms = new Set(extractTerms(panelText, language));
  return extractTerms(text, language).some((term) => panelTerms.has(term));
}

/**
 * Where a figure panel's slide ends: after the figure's narration and the ones that go on about
 * it or about one kept before them, when narrations on other things follow (shown under the figure, their bullets read as
 * the figure's: "172 steps" over the museum's collection). Undefined when all of them go on about it.
 */
export function figureEnd(texts: readonly string[], at: number, language: Language): number | undefined {
  const panelText = texts[at];
  if (panelText === undefined) return undefined;
  let end = at + 1;
  // Each narration kept on the slide widens what the next may go on about.
  let about = panelText;
  while (end < texts.length && goesOnAbout(about, texts[end]!, language)) about += ` ${texts[end++]!}`;
  return end < texts.length ? end : undefined;
}

/** Whether a sentence is about one of the given headings' parts: it shares a content word with one. */
export function foreshadows(text: string, headings: readonly string[], language: Language): boolean {
  const terms = new Set(extractTerms(text, language));
  return headings.some((heading) => extractTerms(heading, language).some((term) => terms.has(term)));
}
