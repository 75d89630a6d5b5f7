const KANA = /[\u3040-\u30ff\uff66-\uff9f]/gu;
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/gu;
const LETTER = /\p{L}/gu;

/** Shares of kana and of Chinese characters among the letters of a text. */
export function scriptShares(text: string): { kana: number; han: number } {
  const letters = text.match(LETTER)?.length ?? 0;
  if (letters === 0) return { kana: 0, han: 0 };
  return {
    kana: (text.match(KANA)?.length ?? 0) / letters,
    han: (text.match(HAN)?.length ?? 0) / letters,
  };
}

/** A guess from the text alone: Japanese when kana and kanji dominate, Chinese without kana. */
export function guessLanguageFromText(text: string): string {
  const { kana, han } = scriptShares(text);
  if (kana + han > 0.3) return kana > 0.05 ? 'ja' : 'zh';
  return 'en';
}

/** "ja-JP" → "ja", "en_GB" → "en"; undefined for empty or odd values. */
export function primaryLanguageTag(value: string | null | undefined): string | undefined {
  const tag = value?.trim().toLowerCase().split(/[-_]/)[0];
  return tag && /^[a-z]{2,3}$/.test(tag) ? tag : undefined;
}

/**
 * The article's language: the page's declaration (<html lang>, then og:locale), except that text
 * which is plainly Japanese wins over a template's stray lang="en", and a lang="ja" page whose
 * text has no Japanese at all falls back to the text guess. The voice is chosen from this.
 */
export function detectLanguage(declared: Array<string | null | undefined>, text: string): string {
  const fromPage = declared.map(primaryLanguageTag).find((tag) => tag !== undefined);
  const guessed = guessLanguageFromText(text);
  if (!fromPage) return guessed;
  if (guessed === 'ja' && fromPage !== 'ja') return 'ja';
  if (fromPage === 'ja' && scriptShares(text).kana + scriptShares(text).han < 0.01) return guessed;
  return fromPage;
}
