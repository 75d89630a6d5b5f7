export type RendererKind = 'fast' | 'full';

export interface RenderOptions {
  /** fast: stills for static spans + frames for animated spans + one ffmpeg pass. full: renderMedia. */
  renderer?: RendererKind;
  /** Debian's Chromium by default. */
  chromiumPath?: string;
}
