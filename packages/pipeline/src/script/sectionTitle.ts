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
 * A title for a section the article gave no heading: its most salient noun phrase, as it is
 * written in the section's key sentence. The section's distinctive terms (frequent in it, rare in
 * the other sections) are ranked; the first one the key sentence says gives the title, as the
 * longest noun-like phrase around it in that sentence ("OpenOffice Subversion repository",
 * 「フリーWi-Fi」). A phrase the key sentence does not hold would name something the section only
 * mentions in passing, and two terms are never joined ("X and Y" pairs unrelated words).
 * Undefined when nothing fits.
 */
export function keyPhraseTitle(
  paragraphs: readonly string[],
  otherSections: ReadonlyArray<readonly string[]>,
  keySentence: string,
  language: Language,
  maxChars: number,
  avoid: ReadonlySet<string> = new Set(),
): string | undefined {
  const text = paragraphs.join('\n');
  const counts = new Map<string, number>();
  for (const term of extractTerms(text, language)) counts.set(term, (counts.get(term) ?? 0) + 1);
  const inKeySentence = new Set(extractTerms(keySentence, language));
  const elsewhere = otherSections.map((s) => new Set(extractTerms(s.join('\n'), language)));
  const ranked = [...counts.entries()]
    .filter(
      ([term]) => inKeySentence.has(term) && !avoid.has(term) && !GENERIC.has(term) && !JA_GENERIC.has(term),
    )
    .map(([term, count]) => {
      const spread = elsewhere.filter((s) => s.has(term)).length;
      return { term, weight: count * Math.log(1 + (elsewhere.length + 1) / (spread + 1)) };
    })
    .sort((a, b) => b.weight - a.weight);

  const said = keySentence.toLowerCase();
  for (const { term } of ranked) {
    // The phrase the section uses most for the term, when the key sentence says it as such.
    const around = phraseAround(text, term, language);
    const phrase = trimPhrase(around?.phrase, language);
    if (!phrase || !said.includes(phrase.toLowerCase())) continue;
    // Said once, a run of words is as likely a verb phrase as a topic; a name is a topic.
    if (around!.count < 2 && !isName(phrase, language)) continue;
    if (TIME_PHRASE.test(phrase) || !namesATopic(phrase, text, language)) continue;
    const title = language === 'en' ? capitalize(phrase) : phrase;
    if (title.length <= maxChars && findBulletDefects(title, language).length === 0) return title;
  }
  return undefined;
}

/** A phrase that can stand as a title: several words, or one name-like word (「イヌ」 alone is too thin). */
function namesATopic(phrase: string, text: string, language: Language): boolean {
  if (language === 'ja') return phrase.length >= 4;
  return phrase.includes(' ') || isProperNoun(phrase, text);
}

/** A proper name: capitalised English words, or Japanese written in kanji/katakana only. */
function isName(phrase: string, language: Language): boolean {
  if (language === 'ja') return /^[\p{Script=Han}\p{Script=Katakana}ー・]+$/u.test(phrase);
  return phrase.split(' ').every((w) => /^[A-Z0-9]/u.test(w));
}

/** The most frequent run of content words (≤ 4) containing the term, as written, and how often it occurs. */
function phraseAround(
  text: string,
  term: string,
  language: Language,
): { phrase: string; count: number } | undefined {
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
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0];
  return best ? { phrase: best[0], count: best[1] } : undefined;
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
  /^(?:(?:whether|whatever|however|although|though|because|while|when|where|which|who|if|unless|since|said|says|told|asked)\s+)+/iu;
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
  /^(?:(?:last|next|this|that|every|each|early|late)\s)?(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|decade|century|today|yesterday|morning|night|summer|winter|spring|autumn)s?$|^(?:今年|昨年|去年|来年|今月|先月|今日|昨日|毎日|今回)$/iu;

/** Capitalised, and not just at the start of sentences ("Bought", "Every" are not names). */
function isProperNoun(word: string, text: string): boolean {
  if (!/^[A-Z][\p{L}-]*$/u.test(word) || new RegExp(`\\b${word.toLowerCase()}\\b`, 'u').test(text))
    return false;
  // Capitalised in the middle of a sentence too.
  return new RegExp(`[\\p{Ll},;]\\s+${word}\\b`, 'u').test(text);
}

function capitalize(text: string): string {
  return text.length > 0 ? text[0]!.toUpperCase() + text.slice(1) : text;
}
