// Slide changes are crossfades: the one definition of them that both renderers follow. The
// composition draws a fade as the frame before it under the new picture at fadeOpacity; the
// pipeline's fast renderer composes the same frames from those two stills with ffmpeg. Pure
// TypeScript (no Remotion, no Node), so the pipeline imports it as `@movie-generator/remotion/fade`.
import type { Fade, Slide } from './props.ts';

/**
 * The fades into every slide but the first: over the slide's first `transitionFrames` frames
 * (all of them when the slide is shorter) the picture before the slide dissolves into the
 * slide's. Slides follow each other, so these fades never overlap.
 */
export function slideFades(
  slides: readonly Pick<Slide, 'startFrame' | 'durationInFrames'>[],
  transitionFrames: number,
): Fade[] {
  return slides
    .filter((s) => s.startFrame > 0)
    .map((s) => ({
      startFrame: s.startFrame,
      durationInFrames: Math.min(transitionFrames, s.durationInFrames),
    }))
    .filter((f) => f.durationInFrames > 0);
}

/** The fade that `frame` belongs to, if any. */
export function fadeAt(fades: readonly Fade[], frame: number): Fade | undefined {
  return fades.find((f) => frame >= f.startFrame && frame < f.startFrame + f.durationInFrames);
}

/**
 * Opacity of the new picture on frame `k` (0-based) of a fade `length` frames long: eased in and
 * out, and strictly between 0 and 1, so no frame of a fade repeats the picture before or after it.
 */
export function fadeOpacity(k: number, length: number): number {
  const x = (k + 1) / (length + 1);
  return x * x * (3 - 2 * x);
}
