export {
  type PipelineEnv,
  PipelineEnvSchema,
  parsePipelineEnv,
  pipelineOptionsFromEnv,
} from './config.ts';
export * from './context.ts';
export * from './errors.ts';
export { assertUrlAllowed } from './fetch/index.ts';
export {
  closeStageThreads,
  DEFAULT_THREAD_HEAP_MB,
  type IsolationOptions,
  warmStageThreads,
} from './isolate/index.ts';
export { createLogger, silentLogger } from './logger.ts';
export {
  generateScriptFromUrl,
  type PipelineOptions,
  type PipelineProgress,
  type PipelineResult,
  PROGRESS_BANDS,
  renderScript,
  runPipeline,
} from './pipeline.ts';
export { buildBundle, closeRenderer, getBundle, type RendererSetup, warmRenderer } from './render/index.ts';
export * from './schema/index.ts';
export { buildTimeline } from './timeline/index.ts';
