import { loadDefaultJapaneseParser } from 'budoux';
import type { Language } from '../schema/script.ts';
import { englishDateForms } from './english-dates.ts';

const japanesePhrases = loadDefaultJapaneseParser();

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

/**
 * Open JTalk's duration model breaks down on a long run without a pause: 「明治から大正にかけては
 * 春になると湾が毎年のように白くなったと伝えられている。」 takes 21 s to say, its two halves 2.6 s
 * and 5.9 s. A run of more than MAX_BREATH characters gets a 「、」 at the phrase boundary
 * (budoux) nearest its middle, again until every run is short.
 */
export function withBreathPauses(text: string): string {
  return text
    .split(/(?<=[、。，．！？!?,\s])/u)
    .map((run) => breathe(run))
    .join('');
}

const MAX_BREATH = 24;

function breathe(run: string): string {
  const body = run.replace(/[、。，．！？!?,\s]+$/u, '');
  if (body.length <= MAX_BREATH) return run;
  const phrases = japanesePhrases.parse(body);
  if (phrases.length < 2) return run;
  let best = 0;
  let offset = 0;
  for (let i = 0; i < phrases.length - 1; i++) {
    offset += phrases[i]!.length;
    if (Math.abs(offset - body.length / 2) < Math.abs(best - body.length / 2)) best = offset;
  }
  if (best === 0) return run;
  return `${breathe(`${body.slice(0, best)}、`)}${breathe(body.slice(best) + run.slice(body.length))}`;
}

/** Money and titles as English speech engines should say them: "$4.2 million" → "4.2 million dollars". */
const CURRENCY: Record<string, string> = { $: 'dollars', '€': 'euros', '£': 'pounds', '¥': 'yen' };
const TITLES: Record<string, string> = { Mr: 'Mister', Mrs: 'Missus', Ms: 'Miz', Dr: 'Doctor', St: 'Saint' };

export function englishSpeechForms(text: string): string {
  return englishDateForms(text)
    .replace(
      /([$€£¥])\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(\s?(?:million|billion|trillion|thousand|bn|m|k)\b)?/gu,
      (_m, symbol: string, amount: string, scale: string | undefined) => {
        const word = { bn: ' billion', m: ' million', k: ' thousand' }[scale?.trim() ?? ''] ?? scale ?? '';
        return `${amount}${word} ${CURRENCY[symbol]}`;
      },
    )
    .replace(
      /\b(Mr|Mrs|Ms|Dr|St)\.?(?=\s+[A-Z])/gu,
      (title: string) => TITLES[title.replace('.', '')] ?? title,
    );
}

/**
 * Words Open JTalk's dictionary misreads, written as they are said: 米粉 as 「ベーコ」, お米 as
 * 「おべい」, 出そうに as 「しゅっそうに」, and 雄/雌
 * standing alone (「雄が放つ」, an animal's sex) as ユウ/シ; inside a compound (英雄, 雌雄) they stay.
 */
const OPEN_JTALK_READINGS: ReadonlyArray<[RegExp, string]> = [
  [/米粉/gu, 'こめこ'],
  // 「お米から」「お米の」 were read おべい.
  [/お米/gu, 'おこめ'],
  // 「涙が出そうになった」 was read しゅっそう (出そうと, "to take out", stays).
  [/出そう(?=[にな])/gu, 'でそう'],
  [/(?<!\p{Script=Han})雄(?!\p{Script=Han})/gu, 'おす'],
  [/(?<!\p{Script=Han})雌(?!\p{Script=Han})/gu, 'めす'],
];

export function withOpenJTalkReadings(text: string): string {
  return OPEN_JTALK_READINGS.reduce((out, [word, reading]) => out.replace(word, reading), text);
}
