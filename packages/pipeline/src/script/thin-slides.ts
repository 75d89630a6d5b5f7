import type { Language, ScriptImage, Section } from '../schema/script.ts';
import { TEXT_LIMITS } from './language.ts';
import { samePicture } from './same-picture.ts';

/** A merged slide shows at most this many bullets… */
const MAX_MERGED_BULLETS = 4;
/** …or, without a picture, this many when each of them is short (at most SHORT_BULLET_SHARE of the bullet limit). */
const MAX_MERGED_SHORT_BULLETS = 5;
const SHORT_BULLET_SHARE = 0.6;
/** A merged slide is said over at most this many narrations (it is held while they are said). */
const MAX_MERGED_NARRATIONS = 6;

/**
 * Body slides with a single bullet ("Walk along the eastern terminal at dawn…" alone for five
 * seconds, 「三つの要因を挙げる」 announcing the items the next slide shows) joined to a neighbouring
 * slide of the same part, when `sameSection` says the two belong together and the result stays
 * readable (see joinable). Only plain slides join: a figure or quote panel keeps its own narrations,
 * and two pictures never share a slide. A thin picture slide joins the slide after it (its picture
 * still shows as it is said); a thin plain slide joins the slide before it, else the one after
 * (a picture slide then shows its picture from the joined narration on), except that the first
 * body slide never takes the title card's `leadImage`. `owners` (the part of each slide) is
 * updated alongside.
 */
export function mergeThinSlides(
  slides: Section[],
  owners: number[],
  language: Language,
  sameSection: (a: number, b: number) => boolean,
  leadImage?: ScriptImage,
): void {
  for (let k = 0; k < slides.length; k++) {
    const slide = slides[k]!;
    if (!isThin(slide)) continue;
    const order = slide.layout === 'picture' ? [k + 1, k - 1] : [k - 1, k + 1];
    const into = order.find(
      (j) =>
        j >= 0 &&
        j < slides.length &&
        owners[j] === owners[k] &&
        sameSection(Math.min(j, k), Math.max(j, k)) &&
        joinable(slide, slides[j]!, language) &&
        // The title card shows the lead picture: the first body slide does not show it again.
        !(Math.min(j, k) === 0 && showsLead(slides[j]!.image ?? slide.image, leadImage)),
    );
    if (into === undefined) continue;
    const [first, second] = into < k ? [into, k] : [k, into];
    const merged = joined(slides[first]!, slides[second]!, slides[into]!.title);
    slides.splice(first, 2, merged);
    owners.splice(first, 2, owners[first]!);
    // The joined slide may itself still be thin next to another one: look at it again.
    k = first - 1;
  }
}

/** A body slide of plain bullets (with or without a picture) that shows exactly one bullet. */
function isThin(slide: Section): boolean {
  return slide.kind === 'body' && isPlain(slide) && slide.bullets.length === 1;
}

function isPlain(slide: Section): boolean {
  return (slide.layout ?? 'bullets') === 'bullets' || slide.layout === 'picture';
}

function joinable(thin: Section, other: Section, language: Language): boolean {
  if (other.kind !== 'body' || !isPlain(other) || other.bullets.length === 0) return false;
  if (thin.image && other.image) return false;
  const bullets = [...thin.bullets, ...other.bullets];
  if (thin.narrations.length + other.narrations.length > MAX_MERGED_NARRATIONS) return false;
  const short = TEXT_LIMITS[language].bullet * SHORT_BULLET_SHARE;
  // Beside a picture the bullets have half the width: four at most, however short.
  return (
    bullets.length <= MAX_MERGED_BULLETS ||
    (!(thin.image ?? other.image) &&
      bullets.length <= MAX_MERGED_SHORT_BULLETS &&
      bullets.every((b) => b.length <= short))
  );
}

/** Two consecutive slides as one: the first's narrations and bullets, then the second's. */
function joined(first: Section, second: Section, title: string): Section {
  const offset = first.bullets.length;
  const image = first.image ?? second.image;
  const { figure: _f, quote: _q, image: _i, layout: _l, ...rest } = first;
  return {
    ...rest,
    title,
    bullets: [...first.bullets, ...second.bullets],
    narrations: [
      ...first.narrations,
      ...second.narrations.map((n) => (n.bullet === undefined ? n : { ...n, bullet: n.bullet + offset })),
    ],
    layout: image ? 'picture' : 'bullets',
    ...(image ? { image } : {}),
  };
}

function showsLead(image: ScriptImage | undefined, leadImage: ScriptImage | undefined): boolean {
  return image !== undefined && leadImage !== undefined && samePicture(image.url, leadImage.url);
}
