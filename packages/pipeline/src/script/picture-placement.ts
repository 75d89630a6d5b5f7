import type { Language } from '../schema/script.ts';
import { extractTerms } from './terms.ts';

/** A picture to place: what it shows (caption and alt text) and where it sits on the page. */
export interface PlaceablePicture {
  /** Its caption and its alt text (either may be missing): the words that say what it shows. */
  descriptions: string[];
  /** Index of the body section the picture sits in (or right above) on the page. */
  section: number;
  /** Where in its section it sits: 0 at its start, 1 at its end (0 when not given). */
  within?: number;
  /**
   * Shown at its place on the page when no narration says what it shows: a picture the page
   * describes (a real caption) or leaves undescribed, not one named only by a label.
   */
  atPlace: boolean;
  /** The title card's picture: shown again only in a body without other pictures, on the slide that says most of what it shows. */
  lead?: boolean;
  /** The first slide it may go on (0 when not given): the lead picture not on the one after the title card. */
  firstSlot?: number;
}

/** A body slide a picture could go on. */
export interface PictureSlot {
  /** Index of the body section the slide belongs to. */
  section: number;
  /** Where in its section the slide's part lies: 0 at its start, 1 at its end (0.5 when not given). */
  within?: number;
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
/** A match of the lead picture this strong counts however little of its description the slide says. */
const STRONG_MATCH = 2 * MIN_MATCH;
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
 * Which slide shows each picture (undefined: none); a slide shows at most one picture.
 *
 * A picture goes on the free slide, within a section of its place on the page, whose narration
 * says most of what the picture shows (words weighted by how few slides use them). One that no
 * narration says still shows at its place when `atPlace`: on the free slide of its own section
 * (else the nearest section) that covers its place, of two as near the one that says more of it. The lead
 * picture takes a slide only when no other picture has one and a slide says what it shows well (see `lead`).
 */
export function placePictures(
  pictures: readonly PlaceablePicture[],
  slots: readonly PictureSlot[],
  language: Language,
): (number | undefined)[] {
  const slotTerms = slots.map((s) => pictureTerms(s.text, language));
  const slidesWith = (term: string) => slotTerms.filter((t) => t.has(term)).length;
  const weight = (term: string) => Math.max(Math.log((slots.length + 1) / (slidesWith(term) + 0.5)), 0);
  const placed: (number | undefined)[] = pictures.map(() => undefined);
  const taken = new Set<number>();
  const open = (s: number, picture: PlaceablePicture) =>
    slots[s]!.free && !taken.has(s) && s >= (picture.firstSlot ?? 0);
  const place = (p: number, s: number) => {
    placed[p] = s;
    taken.add(s);
  };
  const described = pictures.map((picture) => picture.descriptions.map((d) => pictureTerms(d, language)));
  // How much of what the picture shows a slide says, weighted by how rare each word is.
  const said = (p: number, s: number) => {
    const terms = described[p]!;
    const emphasis = (t: string) => (2 * terms.filter((d) => d.has(t)).length) / terms.length;
    const shared = [...new Set(terms.flatMap((d) => [...d]))].filter((t) => slotTerms[s]!.has(t));
    return { shared, score: shared.reduce((sum, t) => sum + weight(t) * emphasis(t), 0) };
  };
  // The pictures other than the lead, each on the free slide that says most of what it shows.
  const candidates: { picture: number; slot: number; score: number }[] = [];
  for (const [p, picture] of pictures.entries()) {
    if (picture.lead) continue;
    for (const s of slots.keys()) {
      const distance = Math.abs(slots[s]!.section - picture.section);
      if (!open(s, picture) || distance > SECTION_WINDOW) continue;
      const { shared, score } = said(p, s);
      const terms = described[p]!;
      if (shared.length === 0 || (shared.length === 1 && !terms.every((d) => d.has(shared[0]!)))) continue;
      const near = score * (1 - DISTANCE_COST * distance);
      if (near >= MIN_MATCH) candidates.push({ picture: p, slot: s, score: near });
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  for (const { picture, slot } of candidates) {
    if (placed[picture] === undefined && open(slot, pictures[picture]!)) place(picture, slot);
  }
  for (const [p, picture] of pictures.entries()) {
    if (picture.lead || !picture.atPlace || placed[p] !== undefined) continue;
    const at = picture.section + (picture.within ?? 0);
    const offset = (s: number) => Math.abs(slots[s]!.section + (slots[s]!.within ?? 0.5) - at);
    const free = [...slots.keys()].filter(
      (s) => open(s, picture) && Math.abs(slots[s]!.section - picture.section) <= SECTION_WINDOW,
    );
    // Its own section when it has a free slide, else the nearest section that has one.
    const section = Math.min(...free.map((s) => Math.abs(slots[s]!.section - picture.section)));
    const best = free
      .filter((s) => Math.abs(slots[s]!.section - picture.section) === section)
      .map((s) => ({ s, score: said(p, s).score, offset: offset(s) }))
      .sort((a, b) => a.offset - b.offset || b.score - a.score)[0];
    if (best) place(p, best.s);
  }
  // The title card already shows the lead picture: the body repeats it only when it shows no
  // other picture, on the slide that says most of what it shows (none when that slide cannot
  // take it), and only when that slide says two of its words or more, and half of the words of
  // what it shows or a strong match: a lesser match is worse than no repeat.
  for (const [p, picture] of pictures.entries()) {
    if (!picture.lead || placed.some((slot) => slot !== undefined)) continue;
    const words = new Set(described[p]!.flatMap((d) => [...d]));
    const best = [...slots.keys()]
      .filter((s) => Math.abs(slots[s]!.section - picture.section) <= SECTION_WINDOW)
      .map((s) => ({ s, ...said(p, s) }))
      .sort((a, b) => b.score - a.score || a.s - b.s)[0];
    const strong =
      best !== undefined &&
      best.shared.length >= Math.min(2, words.size) &&
      (2 * best.shared.length >= words.size || best.score >= STRONG_MATCH);
    if (strong && best.score >= MIN_MATCH && open(best.s, picture)) place(p, best.s);
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
