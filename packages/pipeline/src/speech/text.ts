import type { Language } from '../schema/script.ts';

// Pictographs, skin-tone modifiers, flags and the joiners/selectors that glue emoji sequences together.
const EMOJI =
  /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u200d|\ufe0e|\ufe0f|\u20e3/gu;
// Zero-width and control characters (line breaks and tabs are whitespace, handled below).
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
const INVISIBLE = /[\u200b\u200c\u2060\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/gu;
// A range such as 10~20 or 10〜20 ("from 10 to 20").
const RANGE = /(\p{N})\s*[~\u301c]\s*(?=\p{N})/gu;
// Markdown and decoration the engines either spell out ("asterisk") or turn into odd pauses.
const DECORATION = /[*_`#|^\\{}[\]"~\u301c]/g;
const LINE_BREAK = /\s*[\r\n]+\s*/g;
const SENTENCE_END_BEFORE = /[。．.！？!?、,，:;：；]$/u;
const SPEAKABLE = /[\p{L}\p{N}]/u;

/**
 * Makes narration text safe for an offline TTS engine: NFKC (full-width ASCII → ASCII, half-width
 * kana → full-width, ① → 1), no emoji or markdown decoration, line breaks as sentence breaks, single
 * spaces. Returns '' when nothing speakable is left.
 */
export function normalizeSpeechText(text: string, language: Language): string {
  let out = text.normalize('NFKC').replace(EMOJI, '').replace(INVISIBLE, '');
  out = out.replace(RANGE, (_m, from: string) => `${from}${language === 'ja' ? 'から' : ' to '}`);
  out = out.replace(DECORATION, ' ');
  out = out
    .trim()
    .split(LINE_BREAK)
    .filter((line) => line.length > 0)
    .map((line, i, lines) => {
      if (i === lines.length - 1 || SENTENCE_END_BEFORE.test(line)) return line;
      return language === 'ja' ? `${line}。` : `${line}.`;
    })
    .join(language === 'ja' ? '' : ' ');
  out = out.replace(/[ \t\u3000]+/g, ' ').trim();
  return SPEAKABLE.test(out) ? out : '';
}

/**
 * Open JTalk reads one line of at most ~1 KB (the rest is silently dropped), so longer text is cut into
 * chunks of whole sentences, then clauses, then characters. Chunks with nothing to say are dropped
 * (Open JTalk fails on a lone 「。」).
 */
export function splitForOpenJTalk(text: string, maxBytes = 900): string[] {
  const chunks: string[] = [];
  let current = '';
  const push = (piece: string) => {
    if (current && byteLength(current + piece) > maxBytes) {
      chunks.push(current);
      current = '';
    }
    current += piece;
  };
  for (const sentence of splitAfter(text, /[。．！？!?]+|\.(?=\s)/gu)) {
    if (byteLength(sentence) <= maxBytes) {
      push(sentence);
      continue;
    }
    for (const clause of splitAfter(sentence, /[、，,]+/gu)) {
      if (byteLength(clause) <= maxBytes) push(clause);
      else for (const piece of splitByBytes(clause, maxBytes)) push(piece);
    }
  }
  if (current) chunks.push(current);
  return chunks.map((chunk) => chunk.trim()).filter((chunk) => SPEAKABLE.test(chunk));
}

function splitAfter(text: string, delimiter: RegExp): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (const match of text.matchAll(delimiter)) {
    const end = match.index + match[0].length;
    pieces.push(text.slice(start, end));
    start = end;
  }
  if (start < text.length) pieces.push(text.slice(start));
  return pieces;
}

function splitByBytes(text: string, maxBytes: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const char of text) {
    if (byteLength(current + char) > maxBytes) {
      pieces.push(current);
      current = '';
    }
    current += char;
  }
  if (current) pieces.push(current);
  return pieces;
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
