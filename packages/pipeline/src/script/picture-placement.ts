import type { Language } from '../schema/script.ts';
import { extractTerms } from './terms.ts';

/** A picture to place: what it shows (caption and alt text) and which body section it sits in on the page. */
export interface PlaceablePicture {
  /** Its caption and its alt text (either may be missing): the words that say what it shows. */
  descriptions: string[];
  /** Index of the body section the picture sits in (or right above) on the page. */
  section: number;
}

/** A body slide a picture could go on. */
export interface PictureSlot {
  /** Index of the body section the slide belongs to. */
  section: number;
  /** What the slide's narrations say. */
  text: string;
  /** False for slides that already show a figure or quote panel. */
  free: boolean;
}

/** How many sections before and after its own a picture may move to follow the narration that matches it. */
const SECTION_WINDOW = 1;
/**
 * How much of what a picture shows a slide's narration must say: the shared words, each weighted
 * by how few slides use it and doubled when both the caption and the alt text name it (the
 * picture's subject). A single shared word counts only when every description names it: 「橋」 for
 * a bridge picture, "ash" for an ash glaze, not "eastern" of "the eastern quay at night".
 */
const MIN_MATCH = 1.5;
/** Share of the match a slide loses per section it lies away from the picture's place on the page. */
const DISTANCE_COST = 0.25;
/** Single kanji that say nothing about a picture on their own. */
const GENERIC_KANJI = new Set([...'日月年時人中上下方者的等前後今分間回本大小']);
const CONTENT_JA = /[\p{Script=Han}\p{Script=Katakana}A-Za-z]/u;
const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

/**
 * Words that say what a text is about, for matching a picture to a narration: for English the
 * content words with "-ing"/"-ed" dropped too; for Japanese the dictionary words with kanji,
 * katakana or Latin letters without their okurigana, single kanji included (橋, 肉) and the head
 * kanji of a compound too, generic ones (日, 人) left out.
 */
export function pictureTerms(text: string, language: Language): Set<string> {
  if (language === 'en') {
    return new Set(extractTerms(text, 'en').map((t) => (t.length > 5 ? t.replace(/(?:ing|ed)$/u, '') : t)));
  }
  const terms = new Set<string>();
  const add = (term: string) => {
    if (term.length > 1 || !GENERIC_KANJI.has(term)) terms.add(term.toLowerCase());
  };
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    // Okurigana dropped: 「上の」 is 上, 「渡り」 is 渡.
    const stem = segment.replace(/\p{Script=Hiragana}+$/u, '');
    if (!isWordLike || !CONTENT_JA.test(stem) || /^\d+$/u.test(stem)) continue;
    add(stem);
    // A kanji compound also names its head: 一本橋 is a 橋, 北浜湾 a 湾.
    if (/^\p{Script=Han}{3,}$/u.test(stem)) add(stem.at(-1)!);
  }
  return terms;
}

/**
 * Which slide shows each picture (undefined: none). A picture goes on the free slide, within a
 * section of its place on the page, whose narration says most of what the picture shows (words
 * weighted by how few slides use them); a picture whose content no slide says is not shown, and a
 * slide shows at most one picture. A picture with no description stays at its place on the page:
 * the first free slide of its section.
 */
export function placePictures(
  pictures: readonly PlaceablePicture[],
  slots: readonly PictureSlot[],
  language: Language,
): (number | undefined)[] {
  const slotTerms = slots.map((s) => pictureTerms(s.text, language));
  const slidesWith = (term: string) => slotTerms.filter((t) => t.has(term)).length;
  const weight = (term: string) => Math.log((slots.length + 1) / (slidesWith(term) + 0.5));
  const candidates: { picture: number; slot: number; score: number }[] = [];
  const placed: (number | undefined)[] = pictures.map(() => undefined);
  const taken = new Set<number>();
  for (const [p, picture] of pictures.entries()) {
    const described = picture.descriptions.map((d) => pictureTerms(d, language));
    const terms = [...new Set(described.flatMap((d) => [...d]))];
    const emphasis = (t: string) => (2 * described.filter((d) => d.has(t)).length) / described.length;
    const near = (s: number) =>
      slots[s]!.free && Math.abs(slots[s]!.section - picture.section) <= SECTION_WINDOW;
    if (terms.length === 0) {
      const own = slots.findIndex((slot, s) => near(s) && slot.section >= picture.section && !taken.has(s));
      if (own >= 0) {
        placed[p] = own;
        taken.add(own);
      }
      continue;
    }
    for (const [s, said] of slotTerms.entries()) {
      if (!near(s)) continue;
      const shared = terms.filter((t) => said.has(t));
      if (shared.length === 1 && emphasis(shared[0]!) < 2) continue;
      const distance = Math.abs(slots[s]!.section - picture.section);
      const score =
        shared.reduce((sum, t) => sum + Math.max(weight(t), 0) * emphasis(t), 0) *
        (1 - DISTANCE_COST * distance);
      if (score >= MIN_MATCH) candidates.push({ picture: p, slot: s, score });
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  for (const { picture, slot } of candidates) {
    if (placed[picture] !== undefined || taken.has(slot)) continue;
    placed[picture] = slot;
    taken.add(slot);
  }
  return placed;
}

/**
 * Which of a slide's narrations says most of what the picture shows (by shared words; the first
 * of equal ones): the picture should appear when it is said.
 */
export function matchingNarration(
  descriptions: readonly string[],
  narrations: readonly string[],
  language: Language,
): number {
  const terms = new Set(descriptions.flatMap((d) => [...pictureTerms(d, language)]));
  let best = 0;
  let bestShared = 0;
  for (const [k, text] of narrations.entries()) {
    const shared = [...pictureTerms(text, language)].filter((t) => terms.has(t)).length;
    if (shared > bestShared) {
      best = k;
      bestShared = shared;
    }
  }
  return best;
}
