import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { LocalizedText } from '@movie-generator/api-contract';
import type { Timeline, VideoSize } from '@movie-generator/remotion/props';
import type { Logger } from 'pino';
import type { StageContext, StageName } from './context.ts';
import { asStageError, cancelledError, PipelineError, type PipelineErrorCode } from './errors.ts';
import type { Article } from './extract/types.ts';
import { fetchPage } from './fetch/index.ts';
import type { FetchOptions } from './fetch/types.ts';
import { msg } from './i18n/messages.ts';
import { type ImageOptions, slideImageSources } from './images/index.ts';
import { extractIsolated, generateScriptIsolated, type IsolationOptions } from './isolate/index.ts';
import { silentLogger } from './logger.ts';
import { progressBand, renderVideo } from './render/index.ts';
import type { RendererKind, RenderOptions, RenderResult } from './render/types.ts';
import { type Language, type Script, ScriptSchema } from './schema/script.ts';
import type { ScriptOptions } from './script/types.ts';
import { mixNarration, synthesizeScript } from './speech/index.ts';
import type { SpeechOptions } from './speech/types.ts';
import { buildTimeline } from './timeline/index.ts';

/** Overall progress bands per stage (fetch and extract share 0–5). */
export const PROGRESS_BANDS: Record<StageName, readonly [number, number]> = {
  fetch: [0, 3],
  extract: [3, 5],
  script: [5, 20],
  audio: [20, 55],
  slides: [55, 80],
  render: [80, 100],
};

export interface PipelineProgress {
  stage: StageName;
  /** 0–100 within the stage. */
  stagePercent: number;
  /** 0–100 over the whole run. */
  percent: number;
  message: LocalizedText;
}

export interface PipelineOptions {
  /** Where the MP4 goes; written atomically. */
  outPath: string;
  language?: Language;
  size?: VideoSize;
  vertical?: boolean;
  /** Exact frame size, overriding size/vertical (tests and previews render tiny videos). */
  frame?: { width: number; height: number };
  fetch?: FetchOptions;
  script?: ScriptOptions;
  speech?: SpeechOptions;
  /** Limits for the article's pictures (the network policy comes from `fetch`). */
  images?: Omit<ImageOptions, 'allowPrivateNetwork' | 'allowedPorts'>;
  render?: RenderOptions;
  /** Stage threads for extraction and offline script building (on by default). */
  isolation?: IsolationOptions;
  /** Parent of the per-job work directory the pipeline makes and removes (default: the OS temp dir). */
  workRoot?: string;
  /**
   * The job's work directory, made and removed by the caller (the worker's per-job directory,
   * which also holds the video): used as is instead of a new one under `workRoot`.
   */
  workDir?: string;
  /** Per-stage time limits in ms; a stage past its limit fails with TIMEOUT. */
  stageTimeoutsMs?: Partial<Record<StageName, number>>;
  signal?: AbortSignal;
  onProgress?: (progress: PipelineProgress) => void;
  /** Called once the script is written (the worker shows its title while the video is made). */
  onScript?: (script: Script) => void;
  log?: Logger;
}

export interface PipelineResult {
  videoPath: string;
  /** Beside the video (`<outPath minus .mp4>.jpg|.vtt|.srt`), written and removed with it. */
  posterPath: string;
  vttPath: string;
  srtPath: string;
  durationSec: number;
  sizeBytes: number;
  script: Script;
  timeline: Timeline;
  renderer: RendererKind;
  /** Wall seconds per stage, for logs and the benchmark. */
  stageSeconds: Partial<Record<StageName, number>>;
  /** The renderer's own split of the render stage (drawing, encoding). */
  renderStats: RenderResult['stats'];
}

const DEFAULT_STAGE_TIMEOUTS_MS: Record<StageName, number> = {
  fetch: 30_000,
  extract: 30_000,
  script: 120_000,
  audio: 300_000,
  slides: 120_000,
  render: 900_000,
};

type RunContext = Pick<PipelineOptions, 'signal' | 'onProgress' | 'log' | 'stageTimeoutsMs'> & {
  workDir: string;
  stageSeconds: Partial<Record<StageName, number>>;
};

/** Runs one stage with its own progress band, time limit and error code. */
async function runStage<T>(
  stage: StageName,
  errorCode: PipelineErrorCode,
  run: RunContext,
  work: (ctx: StageContext) => Promise<T>,
): Promise<T> {
  const outer = run.signal ?? new AbortController().signal;
  if (outer.aborted) throw cancelledError(outer);
  const limitMs = run.stageTimeoutsMs?.[stage] ?? DEFAULT_STAGE_TIMEOUTS_MS[stage];
  const timeout = new AbortController();
  const timer = setTimeout(
    () => timeout.abort(new PipelineError('TIMEOUT', { detail: `${stage} ran past ${limitMs} ms` })),
    limitMs,
  );
  const signal = AbortSignal.any([outer, timeout.signal]);
  const [from, to] = PROGRESS_BANDS[stage];
  const log = (run.log ?? silentLogger).child({ stage });
  const ctx: StageContext = {
    signal,
    log,
    workDir: run.workDir,
    onProgress: (stagePercent, message) => {
      const clamped = Math.max(0, Math.min(100, stagePercent));
      run.onProgress?.({
        stage,
        stagePercent: clamped,
        percent: from + ((to - from) * clamped) / 100,
        message,
      });
    },
  };
  const started = performance.now();
  try {
    return await work(ctx);
  } catch (error) {
    throw asStageError(error, errorCode, signal);
  } finally {
    clearTimeout(timer);
    run.stageSeconds[stage] = (run.stageSeconds[stage] ?? 0) + (performance.now() - started) / 1000;
    log.debug({ seconds: run.stageSeconds[stage] }, 'stage finished');
  }
}

/** Runs `body` in the caller's work directory, or in a new one under `workRoot` removed afterwards. */
async function withWorkDir<T>(
  options: Pick<PipelineOptions, 'workDir' | 'workRoot'>,
  body: (workDir: string) => Promise<T>,
): Promise<T> {
  if (options.workDir) return body(options.workDir);
  const base = options.workRoot ?? tmpdir();
  await mkdir(base, { recursive: true });
  const workDir = await mkdtemp(join(base, 'mg-job-'));
  try {
    return await body(workDir);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

async function fetchArticleIn(
  url: string,
  options: Omit<PipelineOptions, 'outPath'>,
  run: RunContext,
): Promise<Article> {
  const page = await runStage('fetch', 'FETCH_FAILED', run, (ctx) =>
    fetchPage(url, options.fetch ?? {}, ctx),
  );
  return runStage('extract', 'FETCH_FAILED', run, (ctx) => extractIsolated(page, ctx, options.isolation));
}

async function scriptIn(
  article: Article,
  options: Omit<PipelineOptions, 'outPath'>,
  run: RunContext,
): Promise<Script> {
  return runStage('script', 'SCRIPT_FAILED', run, (ctx) =>
    generateScriptIsolated(
      article,
      { ...options.script, language: options.language ?? options.script?.language },
      ctx,
      options.isolation,
    ),
  );
}

/** URL → article → Script, without rendering (the CLI's --script-only). */
export async function generateScriptFromUrl(
  url: string,
  options: Omit<PipelineOptions, 'outPath'>,
): Promise<Script> {
  return withWorkDir(options, async (workDir) => {
    const run: RunContext = { ...options, workDir, stageSeconds: {} };
    return scriptIn(await fetchArticleIn(url, options, run), options, run);
  });
}

async function videoIn(script: Script, options: PipelineOptions, run: RunContext): Promise<PipelineResult> {
  const speech = await runStage('audio', 'AUDIO_FAILED', run, (ctx) =>
    synthesizeScript(script, options.speech ?? {}, ctx),
  );

  const { timeline, audioPath } = await runStage('slides', 'SLIDES_FAILED', run, async (ctx) => {
    ctx.onProgress(0, msg.slides);
    // The article's pictures, downloaded in their own time box; any that fail are left out.
    const images = await slideImageSources(
      script,
      {
        ...options.images,
        allowPrivateNetwork: options.fetch?.allowPrivateNetwork,
        allowedPorts: options.fetch?.allowedPorts,
      },
      progressBand(ctx, 0, 15),
    );
    const timeline = buildTimeline(
      script,
      speech.clips.map((c) => c.durationSec),
      {
        size: options.size,
        vertical: options.vertical,
        frame: options.frame,
        credits: speech.credits,
        images,
      },
    );
    ctx.onProgress(25, msg.mixing);
    const audioPath = await mixNarration(
      speech.clips,
      timeline.audio.map((a) => ({ clipIndex: a.clipIndex, startSec: a.startFrame / timeline.fps })),
      timeline.durationInFrames / timeline.fps,
      join(ctx.workDir, 'narration.wav'),
      ctx,
    );
    ctx.onProgress(100, msg.slides);
    return { timeline, audioPath };
  });

  await mkdir(dirname(options.outPath), { recursive: true });
  const rendered = await runStage('render', 'RENDER_FAILED', run, (ctx) =>
    renderVideo(timeline, audioPath, options.outPath, options.render ?? {}, ctx),
  );
  const { size } = await stat(rendered.videoPath);
  return {
    videoPath: rendered.videoPath,
    posterPath: rendered.posterPath,
    vttPath: rendered.vttPath,
    srtPath: rendered.srtPath,
    durationSec: timeline.durationInFrames / timeline.fps,
    sizeBytes: size,
    script,
    timeline,
    renderer: rendered.renderer,
    stageSeconds: run.stageSeconds,
    renderStats: rendered.stats,
  };
}

/** Script (e.g. edited by hand) → MP4. */
export async function renderScript(scriptInput: unknown, options: PipelineOptions): Promise<PipelineResult> {
  const parsed = ScriptSchema.safeParse(scriptInput);
  if (!parsed.success) {
    throw new PipelineError('INVALID_SCRIPT', {
      detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    });
  }
  return withWorkDir(options, (workDir) =>
    videoIn(parsed.data, options, { ...options, workDir, stageSeconds: {} }),
  );
}

/**
 * The whole pipeline: URL → article → script → speech → timeline → MP4, in the caller's work
 * directory or a per-job one that is removed afterwards. A failed or cancelled run leaves no
 * output behind.
 */
export async function runPipeline(url: string, options: PipelineOptions): Promise<PipelineResult> {
  return withWorkDir(options, async (workDir) => {
    // The renderer writes outPath atomically, so a failure never leaves a partial MP4.
    const run: RunContext = { ...options, workDir, stageSeconds: {} };
    const article = await fetchArticleIn(url, options, run);
    const script = await scriptIn(article, options, run);
    options.onScript?.(script);
    return videoIn(script, options, run);
  });
}
