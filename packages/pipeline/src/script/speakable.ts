/** Turns article text into text a voice can read and subtitles can show. */

const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"'「」『』（）()]+/giu;
/** [1], [12], [注1], [要出典], [citation needed], ［2］, and *1 / ※1 style note marks. */
const FOOTNOTE_PATTERN =
  /[[［]\s*(?:\d{1,3}|注\s*\d{0,3}|要出典|citation needed|note\s*\d{1,3}|[a-z])\s*[\]］]|(?:\*|※)\d{1,3}(?!\d)/giu;
const EMPTY_BRACKETS = /[(（]\s*[)）]|[「『]\s*[」』]/gu;
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u3000-\\u303f\\uff00-\\uffef';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])[ \\t]+(?=[${CJK}])`, 'gu');

/** "(see https://…)" / 「（参照：https://…）」: a parenthetical that only points to a link. */
const LINK_PARENTHETICAL = /[(（][^()（）]*\b(?:https?:\/\/|www\.)[^()（）]*[)）]/giu;

export function toSpeakable(text: string): string {
  return text
    .replace(LINK_PARENTHETICAL, '')
    .replace(URL_PATTERN, '')
    .replace(FOOTNOTE_PATTERN, '')
    .replace(EMPTY_BRACKETS, '')
    .replace(/[\s\u3000]+/gu, ' ')
    .replace(SPACE_BETWEEN_CJK, '')
    .replace(/\s+([,.!?;:、。！？，．])/gu, '$1')
    .trim();
}

/**
 * False for text that would sound like noise: code, tables of symbols, bare numbers.
 * Needs a few letters and not too many ASCII symbols.
 */
export function isSpeakable(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 4) return false;
  const symbols = text.match(/[{}[\]<>=;|\\/_$#@^~`*]/gu)?.length ?? 0;
  return symbols / text.length < 0.08;
}
