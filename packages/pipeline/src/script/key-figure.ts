import type { KeyFigure, Language } from '../schema/script.ts';
import { shortenAtBoundary, splitClauses, splitPhrases } from './clauses.ts';

const MAX_VALUE = 24;

/** A pattern for numbers worth showing large, and how much such a number tells (higher first). */
interface FigurePattern {
  pattern: RegExp;
  rank: number;
}

/** Money and shares tell the most, then counts of people and things, then dates and multiples, then measures. */
const RANK = { amount: 5, count: 4, event: 3, date: 2, measure: 1 } as const;

/**
 * Numbers worth showing large: amounts of money and percentages, counts of people and things,
 * anniversaries, multiples and dates, then measures (temperatures, distances, spans of hours or
 * more; minutes and seconds time a step, see STEP_TIME). A bare
 * number without a unit that matters ("around 1,000 grit") is not a key figure, nor a bare small
 * number ("2 people", "1 thing").
 */
const FIGURE_PATTERNS: Record<Language, FigurePattern[]> = {
  en: [
    {
      pattern:
        /(?:[$€£¥]\s?\d[\d,.]*(?:\s?(?:million|billion|trillion|bn|m|k))?|\d[\d,.]*\s?(?:%|percent|per cent))/giu,
      rank: RANK.amount,
    },
    {
      pattern:
        /\d[\d,.]*\s?(?:million|billion|trillion|thousand)(?:\s(?:dollars|euros|pounds|yen|people|users|servers|downloads|copies))?/giu,
      rank: RANK.count,
    },
    // A count of things: "172 steps", "212 riders", "610 cyclists" (a measure such as "24 degrees"
    // ranks lower). A year is not a count ("Since 2004 the keepers' houses…").
    {
      pattern:
        /(?<![\d.])\b(?!(?:1[5-9]|20)\d\d\b(?![,.]\d))\d{2,}(?:[,.]\d+)*\s(?:(?!(?:the|a|an|its|their)\s)[a-z]+\s)?[a-z]{3,}s\b/gu,
      rank: RANK.count,
    },
    { pattern: /\d[\d,.]*(?:x|×|-fold)|\b\d{2,}[\d,.]*\stimes\b/giu, rank: RANK.event },
    {
      pattern:
        /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s\d{1,2},\s\d{4}/gu,
      rank: RANK.date,
    },
    // A temperature keeps its unit: "24 degrees Celsius", "−24°C".
    {
      pattern: /\d[\d.]*\s?°\s?[CF]?|\b\d[\d.]*\s(?:degrees)(?:\s(?:Celsius|Fahrenheit|C|F)\b)?/giu,
      rank: RANK.measure,
    },
    {
      pattern: /\b(?:\d{2,}[\d,.]*)\s(?:hours|days|years|months|weeks|km|miles|GB|MB|TB|ms)\b/giu,
      rank: RANK.measure,
    },
  ],
  ja: [
    {
      pattern:
        /(?:約|およそ)?\d[\d,.]*\s?(?:%|％|パーセント|割)|(?:約|およそ)?\d[\d,.]*\s?(?:万|億|兆)?(?:円|ドル|ユーロ)/gu,
      rank: RANK.amount,
    },
    {
      pattern:
        /(?:約|およそ)?\d[\d,.]*\s?(?:万|億|兆)?(?:人|件|台|本|社|回|個|カ国|か国|店舗|匹|頭|羽|トン|種類)/gu,
      rank: RANK.count,
    },
    { pattern: /\d[\d,.]*\s?年ぶり|\d[\d,.]*\s?倍/gu, rank: RANK.event },
    { pattern: /[一二三四五六七八九十百千万億]{2,}(?:人|匹|頭|倍|回|種類)/gu, rank: RANK.count },
    {
      pattern:
        /\d{4}年\d{1,2}月(?:\d{1,2}日)?|[一二三四五六七八九十百千万億]{2,}年(?!(?:ほど|くらい|ぐらい|余り|あまり)?前)/gu,
      rank: RANK.date,
    },
    {
      pattern:
        /\d[\d,.]*\s?(?:ミリ秒|時間|日|週間|か月|カ月|年間|キロ|km|GB|MB|TB|メートル|センチ|グラム|度|歳)|[一二三四五六七八九十百千万億]{2,}(?:キロ|メートル)/gu,
      rank: RANK.measure,
    },
  ],
};
/** Units of measure: "24 degrees", "18 nautical miles" are measures, not counts of things. */
const MEASURE_NOUN =
  /\s(?:degrees|miles|kilometres|kilometers|metres|meters|feet|inches|hours|minutes|seconds|days|weeks|months|years|kilobytes|megabytes|gigabytes|bytes|grams|kilograms|tonnes|tons|litres|liters|grit)$/iu;

/** "more than 20 people", "at least $5", 「約30%」: the words that qualify a number belong with it. */
const QUALIFIER: Record<Language, RegExp> = {
  en: /(?:more than|less than|fewer than|at least|almost|nearly|roughly|approximately|about|around|over|under|up to)\s$/iu,
  ja: /(?:約|およそ|最大|最低|少なくとも)$/u,
};
/** A sign belongs with its number: "minus 24 degrees" is not "24 degrees". */
const SIGN: Record<Language, RegExp> = {
  en: /(?:(?:minus|negative)\s|(?<=^|[\s(])[−–-])$/iu,
  ja: /(?:マイナス|氷点下|零下|(?<=^|[\s（(、])[−－-])$/u,
};
/**
 * A rate belongs with its number: "30 degrees an hour" is not "30 degrees", nor 「1日120人」
 * 「120人」 (English says it after the number, Japanese before).
 */
const RATE_AFTER: Record<Language, RegExp> = {
  en: /^\s(?:an?|per|each|every)\s(?:hour|day|night|week|month|year|minute|second|person|head)\b/iu,
  ja: /^(?!)/u,
};
const RATE_BEFORE: Record<Language, RegExp> = {
  en: /(?!)$/u,
  ja: /(?:(?:1|一)(?:日|時間|週間|か月|カ月|年)|毎時|毎日|毎週|毎月|毎年|年間|月間)(?:あたり|に|で)?(?:平均)?$/u,
};
/** Minutes and seconds time a step ("bake for 15 minutes", 「20秒温める」); they are no finding to show large. */
const STEP_TIME = /\s(?:minutes|seconds|mins|secs)$/iu;
/** How long ago something was ("2,500 years ago", 「二千五百年ほど前」) dates it; it is no figure of its own. */
const AGO: Record<Language, RegExp> = {
  en: /^\s(?:ago|earlier)\b/iu,
  ja: /^(?:ほど|くらい|ぐらい|余り|あまり)?前/u,
};
/** A context line up to this long shows whole (the panel's limit). */
const MAX_CONTEXT = 120;
const IDENTIFIER_BEFORE =
  /(?:\b(?:bug|issue|version|v|no|number|pr|ticket|item|chapter|page|room|route|flight)\s?#?|#)$/iu;
const SMALL_COUNT = /^\d\s?(?:台|人|件|本|社|回|個|匹|頭|羽|people|things|times)$/u;
/** Characters a context clause needs beyond its number to say what the number is. */
const MIN_CONTEXT: Record<Language, number> = { ja: 10, en: 28 };

/** A clause that leans on the one before it: "which extended the range…", "and cost…". */
const LEANING_CLAUSE: Record<Language, RegExp> = {
  en: /^(?:which|who|whom|whose|where|when|while|and|but|or|so|as|because|although|though|including|making|bringing|leaving)\b/iu,
  ja: /^(?:が|を|に|で|と|も|は|の|て|し|そして|また|ただ|しかし)/u,
};
/** Words a context line cut short must not end on ("…212 riders before…"). */
const DANGLING_END: Record<Language, RegExp> = {
  en: /(?:\s+(?:a|an|the|of|to|and|or|but|before|after|because|that|which|who|with|for|in|on|at|by|from|as|when|while|than|into|about|its|their|our|this|these|those))+$/iu,
  ja: /[のをにがはとでもへ]$/u,
};

/**
 * One line that says what the number is, from the number's own sentence: the whole sentence
 * when it is short, else the clause the number stands in when it reads on its own (a clause
 * starting "which…" is joined to the one it leans on), else the sentence cut at a clause or
 * phrase boundary after the number, never ending on a preposition or article. Undefined when
 * none of these fits.
 */
function contextLine(
  sentence: string,
  at: number,
  value: string,
  language: Language,
  spanEnd = at + value.length,
): string | undefined {
  const trimmed = sentence.trim().replace(/[。.]$/u, '');
  if (trimmed.length <= MAX_CONTEXT) return trimmed;
  const tidy = (clause: string) => clause.replace(/^[\s、，,;；:：]+|[\s、，,;；:：]+$/gu, '');
  const clauses = splitClauses(trimmed, language);
  // The sentence from the clause the number stands in, when the clauses before it lead in without a number.
  let from = 0;
  let offset = 0;
  for (const [k, clause] of clauses.entries()) {
    if (at >= offset && at < offset + clause.length) {
      // The clauses up to the last number the line must show (the other parts of a split).
      let last = k;
      let end = offset + clause.length;
      while (end < spanEnd && last + 1 < clauses.length) end += clauses[++last]!.length;
      let line = tidy(clauses.slice(k, last + 1).join(''));
      if (last > k && !LEANING_CLAUSE[language].test(line) && !/\d/u.test(trimmed.slice(0, offset)))
        from = offset;
      // A clause that leans on the one before it is shown with it.
      for (let j = k - 1; j >= 0 && LEANING_CLAUSE[language].test(line); j--) line = tidy(clauses[j]! + line);
      // A clause that is little more than the number says nothing about it.
      if (
        !LEANING_CLAUSE[language].test(line) &&
        line.length >= value.length + MIN_CONTEXT[language] &&
        line.length <= MAX_CONTEXT
      ) {
        return capitalized(line, language);
      }
      break;
    }
    offset += clause.length;
  }
  const rest = capitalized(trimmed.slice(from).trimStart(), language);
  const shift = trimmed.length - rest.length;
  at -= shift;
  spanEnd -= shift;
  let cut = shortenAtBoundary(rest, language, MAX_CONTEXT - 1)
    .replace(/…$/u, '')
    .replace(/[\s、，,;；:：]+$/u, '');
  // The parts of a split all show, cut between phrases when whole clauses do not reach the last.
  if (cut.length <= spanEnd) {
    cut = '';
    for (const phrase of splitPhrases(rest, language)) {
      if (cut.length + phrase.length > MAX_CONTEXT - 1) break;
      cut += phrase;
    }
    cut = cut.replace(/[\s、，,;；:：]+$/u, '');
  }
  // A cut between words ends before the last conjunction rather than inside its phrase
  // ("…separated by small wads of clay so they do not…" → "…separated by small wads of clay…").
  if (language === 'en') {
    const joints = [
      ...cut.matchAll(/\s(?=(?:and|or|but|so|which|who|while|because|where|when|before|after|until)\s)/giu),
    ];
    const joint = joints
      .map((m) => m.index)
      .filter((i) => i > spanEnd && i >= cut.length * 0.6)
      .at(-1);
    if (joint !== undefined) cut = cut.slice(0, joint);
  }
  cut = cut.replace(DANGLING_END[language], '');
  if (cut.length <= spanEnd) return undefined;
  return `${cut}…`;
}

function capitalized(line: string, language: Language): string {
  return language === 'en' ? line.charAt(0).toUpperCase() + line.slice(1) : line;
}

interface RankedFigure {
  figure: KeyFigure;
  /** How much the number tells: money and shares over counts over dates over measures. */
  rank: number;
}

/**
 * The key figure of a sentence with its rank: the number the sentence is most about (money or a
 * share before a count of people or things, before a date, before a measure; the first of equal
 * ones), as written (at most 24 characters), and the sentence as one line of context; undefined
 * when it has none worth showing.
 */
export function findRankedKeyFigure(sentence: string, language: Language): RankedFigure | undefined {
  // Full-width digits (４０年) read as ASCII ones so the patterns see them.
  const text =
    language === 'ja'
      ? sentence.replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
      : sentence;
  const found: { at: number; end: number; value: string; unit: string; rank: number }[] = [];
  for (const { pattern, rank } of FIGURE_PATTERNS[language]) {
    for (const match of text.matchAll(pattern)) {
      const before = text.slice(0, match.index);
      const sign = SIGN[language].exec(before)?.[0] ?? '';
      const qualifier = QUALIFIER[language].exec(before.slice(0, before.length - sign.length))?.[0] ?? '';
      // "£850,000," ends on the sentence's comma, not the number's.
      const number = match[0].trim().replace(/[,.]+$/u, '');
      const after = text.slice(match.index + number.length);
      if (AGO[language].test(after) || STEP_TIME.test(number)) continue;
      const lead = before.slice(0, before.length - sign.length - qualifier.length);
      const rateBefore = RATE_BEFORE[language].exec(lead)?.[0] ?? '';
      const rateAfter = RATE_AFTER[language].exec(after)?.[0] ?? '';
      // A rate too long to show with its qualifier shows without it (the context line keeps it).
      const full = `${rateBefore}${qualifier}${sign}${number}${rateAfter}`;
      const dropped = full.length > MAX_VALUE && rateAfter !== '';
      const value = dropped ? `${sign}${number}${rateAfter}` : full;
      if (value.length > MAX_VALUE) continue;
      // "Bug 1553982", "issue #42", "version 12": an identifier, not a quantity.
      if (IDENTIFIER_BEFORE.test(before)) continue;
      // "1 of 2" style small counts carry nothing, nor does "1台" (one machine): a single-digit
      // count is not worth showing large; amounts, percentages and durations are.
      if (/^\d$/u.test(number) || SMALL_COUNT.test(number)) continue;
      const measured = rank === RANK.count && MEASURE_NOUN.test(number);
      found.push({
        at: match.index - sign.length - (dropped ? 0 : qualifier.length) - rateBefore.length,
        end: match.index + number.length + rateAfter.length,
        value,
        unit: number.replace(/[\d,.\s]|約|およそ/gu, '').toLowerCase(),
        rank: measured ? RANK.measure : rank,
      });
    }
  }
  found.sort((a, b) => b.rank - a.rank || a.at - b.at);
  for (const { at, value, unit, rank } of found) {
    // A share that is one part of a split (70, 20 and 10 percent: shares adding up to the whole)
    // shows with the other parts in its context line, or not at all: alone it reads as the whole.
    const parts = splitParts(found, unit);
    const spanEnd = Math.max(at + value.length, ...parts.map((f) => f.end));
    if (parts.some((f) => f.at < at)) continue;
    const context = contextLine(sentence, at, value, language, spanEnd);
    if (context) return { figure: { value, context }, rank };
  }
  return undefined;
}

/** Units of a share of a whole. */
const SHARE_UNIT = /^(?:%|％|percent|パーセント)$/u;

/** The shares of a sentence in the given unit when there are two or more and they add up to 100. */
function splitParts<T extends { value: string; unit: string }>(found: readonly T[], unit: string): T[] {
  if (!SHARE_UNIT.test(unit.replace(/\s/gu, ''))) return [];
  const shares = found.filter((f) => f.unit === unit);
  const total = shares.reduce(
    (sum, f) => sum + Number(/\d+(?:\.\d+)?/u.exec(f.value.replace(/,/gu, ''))?.[0] ?? 0),
    0,
  );
  return shares.length >= 2 && Math.abs(total - 100) <= 1 ? shares : [];
}

/** The key figure of a sentence (see findRankedKeyFigure), or undefined when it has none worth showing. */
export function findKeyFigure(sentence: string, language: Language): KeyFigure | undefined {
  return findRankedKeyFigure(sentence, language)?.figure;
}
