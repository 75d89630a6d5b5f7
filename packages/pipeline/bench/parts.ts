/**
 * The per-part split of one run, in seconds: start-up (process start to the pipeline's first
 * stage; 0 on the warm worker path), fetch + extract + script, speech, the slides stage (pictures,
 * timeline, narration mix), renderer setup (bundle, Chromium, composition; the render stage minus
 * drawing and encoding, so it also holds the poster and subtitles), drawing and encoding.
 */
export interface Parts {
  startup: number;
  fetchExtractScript: number;
  speech: number;
  slides: number;
  rendererSetup: number;
  drawing: number;
  encode: number;
}

export function splitParts(
  stageSeconds: Partial<Record<string, number>>,
  render: { renderSec: number; encodeSec: number },
  startupSec = 0,
): Parts {
  const s = (k: string) => stageSeconds[k] ?? 0;
  const round = (n: number) => Number(n.toFixed(2));
  return {
    startup: round(startupSec),
    fetchExtractScript: round(s('fetch') + s('extract') + s('script')),
    speech: round(s('audio')),
    slides: round(s('slides')),
    rendererSetup: round(Math.max(0, s('render') - render.renderSec - render.encodeSec)),
    drawing: round(render.renderSec),
    encode: round(render.encodeSec),
  };
}
