import { loadDefaultJapaneseParser } from 'budoux';
import type { Language } from '../schema/script.ts';

const japaneseParser = loadDefaultJapaneseParser();
const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * What a reader sees as one character: an emoji with its skin tone or ZWJ family, a flag, a
 * letter with its combining marks. Lines are cut between these, never inside one.
 */
function graphemes(text: string): string[] {
  return Array.from(graphemeSegmenter.segment(text), (s) => s.segment);
}

/** Display width in full-width units: CJK, full-width forms and emoji count 1, the rest 0.5. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const grapheme of graphemes(text)) width += isWide(grapheme) ? 1 : 0.5;
  return width;
}

function isWide(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x1f000
  );
}

/**
 * Splits text into unbreakable pieces: budoux phrases for Japanese (so a line never breaks
 * inside a word), words with their trailing space for other languages. Pieces wider than a
 * line are cut between characters (graphemes) as a last resort.
 */
export function breakablePieces(text: string, language: Language, maxWidth: number): string[] {
  const raw = language === 'ja' ? japaneseParser.parse(text) : text.split(/(?<=\s)/);
  const pieces: string[] = [];
  for (const piece of raw) {
    if (displayWidth(piece) <= maxWidth) {
      pieces.push(piece);
      continue;
    }
    let current = '';
    for (const grapheme of graphemes(piece)) {
      if (current && displayWidth(current + grapheme) > maxWidth) {
        pieces.push(current);
        current = '';
      }
      current += grapheme;
    }
    if (current) pieces.push(current);
  }
  return pieces.filter((p) => p.length > 0);
}

/** Greedy line filling over unbreakable pieces. */
export function wrapLines(text: string, language: Language, maxWidth: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const piece of breakablePieces(text, language, maxWidth)) {
    if (current && displayWidth((current + piece).trimEnd()) > maxWidth) {
      lines.push(current.trim());
      current = '';
    }
    current += piece;
  }
  if (current.trim()) lines.push(current.trim());
  return lines;
}

/** Splits after sentence ends (。！？ and . ! ? followed by a space), keeping closing brackets. */
function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[。！？!?][」』）)]*)|(?<=\.)\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Breaks a narration into subtitle cards of at most two lines each. A card never mixes the
 * end of one sentence with the start of the next mid-line; two short one-line sentences share
 * a card.
 */
export function subtitleCards(text: string, language: Language, maxWidth: number): string[][] {
  const cards: string[][] = [];
  let pending: string | undefined;
  for (const sentence of sentencesOf(text.replace(/\s+/g, ' ').trim())) {
    const lines = wrapLines(sentence, language, maxWidth);
    if (lines.length === 1 && pending !== undefined) {
      cards.push([pending, lines[0]!]);
      pending = undefined;
      continue;
    }
    if (pending !== undefined) cards.push([pending]);
    pending = undefined;
    if (lines.length === 1) {
      pending = lines[0];
      continue;
    }
    for (let i = 0; i < lines.length; i += 2) cards.push(lines.slice(i, i + 2));
  }
  if (pending !== undefined) cards.push([pending]);
  return cards;
}
