export type RendererKind = 'fast' | 'full';

export interface RenderOptions {
  /** fast: stills for static spans + frames for animated spans + one ffmpeg pass. full: renderMedia. */
  renderer?: RendererKind;
  /** Debian's Chromium by default. */
  chromiumPath?: string;
  /** A Remotion bundle built ahead of time (REMOTION_BUNDLE_DIR); bundled on first use otherwise. */
  bundleDir?: string;
}

export interface RenderResult {
  videoPath: string;
  /** The title slide as a JPEG, 1280 wide (1280×720 for landscape), beside the video. */
  posterPath: string;
  /** The subtitles as WebVTT and as SRT, beside the video. */
  vttPath: string;
  srtPath: string;
  /** Frames in the video (the timeline's length). */
  frames: number;
  renderer: RendererKind;
  stats: {
    /** Pictures Chromium drew. */
    framesRendered: number;
    renderSec: number;
    /** ffmpeg after rendering: the whole encode (fast) or the audio mux (full). */
    encodeSec: number;
  };
}
