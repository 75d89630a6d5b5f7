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

/** Marks a line break or block boundary inside collected text until it is resolved. */
export const BREAK = '\uE000';
const BREAK_RUN = /\s*\uE000[\s\uE000]*/g;
const CJK_CHAR = new RegExp(`[${CJK}]`);
/** Closing punctuation after which Japanese text needs no separator. */
const CJK_CLOSING = /[。、，！？」』）】〕〉》…]/;

/**
 * normaliseText for text holding BREAK marks: each break becomes one space between words, an
 * ideographic space between two Japanese/Chinese characters (a plain space there would be
 * dropped and the two lines would read as one word: 「元旦のイソップ童話欲張りなイヌ」), and
 * nothing after closing punctuation or at either end.
 */
export function normaliseWithBreaks(text: string): string {
  const normal = normaliseText(text);
  if (!normal.includes(BREAK)) return normal;
  return normal
    .replace(BREAK_RUN, (_run, offset: number, whole: string) => {
      const before = whole[offset - 1];
      const after = whole[offset + _run.length];
      if (before === undefined || after === undefined) return '';
      if (CJK_CLOSING.test(before)) return '';
      return CJK_CHAR.test(before) && CJK_CHAR.test(after) ? '\u3000' : ' ';
    })
    .trim();
}
