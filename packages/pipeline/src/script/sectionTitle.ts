import type { Language } from '../schema/script.ts';
import { findBulletDefects } from './bulletDefects.ts';
import { extractTerms } from './terms.ts';

const wordSegmenters: Record<Language, Intl.Segmenter> = {
  ja: new Intl.Segmenter('ja', { granularity: 'word' }),
  en: new Intl.Segmenter('en', { granularity: 'word' }),
};
const MAX_PHRASE_WORDS = 4;
/** Words too general to name a topic. */
const GENERIC = new Set(
  (
    'year month week day time people thing way part lot number percent said say says told source report ' +
    'article story news today week man woman group case point place fact kind sort '
  ).split(' '),
);
const JA_GENERIC = new Set([
  'こと',
  'もの',
  'ため',
  'よう',
  '場合',
  '今回',
  '記事',
  '方法',
  '時間',
  '問題',
  '必要',
  '以上',
  '一方',
]);

/**
 * A title for a section the article gave no heading: its key phrase. The section's most
 * distinctive terms (frequent in it, rare in the other sections) are found, then the longest
 * noun-like phrase around each as the article writes it ("OpenOffice Subversion repository",
 * 「フリーWi-Fi」); one or two of them make the title. Undefined when nothing fits.
 */
export function keyPhraseTitle(
  paragraphs: readonly string[],
  otherSections: ReadonlyArray<readonly string[]>,
  language: Language,
  maxChars: number,
  avoid: ReadonlySet<string> = new Set(),
): string | undefined {
  const text = paragraphs.join('\n');
  const counts = new Map<string, number>();
  for (const term of extractTerms(text, language)) counts.set(term, (counts.get(term) ?? 0) + 1);
  const elsewhere = otherSections.map((s) => new Set(extractTerms(s.join('\n'), language)));
  // Terms said at least twice name the topic; a short section may have to do with one said once.
  const minCount = [...counts.values()].some((c) => c >= 2) ? 2 : 1;
  const ranked = [...counts.entries()]
    .filter(
      ([term, count]) => count >= minCount && !avoid.has(term) && !GENERIC.has(term) && !JA_GENERIC.has(term),
    )
    .map(([term, count]) => {
      const spread = elsewhere.filter((s) => s.has(term)).length;
      return { term, weight: count * Math.log(1 + (elsewhere.length + 1) / (spread + 1)) };
    })
    .sort((a, b) => b.weight - a.weight);

  const phrases: string[] = [];
  for (const { term } of ranked) {
    if (phrases.length >= 2) break;
    const phrase = trimPhrase(phraseAround(text, term, language), language);
    if (phrase && language === 'en' && !phrase.includes(' ') && !nounLike(phrase, text)) continue;
    if (phrase && TIME_PHRASE.test(phrase)) continue;
    if (
      !phrase ||
      phrases.some(
        (p) =>
          p.toLowerCase().includes(phrase.toLowerCase()) || phrase.toLowerCase().includes(p.toLowerCase()),
      )
    )
      continue;
    phrases.push(phrase);
  }
  // One phrase names the topic; a lone word gets the second phrase beside it.
  const single = phrases[0] && (language === 'ja' ? phrases[0].length >= 4 : phrases[0].includes(' '));
  const titles =
    phrases.length === 2 && !single
      ? [
          language === 'ja' ? `${phrases[0]}と${phrases[1]}` : `${capitalize(phrases[0]!)} and ${phrases[1]}`,
          ...phrases,
        ]
      : phrases;
  return titles
    .map((t) => (language === 'en' ? capitalize(t) : t))
    .find((t) => t.length <= maxChars && findBulletDefects(t, language).length === 0);
}

/** The most frequent run of content words (≤ 4) containing the term, as written. */
function phraseAround(text: string, term: string, language: Language): string | undefined {
  const counts = new Map<string, number>();
  for (const line of text.split(/[\n。.!?！？、,;:：「」『』()（）"“”]/u)) {
    const words = [...wordSegmenters[language].segment(line)].filter((s) => s.segment.trim().length > 0);
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      if (!word.isWordLike || !extractTerms(word.segment, language).includes(term)) continue;
      let start = i;
      let end = i + 1;
      const joins = (at: number, step: number) =>
        isContent(words[at]!, language) ||
        // 「同様の取り組み」: a Japanese noun phrase may join its nouns with の.
        (language === 'ja' &&
          words[at]!.segment === 'の' &&
          words[at + step] !== undefined &&
          isContent(words[at + step]!, language));
      while (start > 0 && end - start < MAX_PHRASE_WORDS && joins(start - 1, -1)) start--;
      while (end < words.length && end - start < MAX_PHRASE_WORDS && joins(end, 1)) end++;
      const phrase = joinWords(
        words.slice(start, end).map((w) => w.segment),
        language,
      );
      counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]?.[0];
}

function isContent(word: Intl.SegmentData, language: Language): boolean {
  if (language === 'ja') return /^[\p{Script=Han}\p{Script=Katakana}ーA-Za-z0-9・-]+$/u.test(word.segment);
  return word.isWordLike === true && extractTerms(word.segment, language).length > 0;
}

function joinWords(words: readonly string[], language: Language): string {
  return language === 'ja' ? words.join('') : words.join(' ').replace(/\s+-\s+/gu, '-');
}

/** Words a title cannot end on: verbs and prepositions picked up beside the nouns ("MIT scientist happened across"). */
/** Subordinators a title cannot start with ("Whether everything…"). */
const EN_LEADING =
  /^(?:whether|whatever|however|although|though|because|while|when|where|which|who|if|unless|since)\s+/iu;
const EN_TRAILING =
  /\s+(?:[a-z]+(?:es|ed|ing|ly)|[a-z]+s(?=$)(?<!ss)|said|says|say|value|values|off|out|up|down|away|back|bought|went|came|across|along|among|against|around|within|without|toward|towards|via|near|beyond|behind|despite|get|gets|got|make|makes|made|take|takes|took|use|uses|see|sees|saw|found|find|finds)$/iu;

function trimPhrase(phrase: string | undefined, language: Language): string | undefined {
  if (!phrase || language !== 'en') return phrase;
  let trimmed = phrase.replace(EN_LEADING, '');
  while (EN_TRAILING.test(trimmed)) trimmed = trimmed.replace(EN_TRAILING, '');
  return trimmed || undefined;
}

/** "Last January", "this week", 「今年」: when, not what. */
const TIME_PHRASE =
  /^(?:(?:last|next|this|that|every|each|early|late)\s)?(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|today|yesterday|morning|night|summer|winter|spring|autumn)s?$|^(?:今年|昨年|去年|来年|今月|先月|今日|昨日|毎日|今回)$/iu;

/** A lone English word that can name a topic: a proper noun, or a word that does not look like a verb or adverb. */
function nounLike(word: string, text: string): boolean {
  // Capitalised only at the start of sentences ("Bought", "Every") is not a name.
  const properNoun = /^[A-Z]/u.test(word) && !new RegExp(`\\b${word.toLowerCase()}\\b`, 'u').test(text);
  if (properNoun) return true;
  return word.length >= 4 && !/(?:ed|ly|es|ing)$/u.test(word);
}

function capitalize(text: string): string {
  return text.length > 0 ? text[0]!.toUpperCase() + text.slice(1) : text;
}
