import type { Span, Timeline } from '@movie-generator/remotion/props';

/** One rendered picture and how many output frames it is shown for. */
export interface Hold {
  frame: number;
  durationInFrames: number;
}

export interface FramePlan {
  /** Frames to render, ascending, each once. */
  frames: number[];
  /** The pictures in output order; their durations sum to the timeline's length. */
  holds: Hold[];
}

/**
 * Which frames the fast renderer must draw: the first frame of each static span (held for the
 * whole span) and every frame of each animated span. Spans must tile [0, durationInFrames)
 * exactly, as buildTimeline makes them; anything else is a bug upstream, so it throws. Pure.
 */
export function planFrames(timeline: Pick<Timeline, 'spans' | 'durationInFrames'>): FramePlan {
  const spans: Span[] = [...timeline.spans].sort((a, b) => a.startFrame - b.startFrame);
  const holds: Hold[] = [];
  let cursor = 0;
  for (const span of spans) {
    if (span.startFrame !== cursor || span.endFrame <= span.startFrame) {
      throw new Error(
        `planFrames: span [${span.startFrame}, ${span.endFrame}) does not continue at ${cursor}`,
      );
    }
    if (span.kind === 'static') {
      holds.push({ frame: span.startFrame, durationInFrames: span.endFrame - span.startFrame });
    } else {
      for (let f = span.startFrame; f < span.endFrame; f++) holds.push({ frame: f, durationInFrames: 1 });
    }
    cursor = span.endFrame;
  }
  if (cursor !== timeline.durationInFrames) {
    throw new Error(`planFrames: spans end at ${cursor}, the timeline at ${timeline.durationInFrames}`);
  }
  return { frames: holds.map((h) => h.frame), holds };
}

/**
 * An ffconcat script that shows each hold's image for exactly its frames. Each image is opened
 * at `fps` so the stream's time base is 1/fps (the image demuxer's default 1/25 would move cuts
 * by a frame), and durations come from cumulative frame positions, so rounding never drifts.
 * The last entry is repeated because the concat demuxer ignores the final file's duration.
 */
export function ffconcatScript(
  holds: readonly Hold[],
  fps: number,
  fileOf: (frame: number) => string,
): string {
  const micros = (frame: number) => Math.round((frame * 1_000_000) / fps);
  const lines = ['ffconcat version 1.0'];
  let position = 0;
  for (const hold of holds) {
    const end = position + hold.durationInFrames;
    lines.push(
      `file ${quote(fileOf(hold.frame))}`,
      `option framerate ${fps}`,
      `duration ${micros(end) - micros(position)}us`,
    );
    position = end;
  }
  const last = holds[holds.length - 1];
  if (last) lines.push(`file ${quote(fileOf(last.frame))}`, `option framerate ${fps}`);
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
