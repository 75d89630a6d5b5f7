import type { Subtitle } from '@movie-generator/remotion/props';

/** One caption: its display lines and its time range in milliseconds. */
export interface Cue {
  startMs: number;
  endMs: number;
  lines: readonly string[];
}

/**
 * The timeline's subtitle cards as cues, in order. Times are the cards' exact frame positions
 * (frame × 1000 / fps, rounded to the millisecond), so the captions change on the same frames
 * as the burned-in subtitles.
 */
export function subtitleCues(timeline: {
  fps: number;
  subtitles: readonly Pick<Subtitle, 'lines' | 'startFrame' | 'durationInFrames'>[];
}): Cue[] {
  const ms = (frame: number) => Math.round((frame * 1000) / timeline.fps);
  return [...timeline.subtitles]
    .sort((a, b) => a.startFrame - b.startFrame)
    .map((s) => ({
      startMs: ms(s.startFrame),
      endMs: ms(s.startFrame + s.durationInFrames),
      lines: s.lines.map((line) => line.replace(/\s+/g, ' ').trim()).filter((line) => line.length > 0),
    }))
    .filter((cue) => cue.lines.length > 0 && cue.endMs > cue.startMs);
}

/** HH:MM:SS<sep>mmm. */
export function cueTime(totalMs: number, separator: '.' | ','): string {
  const ms = totalMs % 1000;
  const totalSec = Math.floor(totalMs / 1000);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(Math.floor(totalSec / 3600))}:${pad(Math.floor(totalSec / 60) % 60)}:${pad(totalSec % 60)}${separator}${pad(ms, 3)}`;
}

/** WebVTT cue text may not hold '&', '<' or '-->'; escaping '&', '<' and '>' covers all three. */
const vttText = (line: string) =>
  line.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** The captions as a WebVTT file (for the web player's <track>). */
export function toWebVtt(cues: readonly Cue[]): string {
  const blocks = cues.map(
    (cue) =>
      `${cueTime(cue.startMs, '.')} --> ${cueTime(cue.endMs, '.')}\n${cue.lines.map(vttText).join('\n')}`,
  );
  return `WEBVTT\n\n${blocks.map((b) => `${b}\n\n`).join('')}`;
}

/** The captions as a SubRip file (numbered from 1, comma before the milliseconds; for download). */
export function toSrt(cues: readonly Cue[]): string {
  return cues
    .map(
      (cue, i) =>
        `${i + 1}\n${cueTime(cue.startMs, ',')} --> ${cueTime(cue.endMs, ',')}\n${cue.lines.join('\n')}\n\n`,
    )
    .join('');
}
