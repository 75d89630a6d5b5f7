/**
 * Encoding settings shared by both renderers, so that their outputs match: H.264 yuv420p in
 * limited (tv) range tagged BT.709, and AAC-LC 48 kHz 160 kbps (channels as in the narration).
 */
export const VIDEO = {
  crf: 20,
  /** veryfast: at crf 20 the files are a little larger than with medium, and encode 3–4× faster. */
  x264Preset: 'veryfast',
  pixelFormat: 'yuv420p',
} as const;

/** Tags matching Remotion's `colorSpace: 'bt709'` (which also converts with zscale). */
export const BT709_TAGS = [
  '-colorspace:v',
  'bt709',
  '-color_primaries:v',
  'bt709',
  '-color_trc:v',
  'bt709',
  '-color_range',
  'tv',
] as const;

export const AUDIO_ARGS = ['-c:a', 'aac', '-b:a', '160k', '-ar', '48000'] as const;

/** Moves the index to the front so browsers can start playing before the download ends. */
export const FASTSTART = ['-movflags', '+faststart'] as const;

/** Exact length of a video of `frames` frames at `fps`, as an ffmpeg time. */
export function durationArg(frames: number, fps: number): string {
  return (frames / fps).toFixed(6);
}
