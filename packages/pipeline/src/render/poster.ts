import type { Slide, Subtitle } from '@movie-generator/remotion/props';
import { JPEG_STILL_ARGS } from './encoding.ts';
import { runFfmpeg } from './ffmpeg.ts';

/** Posters are this wide; the height keeps the video's aspect (1280×720 for landscape). */
export const POSTER_WIDTH = 1280;

/** Poster size for a video frame size: 1280 wide, even height. */
export function posterSize(width: number, height: number): { width: number; height: number } {
  return { width: POSTER_WIDTH, height: 2 * Math.round((POSTER_WIDTH * height) / width / 2) };
}

/**
 * The frame the poster shows: the title slide at its first frame that no subtitle covers (the
 * title slide's narration starts after a pause), so the poster is the title picture alone.
 */
export function posterFrame(timeline: {
  slides: readonly Pick<Slide, 'startFrame' | 'durationInFrames'>[];
  subtitles: readonly Pick<Subtitle, 'startFrame' | 'durationInFrames'>[];
}): number {
  const slide = timeline.slides[0]!;
  const end = slide.startFrame + slide.durationInFrames;
  const covered = (f: number) =>
    timeline.subtitles.some((s) => f >= s.startFrame && f < s.startFrame + s.durationInFrames);
  for (let f = slide.startFrame; f < end; f++) if (!covered(f)) return f;
  return slide.startFrame;
}

/**
 * Writes the poster JPEG: the video's `frame` (exactly that frame, counted by decoding), scaled
 * to the poster size. The video is limited-range BT.709; a JPEG is read as full-range BT.601, so
 * the colours are converted, not just relabelled.
 */
export async function writePoster(
  videoPath: string,
  frame: number,
  size: { width: number; height: number },
  outPath: string,
  options: { signal: AbortSignal; workDir: string },
): Promise<void> {
  await runFfmpeg(
    [
      '-i',
      videoPath,
      '-map',
      '0:v:0',
      '-vf',
      [
        `select=eq(n\\,${frame})`,
        `scale=${size.width}:${size.height}:flags=lanczos:in_color_matrix=bt709:out_color_matrix=bt601:in_range=tv:out_range=pc`,
        'format=yuvj420p',
      ].join(','),
      '-frames:v',
      '1',
      ...JPEG_STILL_ARGS,
      outPath,
    ],
    options,
  );
}
