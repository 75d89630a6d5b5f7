/**
 * Years, decades, day-month dates and temperatures as an English narrator says them. espeak-ng
 * reads "1871" as "one thousand eight hundred seventy one", "1930s" as "nineteen hundred thirty
 * s", "1 November" as "one November" and "°C" as "degrees C"; these become "eighteen seventy-one",
 * "nineteen thirties", "the first of November" and "degrees Celsius" before synthesis.
 */

const ONES =
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(
    ' ',
  );
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ORDINAL_ONES: Record<string, string> = {
  one: 'first',
  two: 'second',
  three: 'third',
  five: 'fifth',
  eight: 'eighth',
  nine: 'ninth',
  twelve: 'twelfth',
};
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';

/** 0–99 in words: "seventy-one". */
function underHundred(n: number): string {
  if (n < 20) return ONES[n]!;
  const ones = n % 10;
  return ones === 0 ? TENS[Math.floor(n / 10)]! : `${TENS[Math.floor(n / 10)]}-${ONES[ones]}`;
}

/** A year as it is said: 1871 "eighteen seventy-one", 1905 "nineteen oh five", 2004 "two thousand four", 2025 "twenty twenty-five". */
export function yearWords(year: number): string {
  if (year >= 2000 && year < 2010)
    return year === 2000 ? 'two thousand' : `two thousand ${ONES[year - 2000]}`;
  const high = Math.floor(year / 100);
  const low = year % 100;
  if (low === 0) return `${underHundred(high)} hundred`;
  return `${underHundred(high)} ${low < 10 ? `oh ${ONES[low]}` : underHundred(low)}`;
}

/** 1–31 as an ordinal: "first", "twenty-third". */
function ordinalWords(n: number): string {
  const words = underHundred(n);
  const last = words.split('-').at(-1)!;
  const ordinal = ORDINAL_ONES[last] ?? (last.endsWith('y') ? `${last.slice(0, -1)}ieth` : `${last}th`);
  return words.slice(0, words.length - last.length) + ordinal;
}

/** A decade: "1930s" → "nineteen thirties", "1900s" → "nineteen hundreds", "2000s" → "two thousands". */
function decadeWords(year: number): string {
  if (year === 2000) return 'two thousands';
  const words = yearWords(year);
  return words.endsWith('y') ? `${words.slice(0, -1)}ies` : `${words}s`;
}

/** Words after which a four-digit number is a year ("in 1871", "from 1871 to 1989", "spring of 1869"). */
const YEAR_CONTEXT = new RegExp(
  `\\b(?:in|since|from|to|until|till|by|of|before|after|around|circa|year|during|between|and|${MONTHS})\\s+$|[–-]\\s*$`,
  'iu',
);

export function englishDateForms(text: string): string {
  return (
    text
      // Day before month: "1 November" → "the first of November".
      .replace(
        new RegExp(`\\b([1-9]|[12]\\d|3[01]) (${MONTHS})\\b`, 'gu'),
        (_m, day: string, month: string) => `the ${ordinalWords(Number(day))} of ${month}`,
      )
      // Month before day: "November 1" → "November first" (not "November 1871").
      .replace(
        new RegExp(`\\b(${MONTHS}) ([1-9]|[12]\\d|3[01])\\b(?!\\d)`, 'gu'),
        (_m, month: string, day: string) => `${month} ${ordinalWords(Number(day))}`,
      )
      .replace(/\b(1[1-9]\d0|20[0-9]0)s\b/gu, (_m, year: string) => decadeWords(Number(year)))
      .replace(
        /(?<![\d,.$€£¥])\b(1[1-9]\d\d|20\d\d)\b(?![\d,.]\d|\s*%)/gu,
        (match, year: string, offset: number, all: string) =>
          YEAR_CONTEXT.test(all.slice(Math.max(0, offset - 12), offset)) ||
          /^[–-]\s*\d{4}/u.test(all.slice(offset + 4))
            ? yearWords(Number(year))
            : match,
      )
      .replace(/\s?°\s?C\b/gu, ' degrees Celsius')
      .replace(/\s?°\s?F\b/gu, ' degrees Fahrenheit')
  );
}
