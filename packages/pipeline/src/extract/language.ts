const KANA = /[\u3040-\u30ff\uff66-\uff9f]/gu;
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/gu;
const LETTER = /\p{L}/gu;
/**
 * Characters common in Chinese text and absent (or nearly so) from Japanese: simplified forms
 * and function words (这 们 个 说 为 过 还 没 时 对 从 会 发 经 吗 呢 的话…).
 */
const CHINESE_ONLY = /[这们个说为过还没时对从会发经吗呢么着给让该应边啊吧哪谁她它们与并将]/gu;
/** Other scripts, each of which names its language well enough for our purpose. */
const SCRIPTS: Array<[RegExp, string]> = [
  [/[\uac00-\ud7af\u1100-\u11ff]/gu, 'ko'],
  [/[\u0400-\u04ff]/gu, 'ru'],
  [/[\u0600-\u06ff]/gu, 'ar'],
  [/[\u0590-\u05ff]/gu, 'he'],
  [/[\u0e00-\u0e7f]/gu, 'th'],
  [/[\u0900-\u097f]/gu, 'hi'],
  [/[\u0370-\u03ff]/gu, 'el'],
];
/** Frequent short words of Latin-script languages; a text's language is the one it uses most. */
const STOPWORDS: Record<string, string[]> = {
  en: [
    'the',
    'and',
    'of',
    'to',
    'is',
    'in',
    'that',
    'it',
    'was',
    'for',
    'with',
    'as',
    'on',
    'are',
    'this',
    'by',
  ],
  fr: [
    'le',
    'la',
    'les',
    'et',
    'des',
    'est',
    'une',
    'un',
    'du',
    'pour',
    'que',
    'dans',
    'qui',
    'sur',
    'pas',
    'au',
  ],
  de: [
    'der',
    'die',
    'und',
    'das',
    'ist',
    'nicht',
    'mit',
    'sich',
    'des',
    'ein',
    'eine',
    'auf',
    'für',
    'dem',
    'auch',
    'zu',
  ],
  es: [
    'el',
    'la',
    'los',
    'las',
    'y',
    'que',
    'del',
    'en',
    'es',
    'por',
    'con',
    'para',
    'una',
    'un',
    'se',
    'como',
  ],
  it: [
    'il',
    'di',
    'che',
    'la',
    'per',
    'non',
    'una',
    'sono',
    'della',
    'con',
    'gli',
    'anche',
    'del',
    'è',
    'le',
    'nel',
  ],
  pt: [
    'de',
    'que',
    'não',
    'uma',
    'para',
    'com',
    'os',
    'as',
    'do',
    'da',
    'em',
    'um',
    'é',
    'mais',
    'por',
    'no',
  ],
  nl: [
    'de',
    'het',
    'een',
    'en',
    'van',
    'is',
    'dat',
    'niet',
    'op',
    'te',
    'zijn',
    'met',
    'voor',
    'ook',
    'die',
    'er',
  ],
};
/** Only this much text is looked at: the language does not change halfway through an article. */
const SAMPLE = 6000;

/** Shares of kana and of Chinese characters among the letters of a text. */
export function scriptShares(text: string): { kana: number; han: number } {
  const letters = text.match(LETTER)?.length ?? 0;
  if (letters === 0) return { kana: 0, han: 0 };
  return {
    kana: (text.match(KANA)?.length ?? 0) / letters,
    han: (text.match(HAN)?.length ?? 0) / letters,
  };
}

export interface LanguageGuess {
  language: string;
  /** Whether the text alone is clear enough to overrule the page's declaration. */
  confident: boolean;
}

/**
 * The language of a text from its scripts and words: Japanese when kana are a fair share of the
 * CJK characters, Chinese when Chinese characters come (almost) without kana, Korean, Russian...
 * by their scripts, and Latin-script languages by their most frequent short words.
 */
export function guessLanguage(fullText: string): LanguageGuess {
  const text = fullText.slice(0, SAMPLE);
  const letters = text.match(LETTER)?.length ?? 0;
  if (letters === 0) return { language: 'en', confident: false };
  const kana = text.match(KANA)?.length ?? 0;
  const han = text.match(HAN)?.length ?? 0;
  if ((kana + han) / letters > 0.3) {
    const chineseOnly = text.match(CHINESE_ONLY)?.length ?? 0;
    // Japanese prose is rarely under 20% kana; Chinese has none beyond a stray name.
    if (kana / (kana + han) >= 0.1 && kana > chineseOnly) return { language: 'ja', confident: letters >= 20 };
    return { language: 'zh', confident: letters >= 20 };
  }
  for (const [script, language] of SCRIPTS) {
    if ((text.match(script)?.length ?? 0) / letters > 0.3) return { language, confident: true };
  }
  return guessLatin(text);
}

function guessLatin(text: string): LanguageGuess {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 20) return { language: 'en', confident: false };
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  const scores = Object.entries(STOPWORDS)
    .map(([language, list]) => ({ language, score: list.reduce((n, w) => n + (counts.get(w) ?? 0), 0) }))
    .sort((a, b) => b.score - a.score);
  const [best, second] = scores;
  if (!best || best.score === 0) return { language: 'en', confident: false };
  // Clear when the best language's words are frequent and well ahead of the runner-up's.
  const confident = best.score / words.length >= 0.12 && best.score >= 1.5 * (second?.score ?? 0);
  return { language: best.language, confident };
}

/** A guess from the text alone (kept for callers that only have text). */
export function guessLanguageFromText(text: string): string {
  return guessLanguage(text).language;
}

/** "ja-JP" → "ja", "en_GB" → "en"; undefined for empty or odd values. */
export function primaryLanguageTag(value: string | null | undefined): string | undefined {
  const tag = value?.trim().toLowerCase().split(/[-_]/)[0];
  return tag && /^[a-z]{2,3}$/.test(tag) ? tag : undefined;
}

const CJK_LANGUAGES = new Set(['ja', 'zh', 'ko']);

/**
 * The article's language: the page's declaration (<html lang>, then og:locale) unless the text
 * plainly says otherwise. Japanese and Chinese are told apart by the text (kana), whatever the
 * template declares; a text in another script than the declared language wins; a clear Latin
 * text (German under a template's lang="en") wins over the declaration. The voice, and whether
 * the offline script can narrate the article at all, are chosen from this.
 */
export function detectLanguage(declared: Array<string | null | undefined>, text: string): string {
  const fromPage = declared.map(primaryLanguageTag).find((tag) => tag !== undefined);
  const guess = guessLanguage(text);
  if (!fromPage) return guess.language;
  if (fromPage === guess.language) return fromPage;
  if (CJK_LANGUAGES.has(guess.language))
    return guess.confident || CJK_LANGUAGES.has(fromPage) ? guess.language : fromPage;
  if (CJK_LANGUAGES.has(fromPage)) {
    // A CJK declaration over text with (almost) no CJK characters: the text decides.
    const { kana, han } = scriptShares(text.slice(0, SAMPLE));
    return kana + han < 0.01 ? guess.language : fromPage;
  }
  return guess.confident ? guess.language : fromPage;
}
