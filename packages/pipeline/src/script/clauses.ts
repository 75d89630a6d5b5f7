import { loadDefaultJapaneseParser } from 'budoux';
import type { Language } from '../schema/script.ts';

const japanesePhrases = loadDefaultJapaneseParser();

/**
 * Splits after clause punctuation (、，, ; : and dashes), keeping it with the clause before.
 * Commas and colons inside numbers (5,000 / 10:30) are not clause breaks.
 */
export function splitClauses(text: string, language: Language): string[] {
  const pattern = language === 'ja' ? /(?<=[、，;；：])|(?<=[,:])(?!\d)/u : /(?<=[,;:]\s)|(?<=\s[—–]\s)/u;
  return text.split(pattern).filter((c) => c.length > 0);
}

/**
 * Splits into the smallest pieces a line may break between: budoux phrases for Japanese,
 * words (with their trailing space) for English. Joining the pieces gives the text back.
 */
export function splitPhrases(text: string, language: Language): string[] {
  if (language === 'ja') return japanesePhrases.parse(text);
  return text.split(/(?<=\s)/u).filter((w) => w.length > 0);
}

const TRAILING_JOINERS = /[\s、，,;；:：\-—–(（「『]+$/u;
const LEADING_JOINERS = /^[\s、，,;；:：\-—–)）」』]+/u;
/** Words an English fragment should not end on ("…every layer because the"). */
const DANGLING_EN =
  /(?:\s+(?:a|an|the|of|to|and|or|but|because|that|which|who|with|for|in|on|at|by|from|as|when|while|is|are|was|were|so|than|into|about|its|their|our|your|this|these|those))+$/iu;

export interface ShortenOptions {
  /**
   * Which part of a long text to keep when whole clauses fit: the start (titles, English) or
   * the end (Japanese sentences, whose main predicate comes last).
   */
  keep?: 'start' | 'end';
}

/** Which part of a sentence carries its point: the end in Japanese (the predicate), the start in English. */
export function keepForLanguage(language: Language): 'start' | 'end' {
  return language === 'ja' ? 'end' : 'start';
}

/**
 * The text cut to at most `maxChars` at a natural boundary: the longest run of whole clauses
 * (from the start or the end) when that keeps at least half the room, else the longest run of
 * whole phrases/words from the start; a hard cut only when even the first phrase is too long.
 * Never ends on a comma, an unclosed bracket or (English) a dangling article or conjunction.
 */
export function shortenAtBoundary(
  text: string,
  language: Language,
  maxChars: number,
  options: ShortenOptions = {},
): string {
  const trimmed = text.trim();
  if (trimmed.length <= maxChars) return trimmed;
  const clauses = splitClauses(trimmed, language);
  const candidates =
    options.keep === 'end'
      ? [longestSuffix(clauses, maxChars), longestPrefix(clauses, maxChars, language)]
      : [longestPrefix(clauses, maxChars, language)];
  const byClause = candidates.find((c) => c.length >= maxChars / 2);
  if (byClause) return byClause;
  const byPhrase = longestPrefix(splitPhrases(trimmed, language), maxChars, language);
  if (byPhrase.length > 0) return byPhrase;
  return tidyEnd(trimmed.slice(0, maxChars), language);
}

function longestPrefix(pieces: readonly string[], maxChars: number, language: Language): string {
  let prefix = '';
  for (const piece of pieces) {
    if (tidyEnd(prefix + piece, language).length > maxChars) break;
    prefix += piece;
  }
  return tidyEnd(prefix, language);
}

function longestSuffix(pieces: readonly string[], maxChars: number): string {
  let suffix = '';
  for (const piece of [...pieces].reverse()) {
    if ((piece + suffix).replace(LEADING_JOINERS, '').trim().length > maxChars) break;
    suffix = piece + suffix;
  }
  return closeBrackets(suffix.replace(LEADING_JOINERS, '').trim());
}

function tidyEnd(text: string, language: Language): string {
  let result = closeBrackets(text.replace(TRAILING_JOINERS, ''));
  if (language === 'en') result = result.replace(DANGLING_EN, '');
  return result.replace(TRAILING_JOINERS, '');
}

const PAIRS: Record<string, string> = { '「': '」', '『': '』', '（': '）', '(': ')', '【': '】', '“': '”' };
const CLOSING = new Map(Object.entries(PAIRS).map(([open, close]) => [close, open]));

/**
 * A fragment without half a quote: cut before an opener left unclosed, or drop a closer whose
 * opener was cut away.
 */
function closeBrackets(text: string): string {
  const open: number[] = [];
  let result = text;
  for (let i = 0; i < result.length; i++) {
    const c = result[i]!;
    if (c in PAIRS) open.push(i);
    else if (CLOSING.has(c)) {
      if (open.length > 0 && result[open.at(-1)!] === CLOSING.get(c)) open.pop();
      else {
        result = result.slice(0, i) + result.slice(i + 1);
        i--;
      }
    }
  }
  const unclosed = open[0];
  if (unclosed === undefined) return result;
  const cut = result.slice(0, unclosed).replace(TRAILING_JOINERS, '');
  if (cut.length >= result.length / 3) return cut;
  // Cutting would leave too little: drop the unclosed openers instead.
  return [...result].filter((_, i) => !open.includes(i)).join('');
}

/**
 * Cuts text into consecutive chunks of at most `maxChars`, at clause boundaries where possible,
 * else at phrase/word boundaries. Used for sentences too long to speak as one narration.
 */
export function chunkAtBoundaries(text: string, language: Language, maxChars: number): string[] {
  const trimmed = text.trim();
  if (trimmed.length <= maxChars) return trimmed ? [trimmed] : [];
  const pieces = splitClauses(trimmed, language).flatMap((clause) =>
    clause.length <= maxChars
      ? [clause]
      : splitPhrases(clause, language).flatMap((p) => hardSplit(p, maxChars)),
  );
  const chunks: string[] = [];
  let current = '';
  for (const piece of pieces) {
    if (current && (current + piece).trim().length > maxChars) {
      chunks.push(current.trim());
      current = '';
    }
    current += piece;
  }
  if (current.trim()) chunks.push(current.trim());
  return chunks;
}

function hardSplit(text: string, maxChars: number): string[] {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += maxChars) parts.push(text.slice(i, i + maxChars));
  return parts;
}
