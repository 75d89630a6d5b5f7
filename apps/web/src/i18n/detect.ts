import { LANGS, type Lang } from './strings.ts';

export const LANG_STORAGE_KEY = 'movie-generator.lang';

function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/**
 * The UI language: the one the user picked before, else the first of the browser's languages
 * that we speak (ja-JP → ja, en-GB → en), else English.
 */
export function detectLang(browserLanguages: readonly string[], stored: string | null): Lang {
  if (isLang(stored)) return stored;
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLang(primary)) return primary;
  }
  return 'en';
}

export function readStoredLang(): string | null {
  try {
    return localStorage.getItem(LANG_STORAGE_KEY);
  } catch {
    return null; // storage disabled (private mode, sandboxed iframe)
  }
}

export function storeLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // the choice then lasts for this page only
  }
}
