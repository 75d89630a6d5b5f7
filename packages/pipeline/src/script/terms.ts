import type { Language } from '../schema/script.ts';

const EN_STOPWORDS = new Set(
  (
    'the and for are but not you all any can had her was one our out day get has him his how man new now old see ' +
    'two way who boy did its let put say she too use that with have this will your from they know want been good ' +
    'much some time very when come here just like long make many more only over such take than them well were what ' +
    'into also about after again could first other their there these those which while would should because ' +
    'before being between both each even from further most same then through under until where why'
  ).split(' '),
);

const wordSegmenters: Record<Language, Intl.Segmenter> = {
  ja: new Intl.Segmenter('ja', { granularity: 'word' }),
  en: new Intl.Segmenter('en', { granularity: 'word' }),
};

const HAS_CONTENT_CHAR = /[\p{Script=Han}\p{Script=Katakana}A-Za-z]/u;

/**
 * Content words of a text, lower-cased: for Japanese the ICU dictionary words with kanji,
 * katakana or Latin letters (particles and other all-hiragana words are left out); for English
 * the words of three letters or more that are not stopwords, with a plural "s" dropped.
 */
export function extractTerms(text: string, language: Language): string[] {
  const segmenter = wordSegmenters[language];
  const terms: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    if (!isWordLike) continue;
    const word = segment.toLowerCase();
    if (language === 'ja') {
      if (word.length >= 2 && HAS_CONTENT_CHAR.test(word) && !/^\d+$/u.test(word)) terms.push(word);
    } else if (word.length >= 3 && /^[a-z]/u.test(word) && !EN_STOPWORDS.has(word)) {
      terms.push(stemEnglish(word));
    }
  }
  return terms;
}

function stemEnglish(word: string): string {
  const base = word.replace(/['’]s$/u, '');
  if (base.length > 4 && base.endsWith('ies')) return `${base.slice(0, -3)}y`;
  if (base.length > 4 && base.endsWith('s') && !base.endsWith('ss')) return base.slice(0, -1);
  return base;
}

/** How often each term occurs across the texts. */
export function termFrequencies(texts: readonly string[], language: Language): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const term of extractTerms(text, language)) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return counts;
}
