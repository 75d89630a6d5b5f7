import type { Slide, SlideImage } from '@movie-generator/remotion/props';
import type { Section } from '../schema/script.ts';

/** A picture the renderer can show: its local source and pixel size, by the script's URL. */
export type LocalImageSource = Omit<SlideImage, 'caption'>;
export type ImageSources = ReadonlyMap<string, LocalImageSource>;

/** Content of a slide besides its title and bullets: the layout and the data it needs. */
export type SlideContent = Pick<Slide, 'layout' | 'image' | 'figure' | 'quote' | 'keyPoint' | 'list'>;

/**
 * What a body section's slide shows. A layout whose data is missing (no figure, no quote, or a
 * picture that was not downloaded) or a quote no narration of the section says falls back to bullets, so the renderer never gets a layout it
 * cannot draw.
 */
export function sectionContent(section: Section, images: ImageSources): SlideContent {
  const layout = section.layout ?? 'bullets';
  if (layout === 'picture' && section.image) {
    const local = images.get(section.image.url);
    if (local) return { layout, image: withCaption(local, section.image.caption) };
  }
  if (layout === 'figure' && section.figure) return { layout, figure: section.figure };
  if (layout === 'list' && section.list) return { layout, list: section.list };
  // A quote stays on screen for the whole section, so it is shown only when the section says it.
  if (layout === 'quote' && section.quote && isNarrated(section.quote.text, section)) {
    return { layout, quote: section.quote };
  }
  if (layout === 'keypoint' && section.keyPoint) return { layout, keyPoint: { text: section.keyPoint.text } };
  return { layout: 'bullets' };
}

/**
 * When a key point appears, in frames from the slide's start: when the narration that says it
 * starts. Undefined when it shows from the start (no narration named, or the slide's first).
 */
export function keyPointReveal(
  section: Section,
  narrationStarts: readonly number[],
  slideStart: number,
): Pick<Slide, 'keyPointReveal'> {
  const at = section.layout === 'keypoint' ? section.keyPoint?.narration : undefined;
  const start = at === undefined ? undefined : narrationStarts[at];
  if (start === undefined || at === 0) return {};
  const reveal = Math.max(0, start - slideStart);
  return reveal > 0 ? { keyPointReveal: reveal } : {};
}

/** Letters and digits only, case- and width-folded: "“Yes,” she said" and "yes she said" compare equal. */
const normalise = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** Whether the section's narrations (together, as a quote may span two) say `text`. */
export function isNarrated(text: string, section: Pick<Section, 'narrations'>): boolean {
  const said = normalise(text);
  return said.length > 0 && normalise(section.narrations.map((n) => n.text).join(' ')).includes(said);
}

/** The title slide's lead picture, when it was downloaded. */
export function leadImage(image: { url: string; caption?: string } | undefined, images: ImageSources) {
  const local = image && images.get(image.url);
  return local ? withCaption(local, image.caption) : undefined;
}

const withCaption = (local: LocalImageSource, caption: string | undefined): SlideImage =>
  caption ? { ...local, caption } : { ...local };

/** How early (frames at 30 fps) a slide's first bullet may show before its narration starts: 3 s. */
const MAX_EARLY_FIRST_BULLET_FRAMES = 90;

/**
 * When each bullet appears, in frames from the slide's start: when the first narration that
 * points at it starts; bullets no narration points at show from the start, and so does the first
 * bullet to be revealed when it is said within 3 s (a slide does not open on an empty bullet area
 * for a moment) unless the slide opens on a quote or a figure, whose bullets all wait for their
 * narrations. Undefined when every bullet shows from the start (nothing to reveal).
 */
export function bulletReveals(
  section: Section,
  narrationStarts: readonly number[],
  slideStart: number,
): number[] | undefined {
  const reveals = section.bullets.map(() => 0);
  const pointed = new Set<number>();
  section.narrations.forEach((narration, i) => {
    const b = narration.bullet;
    if (b === undefined || b >= section.bullets.length || pointed.has(b)) return;
    pointed.add(b);
    reveals[b] = Math.max(0, narrationStarts[i]! - slideStart);
  });
  // A slide with a quote or a figure opens on that panel; its bullets wait for their narrations.
  const hasPanel =
    (section.layout === 'quote' && section.quote) || (section.layout === 'figure' && section.figure);
  const first = Math.min(...[...pointed].map((b) => reveals[b]!));
  const firstBullet = [...pointed].find((b) => reveals[b] === first);
  // Shown early only by a moment: a bullet on screen long before it is said reads as a mismatch.
  if (firstBullet !== undefined && !hasPanel && first <= MAX_EARLY_FIRST_BULLET_FRAMES)
    reveals[firstBullet] = 0;
  if (reveals.every((r) => r === 0)) return undefined;
  return reveals;
}

/**
 * The step numbers a slide draws in place of its bullet markers: the section's, when it has one
 * entry per bullet and at least one number; otherwise none (plain bullets).
 */
export function bulletSteps(section: Section): Pick<Slide, 'steps'> {
  const steps = section.steps;
  if (!steps || steps.length !== section.bullets.length || !steps.some((n) => n !== null)) return {};
  return { steps };
}
