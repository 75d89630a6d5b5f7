export * from './schema/index.ts';
export * from './context.ts';
export * from './errors.ts';
export { createLogger, silentLogger } from './logger.ts';
export { parsePipelineEnv, pipelineOptionsFromEnv, PipelineEnvSchema, type PipelineEnv } from './config.ts';
export {
  runPipeline,
  renderScript,
  generateScriptFromUrl,
  PROGRESS_BANDS,
  type PipelineOptions,
  type PipelineProgress,
  type PipelineResult,
} from './pipeline.ts';
export { assertUrlAllowed } from './fetch/index.ts';
export { closeRenderer, getBundle, getBrowser } from './render/index.ts';
export { buildTimeline } from './timeline/index.ts';
