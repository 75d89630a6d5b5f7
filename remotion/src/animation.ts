import type { CSSProperties } from 'react';
import { Easing, interpolate } from 'remotion';

/**
 * Progress (0..1) of one element's entrance within a slide. `phase` is the part of the
 * transition, as fractions of it, that the element animates in. The entrance always ends by
 * the slide's last transition frame (`transitionFrames - 1`): after that every style is
 * constant, which the fast renderer relies on to render static spans once.
 */
export function entranceProgress(
  frame: number,
  transitionFrames: number,
  phase: readonly [number, number],
): number {
  const last = transitionFrames - 1;
  if (last <= 0) return 1;
  const start = phase[0] * last;
  const end = phase[1] * last;
  if (end <= start) return frame >= end ? 1 : 0;
  return interpolate(frame, [start, end], [0, 1], {
    easing: Easing.out(Easing.cubic),
    extrapolateLeft: 'clamp',
    extrapolateRight: 'clamp',
  });
}

/** Fade in while moving `distance` px along an axis into place. */
export function fadeSlideIn(progress: number, distance: number, axis: 'x' | 'y' = 'y'): CSSProperties {
  const offset = (1 - progress) * distance;
  return {
    opacity: progress,
    transform: axis === 'x' ? `translateX(${offset}px)` : `translateY(${offset}px)`,
  };
}

/** Grow from the left edge (for accent bars). */
export function wipeIn(progress: number): CSSProperties {
  return { transform: `scaleX(${progress})`, transformOrigin: 'left center' };
}
