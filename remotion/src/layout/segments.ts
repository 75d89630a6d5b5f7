import { loadDefaultJapaneseParser } from 'budoux';

/**
 * Splits text into the pieces a line may break between. Japanese is split into phrases with
 * BudouX (the slides render them with <wbr> and `word-break: keep-all`, so a line never breaks
 * inside a word); every text also breaks after spaces. The same segments drive text fitting,
 * so the fitted size matches what the browser lays out.
 */
const japaneseParser = loadDefaultJapaneseParser();
const CJK = /[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

export function breakSegments(text: string): string[] {
  const clean = text.trim().replace(/\s+/g, ' ');
  if (clean === '') return [];
  const phrases = CJK.test(clean) ? japaneseParser.parse(clean) : [clean];
  return phrases.flatMap((phrase) => phrase.split(/(?<= )/)).filter((segment) => segment !== '');
}
