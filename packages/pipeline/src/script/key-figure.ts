import type { KeyFigure, Language } from '../schema/script.ts';
import { shortenAtBoundary, splitClauses } from './clauses.ts';

const MAX_VALUE = 24;

/**
 * Numbers worth showing large, best first: percentages and amounts, then multiples and counts
 * with a unit, then dates. A bare small number ("2 people", "1 thing") is not a key figure.
 */
const FIGURE_PATTERNS: Record<Language, RegExp[]> = {
  en: [
    /(?:[$€£¥]\s?\d[\d,.]*(?:\s?(?:million|billion|trillion|bn|m|k))?|\d[\d,.]*\s?(?:%|percent|per cent))/iu,
    /\d[\d,.]*\s?(?:million|billion|trillion|thousand)(?:\s(?:dollars|euros|pounds|yen|people|users|servers|downloads|copies))?/iu,
    // A temperature keeps its unit: "24 degrees Celsius", "−24°C".
    /\d[\d.]*\s?°\s?[CF]?|\b\d[\d.]*\s(?:degrees)(?:\s(?:Celsius|Fahrenheit|C|F)\b)?/iu,
    /\d[\d,.]*(?:x|×|-fold)|\b(?:\d{2,}[\d,.]*)\s(?:times|hours|minutes|seconds|days|years|months|weeks|km|miles|GB|MB|TB|ms|users|people|servers|changesets|commits|sites|downloads|employees|countries)\b/iu,
    /\b\d{1,3}(?:,\d{3})+\b/u,
    // A count of things: "172 steps", "381 changesets", "18 nautical miles".
    /(?<![\d.])\b\d{2,}(?:[,.]\d+)*\s(?:[a-z]+\s)?[a-z]{3,}s\b/u,
    /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s\d{1,2},\s\d{4}/u,
  ],
  ja: [
    /(?:約|およそ)?\d[\d,.]*\s?(?:%|％|パーセント|割|倍)|(?:約|およそ)?\d[\d,.]*\s?(?:万|億|兆)?(?:円|ドル|ユーロ)/u,
    /\d[\d,.]*\s?年(?:ぶり|前)/u,
    /(?:約|およそ)?\d[\d,.]*\s?(?:万|億|兆)?(?:人|件|台|本|社|回|個|カ国|か国|店舗|匹|頭|羽|トン)/u,
    /\d[\d,.]*\s?(?:ミリ秒|秒|分|時間|日|週間|か月|カ月|年間|キロ|km|GB|MB|TB|メートル|センチ|グラム|度|歳|匹|頭|羽|種類|倍)/u,
    /\d{4}年\d{1,2}月(?:\d{1,2}日)?/u,
    // Numbers written in kanji: 「二千五百年」「三百人」.
    /[一二三四五六七八九十百千万億]{2,}(?:年|人|匹|頭|倍|回|種類|キロ|メートル)/u,
  ],
};

/** "more than 20 people", "at least $5", 「約30%」: the words that qualify a number belong with it. */
const QUALIFIER: Record<Language, RegExp> = {
  en: /(?:more than|less than|fewer than|at least|almost|nearly|about|around|over|under|up to)\s$/iu,
  ja: /(?:約|およそ|最大|最低|少なくとも)$/u,
};
/** A sign belongs with its number: "minus 24 degrees" is not "24 degrees". */
const SIGN: Record<Language, RegExp> = {
  en: /(?:(?:minus|negative)\s|(?<=^|[\s(])[−–-])$/iu,
  ja: /(?:マイナス|氷点下|零下|(?<=^|[\s（(、])[−－-])$/u,
};
const MAX_CONTEXT = 120;
const IDENTIFIER_BEFORE =
  /(?:\b(?:bug|issue|version|v|no|number|pr|ticket|item|chapter|page|room|route|flight)\s?#?|#)$/iu;
const SMALL_COUNT = /^\d\s?(?:台|人|件|本|社|回|個|匹|頭|羽|people|things|times)$/u;
/** Characters a context clause needs beyond its number to say what the number is. */
const MIN_CONTEXT: Record<Language, number> = { ja: 10, en: 28 };

/**
 * One line that says what the number is, from the number's own sentence: the whole sentence
 * when it is short, else the clause the number stands in, else the sentence cut at a boundary
 * after the number. Undefined when none of these fits.
 */
function contextLine(sentence: string, at: number, value: string, language: Language): string | undefined {
  const trimmed = sentence.trim().replace(/[。.]$/u, '');
  if (trimmed.length <= MAX_CONTEXT) return trimmed;
  let offset = 0;
  for (const clause of splitClauses(trimmed, language)) {
    if (at >= offset && at < offset + clause.length) {
      const line = clause.replace(/^[\s、，,;；:：]+|[\s、，,;；:：]+$/gu, '');
      // A clause that is little more than the number says nothing about it.
      if (line.length >= value.length + MIN_CONTEXT[language] && line.length <= MAX_CONTEXT) return line;
      break;
    }
    offset += clause.length;
  }
  const cut = shortenAtBoundary(trimmed, language, MAX_CONTEXT - 1).replace(/[\s、，,;；:：]+$/u, '');
  if (cut.replace(/…$/u, '').length <= at) return undefined;
  return cut.endsWith('…') ? cut : `${cut}…`;
}

/**
 * The key figure of a sentence: its most telling number (as written, at most 24 characters) and
 * the sentence as one line of context, or undefined when it has none worth showing.
 */
export function findKeyFigure(sentence: string, language: Language): KeyFigure | undefined {
  // Full-width digits (４０年) read as ASCII ones so the patterns see them.
  const text =
    language === 'ja'
      ? sentence.replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
      : sentence;
  for (const pattern of FIGURE_PATTERNS[language]) {
    const match = pattern.exec(text);
    if (!match) continue;
    const before = text.slice(0, match.index);
    const sign = SIGN[language].exec(before)?.[0] ?? '';
    const qualifier = QUALIFIER[language].exec(before.slice(0, before.length - sign.length))?.[0] ?? '';
    // "£850,000," ends on the sentence's comma, not the number's.
    const value = `${qualifier}${sign}${match[0].trim().replace(/[,.]+$/u, '')}`;
    if (value.length > MAX_VALUE) continue;
    // "Bug 1553982", "issue #42", "version 12": an identifier, not a quantity.
    if (IDENTIFIER_BEFORE.test(before)) continue;
    // "1 of 2" style small counts carry nothing, nor does "1台" (one machine): a single-digit
    // count is not worth showing large; amounts, percentages and durations are.
    if (/^\d$/u.test(value) || SMALL_COUNT.test(value)) continue;
    const line = contextLine(sentence, match.index - sign.length - qualifier.length, value, language);
    if (!line) return undefined;
    return { value, context: line };
  }
  return undefined;
}
