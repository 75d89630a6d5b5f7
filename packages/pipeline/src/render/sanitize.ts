import type { Slide, Timeline } from '@movie-generator/remotion/props';
import { isLocalImageSource } from '../images/local-source.ts';

/**
 * The timeline as it may go to Chromium: every picture whose source is not a local data: URL
 * of a JPEG is dropped (a picture slide without its picture becomes a bullets slide), so nothing
 * in the props can make the renderer fetch from the network. Returns how many were dropped.
 */
export function sanitizeTimeline(timeline: Timeline): { timeline: Timeline; dropped: number } {
  let dropped = 0;
  const slides = timeline.slides.map((slide): Slide => {
    if (!slide.image || isLocalImageSource(slide.image.src)) return slide;
    dropped += 1;
    const { image: _image, ...rest } = slide;
    return rest.layout === 'picture' ? { ...rest, layout: 'bullets' } : rest;
  });
  return { timeline: dropped ? { ...timeline, slides } : timeline, dropped };
}
