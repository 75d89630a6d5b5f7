import { type Box, computeFrameLayout, type FrameLayout } from './frame-layout.ts';

/** A speaker's badge: a circle of `diameter` centred on (cx, cy), its name below it. */
export interface BadgePlace {
  cx: number;
  cy: number;
  diameter: number;
  /** The name under the badge: its box (centred under the circle) and font size. */
  label: Box;
  labelFont: number;
}

/** The name tag on a dialogue subtitle: a small pill astride the band's top edge. */
export interface NameTagMetrics {
  fontSize: number;
  lineHeight: number;
  paddingX: number;
  paddingY: number;
  height: number;
  /** How far the tag's top sits above the band's top edge. */
  rise: number;
  /** From the band's left edge to the tag's left edge. */
  left: number;
}

export interface DialogueLayout {
  /** One per speaker, in the timeline's speaker order. */
  badges: BadgePlace[];
  /** Scale of a badge whose speaker is not talking. */
  idleScale: number;
  /** The subtitle band's maximum width, clear of the badges. */
  subtitleMaxWidth: number;
  /** Where the subtitle band can be at its tallest (two lines). */
  band: Box;
  tag: NameTagMetrics;
}

export const LABEL_LINE_HEIGHT = 1.25;
export const IDLE_BADGE_SCALE = 0.85;

/**
 * Where a dialogue's speaker badges and name tags go, from the frame layout alone (so 720p and
 * 1080p scale identically and the slides' content box is the same as a narration's):
 * - landscape: the badges flank the subtitle band, the first half on the left, the rest on the
 *   right, vertically centred on the band's two-line height; the band narrows to stay clear of
 *   them (its font is sized for the line budget, which still fits);
 * - vertical: the badges stand in one centred row just under the subtitle band, in the space the
 *   band keeps free above the phone's own overlays.
 * The name tag rises into the gap between the band and the slide's content box, never past it.
 */
export function computeDialogueLayout(frame: FrameLayout, speakerCount: number): DialogueLayout {
  const { width, height, u, vertical, content, subtitle: m } = frame;
  const bandMaxHeight = 2 * m.fontSize * m.lineHeight + 2 * m.paddingY;
  const bandBottom = height - m.bottom;
  const band: Box = {
    left: (width - m.maxWidth) / 2,
    top: bandBottom - bandMaxHeight,
    width: m.maxWidth,
    height: bandMaxHeight,
  };
  const diameter = (vertical ? 11 : 10) * u;
  const labelFont = (vertical ? 2.8 : 2.2) * u;
  const labelGap = 0.6 * u;
  const labelHeight = labelFont * LABEL_LINE_HEIGHT;
  const blockHeight = diameter + labelGap + labelHeight;
  // Each badge stands in a slot wide enough for its name under it.
  const slot = (vertical ? 22 : 12) * u;
  const slotGap = (vertical ? 4 : 1) * u;
  const place = (slotLeft: number, top: number): BadgePlace => ({
    cx: slotLeft + slot / 2,
    cy: top + diameter / 2,
    diameter,
    label: { left: slotLeft, top: top + diameter + labelGap, width: slot, height: labelHeight },
    labelFont,
  });

  const badges: BadgePlace[] = [];
  let subtitleMaxWidth = m.maxWidth;
  if (speakerCount > 0 && vertical) {
    const rowWidth = speakerCount * slot + (speakerCount - 1) * slotGap;
    const top = bandBottom + 2.5 * u;
    for (let i = 0; i < speakerCount; i++) {
      badges.push(place((width - rowWidth) / 2 + i * (slot + slotGap), top));
    }
  } else if (speakerCount > 0) {
    const leftCount = Math.ceil(speakerCount / 2);
    const rightCount = speakerCount - leftCount;
    const columnWidth = leftCount * slot + (leftCount - 1) * slotGap;
    const top = band.top + (band.height - blockHeight) / 2;
    const margin = content.left;
    for (let i = 0; i < leftCount; i++) badges.push(place(margin + i * (slot + slotGap), top));
    const rightStart = width - margin - (rightCount * slot + (rightCount - 1) * slotGap);
    for (let i = 0; i < rightCount; i++) badges.push(place(rightStart + i * (slot + slotGap), top));
    subtitleMaxWidth = Math.min(m.maxWidth, width - 2 * (margin + columnWidth + 2 * u));
  }

  const tagFont = (vertical ? 2.8 : 2.3) * u;
  const tagLineHeight = 1.2;
  const tagPaddingY = 0.3 * u;
  const tagHeight = tagFont * tagLineHeight + 2 * tagPaddingY;
  return {
    badges,
    idleScale: IDLE_BADGE_SCALE,
    subtitleMaxWidth,
    band: { ...band, left: (width - subtitleMaxWidth) / 2, width: subtitleMaxWidth },
    tag: {
      fontSize: tagFont,
      lineHeight: tagLineHeight,
      paddingX: 1.1 * u,
      paddingY: tagPaddingY,
      height: tagHeight,
      rise: 0.6 * tagHeight,
      left: m.barWidth + 0.6 * m.paddingX,
    },
  };
}

/** The dialogue layout of a frame of this size (tests sample the badges' pixels with it). */
export function dialogueLayoutFor(width: number, height: number, speakerCount: number): DialogueLayout {
  return computeDialogueLayout(computeFrameLayout(width, height), speakerCount);
}
