import type { Script } from '../schema/script.ts';
import { BULLET_MAX_CHARS, SECTION_TITLE_MAX_CHARS } from '../schema/script.ts';

/**
 * A page that gives readings to only a few words marks them as rare (群来（くき）); a page that
 * rubies many words is written for young readers, and a gloss on every word would clutter the slides.
 */
const MAX_GLOSSED = 8;
const HAN = /\p{Script=Han}/u;

/**
 * Slides that show the page's own reading of a rare word once, at its first mention on screen
 * (titles and bullets in the order they appear): 「群来（くき）とは」. A word inside a longer kanji
 * compound (佐々木隆) is not glossed there: the gloss would split the compound.
 */
export function withShownReadings(script: Script, readings: Readonly<Record<string, string>>): Script {
  const words = Object.keys(readings);
  if (words.length === 0 || words.length > MAX_GLOSSED) return script;
  const pending = new Set(words);
  const gloss = (text: string, maxChars: number): string => {
    let out = text;
    // Longer words first: 群来 before 群.
    for (const word of [...pending].sort((a, b) => b.length - a.length)) {
      const at = wholeWordAt(out, word);
      if (at < 0) continue;
      const glossed = `${out.slice(0, at + word.length)}（${readings[word]}）${out.slice(at + word.length)}`;
      if (glossed.length > maxChars) continue;
      out = glossed;
      pending.delete(word);
    }
    return out;
  };
  return {
    ...script,
    sections: script.sections.map((section) => {
      if (pending.size === 0) return section;
      const title = gloss(section.title, SECTION_TITLE_MAX_CHARS);
      const bullets = section.bullets.map((b) => gloss(b, BULLET_MAX_CHARS));
      return { ...section, title, bullets };
    }),
  };
}

/** Where `word` first stands on its own in `text` (not followed by more kanji, not already glossed); -1 if nowhere. */
function wholeWordAt(text: string, word: string): number {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const next = text[at + word.length] ?? '';
    if (!HAN.test(next) && next !== '（' && next !== '(') return at;
  }
  return -1;
}
