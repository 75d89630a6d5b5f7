import type { KeyFigure, Language } from '../schema/script.ts';
import { figureLabel, isComparison } from './figure-label.ts';

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
      pattern: /\d[\d,.]*\s?°\s?[CF]?|\b\d[\d.]*\s(?:degrees)(?:\s(?:Celsius|Fahrenheit|C|F)\b)?/giu,
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
const IDENTIFIER_BEFORE =
  /(?:\b(?:bug|issue|version|v|no|number|pr|ticket|item|chapter|page|room|route|flight)\s?#?|#)$/iu;
const SMALL_COUNT = /^\d\s?(?:台|人|件|本|社|回|個|匹|頭|羽|people|things|times)$/u;

/**
 * A count or measure inside a prepositional phrase is incidental to its sentence ("climbs by
 * about 30 degrees an hour until it reaches 1,300 °C"): it ranks below one the sentence is
 * about. One in a phrase that qualifies a noun ("a tender for 18 further cranes") is no figure.
 */
const IN_PHRASE = /\b(?:for|by|at|with|in|on|from|after|within|during|into)\s$/iu;
const OF_NOUN =
  /\b(?:a|an|the)\s(?!(?:average|total|peak|record|maximum|minimum|median|estimated)\s)[a-z]+\s(?:for|with|of|on)\s$/iu;
/**
 * A step of a procedure: the sentence opens (after "Next,", "Then," …) with a verb followed by
 * its object ("set the blade", "heat the oven"); a plural or past-tense first word is a subject
 * or a report ("Prices rose the most"), not an instruction.
 */
const IMPERATIVE =
  /^(?:(?:first|next|then|now|finally|after that|to start|to finish),?\s)?(?!(?:the|a|an|this|that|these|those|it|they|we|you|he|she|there|our|its|their|my|your|his|her|one|each|every|some|all|most|many|in|on|at|for|by|with|from|after|before|when|if|as)\b)[A-Za-z]+(?<!ed|[^s]s)\s(?:the|a|an|your|it|them|this|each|both)\b/iu;
/** How much lower an incidental number ranks. */
const INCIDENTAL = 0.5;

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
      const ranked = measured ? RANK.measure : rank;
      if (language === 'en' && ranked <= RANK.count && OF_NOUN.test(lead)) continue;
      // "Next, set the blade … at 25 degrees": a setting inside a step is no headline; the steps are.
      if (language === 'en' && ranked === RANK.measure && IMPERATIVE.test(text)) continue;
      const incidental = language === 'en' && ranked <= RANK.count && IN_PHRASE.test(lead);
      // ", about 45 percent of the summer figure": compares the number before it, shown in its label.
      if (
        language === 'en' &&
        /\d[^,;]*,\s$/u.test(lead) &&
        isComparison(text.slice(lead.length).split(/[,;]\s/u)[0]!)
      )
        continue;
      found.push({
        at: match.index - sign.length - (dropped ? 0 : qualifier.length) - rateBefore.length,
        end: match.index + number.length + rateAfter.length,
        value,
        unit: number.replace(/[\d,.\s]|約|およそ/gu, '').toLowerCase(),
        rank: incidental ? ranked - INCIDENTAL : ranked,
      });
    }
  }
  found.sort((a, b) => b.rank - a.rank || a.at - b.at);
  for (const { at, value, unit, rank } of found) {
    // A share that is one part of a split (70, 20 and 10 percent: shares adding up to the whole)
    // shows with the other parts in its context line, or not at all: alone it reads as the whole.
    const parts = splitParts(found, unit);
    if (parts.some((f) => f.at < at)) continue;
    const others = parts
      .filter((f) => f.at > at)
      .map((f) => otherPart(text, f.at, language))
      .join(', ');
    const context = figureLabel(sentence, at, at + value.length, language, others ? ` (${others})` : '');
    // Japanese shows the digits as the sentence writes them (full or half width), like its subtitle.
    const shown = language === 'ja' ? sentence.slice(at, at + value.length) || value : value;
    if (context) return { figure: { value: shown, context }, rank };
  }
  return undefined;
}

/** Another share of a split with what it says, to the first joint: "20% surprises". */
function otherPart(text: string, at: number, language: Language): string {
  const rest = text.slice(at).replace(/[。.]$/u, '');
  const joint = language === 'ja' ? /[、，。]/u : /,\s|\s(?:and|or|but)\s|[.;:]/u;
  const cut = joint.exec(rest);
  const part = (cut ? rest.slice(0, cut.index) : rest).trim();
  if (language === 'ja') return part;
  // "20 percent were interesting surprises" → "20% surprises": the share and the noun it names.
  return part
    .replace(/\s?(?:percent|per cent)\b/iu, '%')
    .replace(/^(\S+%)\s(?:were|was|are|is)\s(?:\S+\s)*?(\S+)$/iu, '$1 $2');
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
