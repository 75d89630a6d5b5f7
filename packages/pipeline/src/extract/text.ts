/** Kana, kanji and full-width forms: scripts written without spaces between words. */
const CJK = '\\u3000-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff01-\\uff60\\uff61-\\uff9f';
const SPACE_BETWEEN_CJK = new RegExp(`([${CJK}]) (?=[${CJK}])`, 'g');

/**
 * Collapses runs of whitespace to one space and trims. A line break inside Japanese source HTML
 * is not a word gap, so a space left between two CJK characters is dropped; an ideographic space
 * (U+3000), which Japanese titles use on purpose, is kept as one.
 */
export function normaliseText(text: string): string {
  return text
    .replace(/\s+/g, (run) => (run.includes('\u3000') ? '\u3000' : ' '))
    .trim()
    .replace(SPACE_BETWEEN_CJK, '$1');
}

/** Length in characters (code points), the unit the 200-character rule counts. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
