import type { Speaker, Subtitle } from '@movie-generator/remotion/props';

/** One caption: its display lines and its time range in milliseconds. */
export interface Cue {
  startMs: number;
  endMs: number;
  lines: readonly string[];
  /** Who says it, by name (dialogues only; a narration's cues name nobody). */
  speaker?: string;
}

/**
 * The timeline's subtitle cards as cues, in order. Times are the cards' exact frame positions
 * (frame × 1000 / fps, rounded to the millisecond), so the captions change on the same frames
 * as the burned-in subtitles. In a dialogue each cue carries its speaker's name, as the name tag
 * on screen does.
 */
export function subtitleCues(timeline: {
  fps: number;
  subtitles: readonly Pick<Subtitle, 'lines' | 'startFrame' | 'durationInFrames' | 'speaker'>[];
  speakers?: readonly Pick<Speaker, 'id' | 'name'>[];
}): Cue[] {
  const ms = (frame: number) => Math.round((frame * 1000) / timeline.fps);
  const names = new Map((timeline.speakers ?? []).map((s) => [s.id, s.name]));
  return [...timeline.subtitles]
    .sort((a, b) => a.startFrame - b.startFrame)
    .map((s) => {
      const name = names.get(s.speaker)?.replace(/\s+/g, ' ').trim();
      return {
        startMs: ms(s.startFrame),
        endMs: ms(s.startFrame + s.durationInFrames),
        lines: s.lines.map((line) => line.replace(/\s+/g, ' ').trim()).filter((line) => line.length > 0),
        ...(name ? { speaker: name } : {}),
      };
    })
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

/**
 * The captions as a WebVTT file (for the web player's <track>). A named speaker's cue is a voice
 * span, `<v Name>text` (its end tag may be left out when it spans the whole cue).
 */
export function toWebVtt(cues: readonly Cue[]): string {
  const blocks = cues.map((cue) => {
    const text = cue.lines.map(vttText).join('\n');
    const voiced = cue.speaker ? `<v ${vttText(cue.speaker)}>${text}` : text;
    return `${cueTime(cue.startMs, '.')} --> ${cueTime(cue.endMs, '.')}\n${voiced}`;
  });
  return `WEBVTT\n\n${blocks.map((b) => `${b}\n\n`).join('')}`;
}

/**
 * The captions as a SubRip file (numbered from 1, comma before the milliseconds; for download).
 * A named speaker's cue starts with "Name: ".
 */
export function toSrt(cues: readonly Cue[]): string {
  return cues
    .map((cue, i) => {
      const text = cue.lines.join('\n');
      const named = cue.speaker ? `${cue.speaker}: ${text}` : text;
      return `${i + 1}\n${cueTime(cue.startMs, ',')} --> ${cueTime(cue.endMs, ',')}\n${named}\n\n`;
    })
    .join('');
}
