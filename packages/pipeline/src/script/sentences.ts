import type { Language } from '../schema/script.ts';

/**
 * Splits text into sentences.
 *
 * Japanese uses its own rules, because ICU's sentence segmenter splits 「本当ですか？」と言った
 * in two and leaves an opening 「 on the previous sentence. English uses Intl.Segmenter, with
 * a pass that joins sentences it broke after abbreviations such as "Dr.".
 */
export function splitSentences(text: string, language: Language): string[] {
  return language === 'ja' ? splitJapanese(text) : splitEnglish(text);
}

const JA_TERMINATORS = new Set(['。', '！', '？', '!', '?', '．']);
const OPENERS = new Set(['「', '『', '（', '(', '【', '〔', '［', '〈', '《', '“']);
const CLOSERS = new Set(['」', '』', '）', ')', '】', '〕', '］', '〉', '》', '”']);
const QUOTE_CONTINUES = /^[とってのやをにがはも、，。]/u;
/** A sentence longer than this with unbalanced brackets is split again, ignoring the brackets. */
const MAX_QUOTED_SENTENCE = 200;

function splitJapanese(text: string): string[] {
  const sentences: string[] = [];
  for (const line of text.split(/\r?\n+/u)) {
    for (const sentence of splitJapaneseLine(line, true)) {
      if (sentence.length > MAX_QUOTED_SENTENCE) sentences.push(...splitJapaneseLine(sentence, false));
      else sentences.push(sentence);
    }
  }
  return sentences;
}

function splitJapaneseLine(line: string, respectBrackets: boolean): string[] {
  const chars = [...line];
  const sentences: string[] = [];
  let start = 0;
  let depth = 0;
  const cut = (end: number) => {
    const sentence = chars
      .slice(start, end)
      .join('')
      .replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '');
    if (sentence) sentences.push(sentence);
    start = end;
  };
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (OPENERS.has(c)) depth++;
    else if (CLOSERS.has(c)) {
      depth = Math.max(0, depth - 1);
      // 「おはよう。」「こんにちは。」: a quoted sentence ends the sentence, unless a particle
      // carries on (「…。」と言った / 「…。」って).
      if (respectBrackets && depth === 0 && JA_TERMINATORS.has(chars[i - 1] ?? '')) {
        if (!QUOTE_CONTINUES.test(chars[i + 1] ?? '')) cut(i + 1);
      }
    } else if (JA_TERMINATORS.has(c) && (depth === 0 || !respectBrackets) && !isDecimalPoint(chars, i)) {
      let end = i + 1;
      // Keep runs like ！？ and the closing brackets that follow the terminator with the sentence.
      while (end < chars.length && (JA_TERMINATORS.has(chars[end]!) || CLOSERS.has(chars[end]!))) end++;
      depth = 0;
      cut(end);
      i = end - 1;
    }
  }
  cut(chars.length);
  return sentences;
}

/** 3．5 or 3.5: a full-width or ASCII point between digits is not a full stop. */
function isDecimalPoint(chars: string[], i: number): boolean {
  if (chars[i] !== '．' && chars[i] !== '.') return false;
  return /\d/u.test(chars[i - 1] ?? '') && /\d/u.test(chars[i + 1] ?? '');
}

/** Abbreviations that are always followed by more of the same sentence (titles before names). */
const TITLE_ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'mt',
  'gen',
  'gov',
  'sen',
  'rep',
  'lt',
  'col',
  'capt',
  'rev',
]);
/** Abbreviations that end a sentence only when a capitalised word follows. */
const OTHER_ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'vs',
  'etc',
  'cf',
  'al',
  'approx',
  'no',
  'fig',
  'inc',
  'ltd',
  'co',
  'corp',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'u.s',
  'u.k',
  'a.m',
  'p.m',
]);

const englishSentences = new Intl.Segmenter('en', { granularity: 'sentence' });

function splitEnglish(text: string): string[] {
  const pieces = [...englishSentences.segment(text)].map((s) => s.segment.trim()).filter((s) => s.length > 0);
  const sentences: string[] = [];
  for (const piece of pieces) {
    const previous = sentences.at(-1);
    if (previous !== undefined && (continuesSentence(previous, piece) || insideQuote(previous, piece))) {
      sentences[sentences.length - 1] = `${previous} ${piece}`;
    } else {
      sentences.push(piece);
    }
  }
  return sentences;
}

/** A quotation longer than this is not kept in one piece (an unbalanced mark is a typo, then). */
const MAX_QUOTATION_CHARS = 320;

/**
 * `"You are not the only artist. The fire gets a vote too," said Ueda.` is one sentence for a
 * script: split inside the quotation, each half leaves a lone quote mark and a speaker cut off.
 */
function insideQuote(previous: string, next: string): boolean {
  if (previous.length + next.length > MAX_QUOTATION_CHARS) return false;
  const straight = previous.match(/"/gu)?.length ?? 0;
  const opened = previous.match(/“/gu)?.length ?? 0;
  const closed = previous.match(/”/gu)?.length ?? 0;
  return straight % 2 === 1 || opened > closed;
}

function continuesSentence(previous: string, next: string): boolean {
  // "…when the 'a-ha!' moment comes": a quoted exclamation inside a sentence that goes on in lower case.
  if (/[!?]['"’”]$/u.test(previous) && /^[a-z]/u.test(next)) return true;
  const lastWord = /([A-Za-z.]+)\.$/u.exec(previous)?.[1]?.toLowerCase();
  if (lastWord === undefined) return false;
  if (TITLE_ABBREVIATIONS.has(lastWord)) return true;
  return OTHER_ABBREVIATIONS.has(lastWord) && /^[a-z0-9]/u.test(next);
}
