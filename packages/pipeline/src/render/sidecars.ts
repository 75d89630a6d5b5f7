import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Timeline } from '@movie-generator/remotion/props';
import { posterFrame, posterSize, writePoster } from './poster.ts';
import { subtitleCues, toSrt, toWebVtt } from './subtitle-files.ts';

/** The files written beside a video, named after it: `<video minus .mp4>.jpg|.vtt|.srt`. */
export interface SidecarPaths {
  posterPath: string;
  vttPath: string;
  srtPath: string;
}

export function sidecarPaths(videoPath: string): SidecarPaths {
  const base = videoPath.replace(/\.mp4$/i, '');
  return { posterPath: `${base}.jpg`, vttPath: `${base}.vtt`, srtPath: `${base}.srt` };
}

/** A hidden temporary name in the same directory, renamed over `path` once complete. */
export const partialPath = (path: string) =>
  join(dirname(path), `.${basename(path)}.${randomUUID()}.partial`);

/**
 * Writes the poster (from the rendered, not yet renamed video) and both subtitle files under
 * the given temporary names; the caller renames them with the video.
 */
export async function writeSidecars(
  timeline: Timeline,
  videoPath: string,
  partials: SidecarPaths,
  options: { signal: AbortSignal; workDir: string },
): Promise<void> {
  const cues = subtitleCues(timeline);
  await Promise.all([
    writePoster(
      videoPath,
      posterFrame(timeline),
      posterSize(timeline.width, timeline.height),
      partials.posterPath,
      options,
    ),
    writeFile(partials.vttPath, toWebVtt(cues)),
    writeFile(partials.srtPath, toSrt(cues)),
  ]);
}
