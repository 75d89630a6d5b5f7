import type { Language } from '../schema/script.ts';
import { toSpeakable } from './speakable.ts';

const MAX_CAPTION = 200;
/** Below this a caption is a label (「いぬのかお」, "Photo 3"), not a description. */
const MIN_CAPTION: Record<Language, { chars: number; words: number }> = {
  ja: { chars: 6, words: 1 },
  en: { chars: 12, words: 3 },
};
/** Alt text is shown only when it describes the picture at this length; shorter alt is a label. */
const MIN_ALT: Record<Language, { chars: number; words: number }> = {
  ja: { chars: 10, words: 1 },
  en: { chars: 20, words: 4 },
};
/** A file name or camera name: "IMG_2041", "dsc-0012.jpg", "hero_image", "image1". */
const FILE_LIKE =
  /^(?:[\w-]+\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?)|(?:img|dsc|dscn|dsc_|pxl|photo|image|pic|picture|screenshot)[\s_-]*\d*|[\w]+(?:[_-][\w]+)+|\d+)$/iu;

/** Short kana-only text is a label (「いぬのかお」): a Japanese caption names what it shows in kanji or katakana. */
const KANA_LABEL = /^[\p{Script=Hiragana}ー\s・]{1,12}$/u;

function describes(text: string, min: { chars: number; words: number }): boolean {
  if (text.length < min.chars || FILE_LIKE.test(text) || KANA_LABEL.test(text)) return false;
  return text.split(/\s+/u).filter((w) => /\p{L}/u.test(w)).length >= min.words;
}

/**
 * The caption shown under a picture: the page's caption when it says what the picture shows, else
 * its alt text when that is a full description; a label, a file name or short alt text is no
 * caption (the picture shows without one).
 */
export function pictureCaption(
  image: { caption?: string; alt?: string },
  language: Language,
): string | undefined {
  const caption = toSpeakable(image.caption ?? '').slice(0, MAX_CAPTION);
  if (describes(caption, MIN_CAPTION[language])) return caption;
  const alt = toSpeakable(image.alt ?? '').slice(0, MAX_CAPTION);
  return describes(alt, MIN_ALT[language]) ? alt : undefined;
}
