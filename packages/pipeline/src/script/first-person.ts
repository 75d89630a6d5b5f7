import type { Language } from '../schema/script.ts';
import { splitSentences } from './sentences.ts';

/** Quotations: a speaker's "I" or "we" inside them is not the author's. */
const QUOTED = /“[^”]*”|"[^"]*"|「[^」]*」|『[^』]*』/gu;

const FIRST_PERSON: Record<Language, RegExp> = {
  // "us" only in lower case: "US" is the country.
  en: /\b(?:I|I['’](?:m|ve|d|ll)|[Mm]e|[Mm]y|[Mm]ine|[Ww]e|[Ww]e['’](?:re|ve|d|ll)|us|[Oo]urs?)\b/u,
  ja: /私|僕|わたし|ぼく|わたくし|我が家|うちの/u,
};

/** Share of an article's sentences that must speak in the first person (outside quotations). */
const MIN_SHARE = 0.2;
const MIN_SENTENCES = 3;

/**
 * Whether the author tells the article in the first person ("Twice a year we fire our big kiln",
 * 「私は毎朝…」): the narration keeps the author's words, so the opening says whose voice it is.
 */
export function speaksInFirstPerson(paragraphs: readonly string[], language: Language): boolean {
  const sentences = paragraphs.flatMap((p) => splitSentences(p, language));
  const own = sentences.filter((s) => FIRST_PERSON[language].test(s.replace(QUOTED, ' '))).length;
  return own >= MIN_SENTENCES && own >= MIN_SHARE * sentences.length;
}
