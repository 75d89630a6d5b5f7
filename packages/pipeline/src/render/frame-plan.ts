import { fadeAt, fadeOpacity } from '@movie-generator/remotion/fade';
import type { Span, Timeline } from '@movie-generator/remotion/props';

/**
 * One picture of the video and how many output frames it is shown for: a frame that Chromium
 * draws (of the timeline without fades), or on a frame of a fade that frame's picture blended
 * over the picture of the frame before the fade.
 */
export interface Hold {
  /** The drawn frame shown (in a blend: the one on top). */
  frame: number;
  durationInFrames: number;
  /** In a fade: the drawn frame underneath and the opacity of `frame` over it. */
  blend?: { under: number; opacity: number };
}

export interface FramePlan {
  /** Frames to draw (without fades), ascending, each once. */
  frames: number[];
  /** The pictures in output order; their durations sum to the timeline's length. */
  holds: Hold[];
}

/**
 * Which frames the fast renderer must draw, without fades: the first frame of each static span
 * (held for the whole span) and every frame of each animated span; and how to show each frame of
 * a fade: as the blend the composition makes (see `@movie-generator/remotion/fade`). Spans must
 * tile [0, durationInFrames) exactly and fades must lie inside it without overlapping, as
 * buildTimeline makes them; anything else is a bug upstream, so it throws. Pure.
 */
export function planFrames(
  timeline: Pick<Timeline, 'spans' | 'durationInFrames'> & Partial<Pick<Timeline, 'fades'>>,
): FramePlan {
  const spans: Span[] = [...timeline.spans].sort((a, b) => a.startFrame - b.startFrame);
  let cursor = 0;
  for (const span of spans) {
    if (span.startFrame !== cursor || span.endFrame <= span.startFrame) {
      throw new Error(
        `planFrames: span [${span.startFrame}, ${span.endFrame}) does not continue at ${cursor}`,
      );
    }
    cursor = span.endFrame;
  }
  if (cursor !== timeline.durationInFrames) {
    throw new Error(`planFrames: spans end at ${cursor}, the timeline at ${timeline.durationInFrames}`);
  }
  const fades = [...(timeline.fades ?? [])].sort((a, b) => a.startFrame - b.startFrame);
  let fadeEnd = 1;
  for (const fade of fades) {
    const end = fade.startFrame + fade.durationInFrames;
    if (fade.startFrame < fadeEnd || end > timeline.durationInFrames) {
      throw new Error(`planFrames: fade [${fade.startFrame}, ${end}) overlaps another or the video's ends`);
    }
    fadeEnd = end;
  }

  /** The drawn frame that shows `frame` without fades. */
  const drawnAt = (frame: number): number => {
    const span = spans.find((s) => frame < s.endFrame)!;
    return span.kind === 'static' ? span.startFrame : frame;
  };
  const holds: Hold[] = [];
  for (const span of spans) {
    let frame = span.startFrame;
    while (frame < span.endFrame) {
      const fade = fadeAt(fades, frame);
      if (fade) {
        holds.push({
          frame: drawnAt(frame),
          durationInFrames: 1,
          blend: {
            under: drawnAt(fade.startFrame - 1),
            opacity: fadeOpacity(frame - fade.startFrame, fade.durationInFrames),
          },
        });
        frame += 1;
      } else if (span.kind === 'animated') {
        holds.push({ frame, durationInFrames: 1 });
        frame += 1;
      } else {
        const nextFade = fades.find((f) => f.startFrame > frame)?.startFrame ?? Number.POSITIVE_INFINITY;
        const end = Math.min(span.endFrame, nextFade);
        const last = holds[holds.length - 1];
        if (last && !last.blend && last.frame === span.startFrame) last.durationInFrames += end - frame;
        else holds.push({ frame: span.startFrame, durationInFrames: end - frame });
        frame = end;
      }
    }
  }
  const drawn = new Set(holds.flatMap((h) => (h.blend ? [h.frame, h.blend.under] : [h.frame])));
  return { frames: [...drawn].sort((a, b) => a - b), holds };
}

/**
 * An ffconcat script that shows each hold's image (`fileOf`) for exactly its frames. Each image is opened
 * at `fps` so the stream's time base is 1/fps (the image demuxer's default 1/25 would move cuts
 * by a frame), and durations come from cumulative frame positions, so rounding never drifts.
 * The last entry is repeated because the concat demuxer ignores the final file's duration.
 */
export function ffconcatScript(holds: readonly Hold[], fps: number, fileOf: (hold: Hold) => string): string {
  const micros = (frame: number) => Math.round((frame * 1_000_000) / fps);
  const lines = ['ffconcat version 1.0'];
  let position = 0;
  for (const hold of holds) {
    const end = position + hold.durationInFrames;
    lines.push(
      `file ${quote(fileOf(hold))}`,
      `option framerate ${fps}`,
      `duration ${micros(end) - micros(position)}us`,
    );
    position = end;
  }
  const last = holds[holds.length - 1];
  if (last) lines.push(`file ${quote(fileOf(last))}`, `option framerate ${fps}`);
  return `${lines.join('\n')}\n`;
}

/** ffconcat quoting: single quotes, with embedded single quotes escaped as '\''. */
function quote(path: string): string {
  return `'${path.replaceAll("'", "'\\''")}'`;
}

/**
 * Splits holds (in output order) into runs of consecutive holds of at least `minFrames` output
 * frames each (the last run may be shorter), so that each run can be encoded as soon as its
 * pictures are drawn. Never splits a hold. Pure.
 */
export function chunkHolds(holds: readonly Hold[], minFrames: number): Hold[][] {
  const chunks: Hold[][] = [];
  let current: Hold[] = [];
  let frames = 0;
  for (const hold of holds) {
    current.push(hold);
    frames += hold.durationInFrames;
    if (frames >= minFrames) {
      chunks.push(current);
      current = [];
      frames = 0;
    }
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
