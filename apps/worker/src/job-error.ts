import type { ProgressUpdate } from '@movie-generator/jobs';
import { PipelineError, type PipelineErrorCode, type StageName } from '@movie-generator/pipeline';

type JobStep = ProgressUpdate['step'];

/** The job document's step for a pipeline stage (extracting is part of reading the page). */
export const STEP_OF_STAGE: Record<StageName, JobStep> = {
  fetch: 'fetch',
  extract: 'fetch',
  script: 'script',
  audio: 'audio',
  slides: 'slides',
  render: 'render',
};

/** Each step's own error code, for a failure we have no better code for. */
export const ERROR_OF_STEP: Record<JobStep, PipelineErrorCode> = {
  fetch: 'FETCH_FAILED',
  script: 'SCRIPT_FAILED',
  audio: 'AUDIO_FAILED',
  slides: 'SLIDES_FAILED',
  render: 'RENDER_FAILED',
};

/**
 * Any failure as a PipelineError. The pipeline already wraps what its stages throw; anything
 * else (the worker's own file or storage work) becomes the error of the step the job was in,
 * or RENDER_FAILED once the pipeline has finished (storing the video is the end of rendering).
 */
export function toPipelineError(
  error: unknown,
  step: JobStep | null,
  options: { transient?: boolean } = {},
): PipelineError {
  if (error instanceof PipelineError) return error;
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new PipelineError(step ? ERROR_OF_STEP[step] : 'RENDER_FAILED', {
    detail,
    cause: error,
    transient: options.transient ?? false,
  });
}

/**
 * Errors that mean the page could not be used (fetched, read as an article, narrated in a
 * supported language): they happen before any speech or rendering, so the job gives its daily
 * job back (within the failed-jobs cap).
 */
const PAGE_ERRORS: ReadonlySet<PipelineErrorCode> = new Set<PipelineErrorCode>([
  'INVALID_URL',
  'BLOCKED_ADDRESS',
  'FETCH_FAILED',
  'FETCH_TIMEOUT',
  'TOO_LARGE',
  'TOO_MANY_REDIRECTS',
  'NOT_HTML',
  'TOO_LITTLE_TEXT',
  'UNSUPPORTED_LANGUAGE',
  'PAGE_TOO_COMPLEX',
]);

export function returnsDailyJob(code: PipelineErrorCode): boolean {
  return PAGE_ERRORS.has(code);
}
