/**
 * Encoding settings shared by both renderers, so that their outputs match: H.264 yuv420p in
 * limited (tv) range tagged BT.709, and AAC-LC 48 kHz 160 kbps (channels as in the narration).
 */
export const VIDEO = {
  crf: 20,
  pixelFormat: 'yuv420p',
  /**
   * The full renderer encodes while Chromium draws, and Chromium is the bottleneck, so a preset
   * that compresses well costs nothing there.
   */
  fullX264Preset: 'veryfast',
  /**
   * The fast renderer's x264 sees each picture once (held frames are skipped P frames added
   * afterwards, see h264-holds.ts), and its settings must give what holdPictures handles
   * (CAVLC, no B frames): ultrafast does. For a 3-minute video it took 13 s of CPU against
   * veryfast's 23 s when x264 still saw every frame, and at crf 20 its SSIM against a lossless
   * encode was as high (0.993 vs 0.991).
   */
  fastX264Preset: 'ultrafast',
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
/** One picture written as a high-quality JPEG file (a still or a blended frame). */
export const JPEG_STILL_ARGS = ['-c:v', 'mjpeg', '-q:v', '2', '-f', 'image2', '-update', '1'] as const;

export const FASTSTART = ['-movflags', '+faststart'] as const;

/** Exact length of a video of `frames` frames at `fps`, as an ffmpeg time. */
export function durationArg(frames: number, fps: number): string {
  return (frames / fps).toFixed(6);
}

/**
 * The ffmpeg arguments of a renderer's final pass, the same for both: the pictures (input 0, with
 * its `-i`) and the narration (input 1), the renderer's own output options (video codec, filters),
 * then an MP4 of exactly `frames` frames at `fps` with the shared AAC settings and faststart.
 */
export function narratedMp4Args(options: {
  pictureInput: readonly string[];
  audioPath: string;
  outputArgs: readonly string[];
  /** How the narration is written (default: encoded with AUDIO_ARGS). */
  audioArgs?: readonly string[];
  frames: number;
  fps: number;
  outPath: string;
}): string[] {
  return [
    ...options.pictureInput,
    '-i',
    options.audioPath,
    '-map',
    '0:v:0',
    '-map',
    '1:a:0',
    ...options.outputArgs,
    ...(options.audioArgs ?? AUDIO_ARGS),
    '-t',
    durationArg(options.frames, options.fps),
    ...FASTSTART,
    '-f',
    'mp4',
    options.outPath,
  ];
}
