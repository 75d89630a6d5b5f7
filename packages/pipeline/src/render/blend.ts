import { JPEG_STILL_ARGS } from './encoding.ts';
import { runFfmpeg } from './ffmpeg.ts';

/** One picture to make: `over` at `opacity` over `under` (all JPEG paths). */
export interface Blend {
  under: string;
  over: string;
  opacity: number;
  out: string;
}

/**
 * Writes each blend as a JPEG, all in one ffmpeg run: per pixel and plane,
 * opacity × over + (1 − opacity) × under, which is what Chromium composites for a layer of that
 * opacity over an opaque one. The stills stay full-range YUV 4:2:0 (as Chromium's JPEGs decode),
 * so they go through the same colour conversion as the drawn ones afterwards. Quality 2 of
 * ffmpeg's JPEG scale: each blend is shown for one frame only, and re-encoding loses less than
 * the x264 pass after it.
 */
export async function writeBlends(
  blends: readonly Blend[],
  options: { signal: AbortSignal; workDir: string },
): Promise<void> {
  if (blends.length === 0) return;
  const inputs = [...new Set(blends.flatMap((b) => [b.under, b.over]))];
  const uses = new Map(inputs.map((path) => [path, 0]));
  for (const b of blends) {
    uses.set(b.under, uses.get(b.under)! + 1);
    uses.set(b.over, uses.get(b.over)! + 1);
  }
  // Each input is split into one copy per use: [i0u0], [i0u1], …
  const taken = new Map(inputs.map((path) => [path, 0]));
  const take = (path: string) => {
    const n = taken.get(path)!;
    taken.set(path, n + 1);
    return `[i${inputs.indexOf(path)}u${n}]`;
  };
  const graph = [
    ...inputs.map((path, i) => {
      const n = uses.get(path)!;
      return `[${i}:v]split=${n}${Array.from({ length: n }, (_, k) => `[i${i}u${k}]`).join('')}`;
    }),
    // blend's first input is the top one: normal mode gives top × opacity + bottom × (1 − opacity).
    ...blends.map(
      (b, j) =>
        `${take(b.over)}${take(b.under)}blend=all_mode=normal:all_opacity=${b.opacity.toFixed(6)}[o${j}]`,
    ),
  ].join(';');
  await runFfmpeg(
    [
      ...inputs.flatMap((path) => ['-i', path]),
      '-filter_complex',
      graph,
      ...blends.flatMap((b, j) => ['-map', `[o${j}]`, '-frames:v', '1', ...JPEG_STILL_ARGS, b.out]),
    ],
    options,
  );
}
