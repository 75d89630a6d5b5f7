import type { Language } from '../schema/script.ts';

/** A headline's main part and its subtitle: "Inside a wood-fired kiln: four days…", 「湾に鰊の群れ戻る　４０年ぶり…」. */
const PARTS: Record<Language, RegExp> = {
  en: /^(.+?)(?::\s+|\s+[—–-]\s+)(.+)$/u,
  ja: /^(.+?)(?:　|：|―|──|\s[—–-]\s)(.+)$/u,
};
/** A label, not a name: "Chapter 4", "Part II", 「第4章」. */
const LABEL =
  /^(?:chapter|part|section|episode|lesson|step|vol(?:ume)?\.?|book|no\.?)\s*[\dIVXLC]+\.?$|^第[0-9０-９一二三四五六七八九十百]+[章回話部]$/iu;
const MIN_PART: Record<Language, number> = { en: 12, ja: 5 };
/**
 * A Japanese how-to title after a catchphrase (「初めてでも失敗しない　…の作り方」): the catchphrase
 * describes the title that follows it, so the title is the part after it.
 */
const HOW_TO_TITLE = /(?:方|方法|コツ|レシピ|ガイド|入門|手順|ポイント|秘訣)$/u;

/**
 * The headline said a second time (the sign-off after the recap) by its main part alone when it
 * has a subtitle: "Inside a wood-fired kiln", 「湾に鰊の群れ戻る」, and "Keeping Tools Sharp" for
 * "Chapter 4: Keeping Tools Sharp". The whole headline when its parts are too short to stand alone.
 */
export function shortTitle(title: string, language: Language): string {
  const match = PARTS[language].exec(title.trim());
  if (!match) return title;
  const [head, tail] = [match[1]!.trim(), match[2]!.trim()];
  const main = LABEL.test(head) || (language === 'ja' && HOW_TO_TITLE.test(tail)) ? tail : head;
  return main.length >= MIN_PART[language] ? main : title;
}
