import type { Language } from '../schema/script.ts';
import { chunkAtBoundaries } from './clauses.ts';

/** A sentence as pieces short enough to speak as one narration (cut at commas/、 when too long). */
export function toNarrationUnits(sentence: string, language: Language, maxChars: number): string[] {
  return chunkAtBoundaries(sentence, language, maxChars);
}

/** Joins two consecutive pieces of speech the way the language writes them. */
export function joinSpeech(a: string, b: string, language: Language): string {
  return language === 'ja' ? `${a}${b}` : `${a} ${b}`;
}

/**
 * Adds a sentence to the narrations being written: onto the last one while the two fit
 * `maxChars` together, else as a new narration.
 */
export function appendSpeech(lines: string[], sentence: string, language: Language, maxChars: number): void {
  const last = lines.at(-1);
  const joined = last === undefined ? undefined : joinSpeech(last, sentence, language);
  if (joined !== undefined && joined.length <= maxChars) lines[lines.length - 1] = joined;
  else lines.push(sentence);
}

/**
 * Packs consecutive sentences into narrations of one or two sentences, each at most `maxChars`.
 * The order is kept.
 */
export function packNarrations(units: readonly string[], language: Language, maxChars: number): string[] {
  const narrations: string[] = [];
  let pending: string | undefined;
  for (const unit of units) {
    if (pending === undefined) {
      pending = unit;
      continue;
    }
    const joined = joinSpeech(pending, unit, language);
    if (joined.length <= maxChars) {
      narrations.push(joined);
      pending = undefined;
    } else {
      narrations.push(pending);
      pending = unit;
    }
  }
  if (pending !== undefined) narrations.push(pending);
  return narrations;
}
