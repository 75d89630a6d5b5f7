import { BULLET_MAX_CHARS, type Language } from '../schema/script.ts';

/**
 * Default narration budgets, about 2.5 minutes of speech. Measured on this machine, one clip per
 * narration as the audio stage makes them (the silence around each clip included):
 * - Open JTalk (nitech m001): an offline script of 616 characters spoke for 139 s → 4.4 chars/s
 *   (comma-heavy text down to 3.9 chars/s). 650 chars → ~150 s (2.5–2.8 min).
 * - espeak-ng (default English voice): a script of 1920 characters spoke for 112 s → 17.2 chars/s.
 *   2400 chars → ~140 s (2.3 min).
 * speech-rate.test.ts checks these rates against the engines.
 */
export const DEFAULT_CHAR_BUDGET: Record<Language, number> = { ja: 650, en: 2400 };

/**
 * When no budget is set, a longer article gets a longer video, up to this many characters
 * (about 5 minutes of speech): viewers judged 2.5-minute cuts of 1,300-character Japanese
 * articles as missing the point (a story's climax, a recipe's steps), so most of an article is
 * told rather than sampled. Rendered Japanese videos run about 0.21 s per narration character
 * with their pauses (1,232 characters: 4 min 30 s), so 1,400 characters stay within 5 minutes
 * and leave room for a 1,500-character article's explanations and caveats.
 */
export const MAX_AUTO_CHAR_BUDGET: Record<Language, number> = { ja: 1400, en: 4800 };
/** Share of the article's text the automatic budget aims to narrate: all of it, as far as the cap allows (viewers missed dropped points more than they minded length). */
const AUTO_COVERAGE = 1.0;
/**
 * What the script says besides the article's own sentences: the introduction (title and site)
 * and the closing (its takeaway or last word and the recap of key points). Without room for them
 * an article shorter than the cap still lost a sixth of its sentences.
 */
export const FRAME_CHARS: Record<Language, number> = { ja: 250, en: 550 };

/** The narration budget for an article of `textLength` characters when none is configured. */
export function autoCharBudget(language: Language, textLength: number): number {
  const wanted = Math.round(textLength * AUTO_COVERAGE) + FRAME_CHARS[language];
  return Math.min(MAX_AUTO_CHAR_BUDGET[language], Math.max(DEFAULT_CHAR_BUDGET[language], wanted));
}

/** Slides per video, opening and closing included (the schema allows 14). */
export const DEFAULT_MAX_SECTIONS = 14;

/** Length limits for the text the offline provider writes, per language. */
export interface TextLimits {
  /** One narration (one or two sentences). */
  narration: number;
  /** One slide bullet. */
  bullet: number;
  /** One bullet of the closing's recap: a point in a few words (its short whole form), up to four on its slide. */
  recapBullet: number;
  /** A section title made from a sentence (no heading). */
  generatedTitle: number;
  /** A heading used as a section title. */
  headingTitle: number;
  /** Below this, a body section has too little room to say anything. */
  minSectionChars: number;
}

export const TEXT_LIMITS: Record<Language, TextLimits> = {
  ja: {
    narration: 120,
    bullet: 44,
    recapBullet: 44,
    generatedTitle: 30,
    headingTitle: 60,
    minSectionChars: 60,
  },
  en: {
    narration: 250,
    bullet: 100,
    recapBullet: 90,
    generatedTitle: 60,
    headingTitle: 100,
    minSectionChars: 150,
  },
};

/** The script language for an article: its own when ja/en, else Japanese (the product's first language). */
export function languageOfArticle(articleLanguage: string): Language {
  const tag = articleLanguage.trim().toLowerCase();
  if (tag.startsWith('ja')) return 'ja';
  if (tag.startsWith('en')) return 'en';
  return 'ja';
}

const JAPANESE_CHAR = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/gu;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const LATIN = /\p{Script=Latin}/gu;
const LETTER = /\p{L}/gu;
/** Words that make up a good share of any English text and rarely occur in other Latin-script languages. */
const ENGLISH_MARKERS = new Set(
  'the and of to is are was were that this with for it be have has not from by which you they their will would'.split(
    ' ',
  ),
);
/** Characters looked at to tell the language (the start of the article says enough). */
const LANGUAGE_SAMPLE_CHARS = 6000;

/**
 * The language the offline provider can narrate the text in, or undefined when it cannot:
 * Japanese needs kana (Chinese is written in han characters alone, and a Japanese voice reading
 * it would be nonsense); English needs Latin letters with English function words, so a French or
 * German article is refused even when the page declares nothing.
 */
export function narratableLanguage(text: string, declared: string): Language | undefined {
  const sample = text.slice(0, LANGUAGE_SAMPLE_CHARS);
  const letters = sample.match(LETTER)?.length ?? 0;
  if (letters === 0) return undefined;
  const japanese = (sample.match(JAPANESE_CHAR)?.length ?? 0) / letters;
  const kana = (sample.match(KANA)?.length ?? 0) / letters;
  const latin = (sample.match(LATIN)?.length ?? 0) / letters;
  if (japanese > 0.2) return kana >= 0.05 ? 'ja' : undefined;
  if (latin < 0.6) return undefined;
  const words = sample.toLowerCase().match(/[a-z]+/gu) ?? [];
  const english = words.filter((w) => ENGLISH_MARKERS.has(w)).length / Math.max(1, words.length);
  const tag = declared.trim().toLowerCase().split(/[-_]/u)[0] ?? '';
  // A declared English page needs little evidence; an undeclared or other-language page needs more.
  return english >= (tag === 'en' ? 0.04 : 0.08) ? 'en' : undefined;
}

/**
 * The language the text is actually written in, as far as reading it aloud goes: Japanese when
 * kana/kanji make up a fair share of the letters, else English.
 */
export function detectTextLanguage(text: string): Language {
  const sample = text.slice(0, 4000);
  const japanese = sample.match(JAPANESE_CHAR)?.length ?? 0;
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  return letters > 0 && japanese / letters > 0.2 ? 'ja' : 'en';
}
