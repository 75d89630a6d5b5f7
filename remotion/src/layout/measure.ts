import { type FontWeight, theme } from '../theme.ts';
import type { MeasureEm } from './text-fit.ts';

/**
 * Text widths from a canvas in the page, with the same (system) font the slides use: system fonts
 * need no loading, so this is synchronous and gives the same answer on every frame.
 */
const MEASURE_PX = 100;
const caches = new Map<FontWeight, Map<string, number>>();
let context: CanvasRenderingContext2D | null | undefined;

function canvasContext(): CanvasRenderingContext2D | null {
  if (context === undefined) {
    context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  }
  return context;
}

/** Rough width when no canvas exists (outside a browser): full-width glyphs 1 em, others ~0.6 em. */
function estimateEm(text: string): number {
  let em = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x1100) em += 1;
    else if (char === ' ') em += 0.25;
    else em += 0.62;
  }
  return em;
}

export function measureEmFor(weight: FontWeight): MeasureEm {
  let cache = caches.get(weight);
  if (!cache) {
    cache = new Map();
    caches.set(weight, cache);
  }
  const widths = cache;
  return (text) => {
    const known = widths.get(text);
    if (known !== undefined) return known;
    const ctx = canvasContext();
    let em: number;
    if (ctx) {
      ctx.font = `${weight} ${MEASURE_PX}px ${theme.fontFamily}`;
      em = ctx.measureText(text).width / MEASURE_PX;
    } else {
      em = estimateEm(text);
    }
    widths.set(text, em);
    return em;
  };
}
