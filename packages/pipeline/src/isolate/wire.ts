import type { LocalizedText } from '@movie-generator/api-contract';
import { PIPELINE_ERRORS, PipelineError, type PipelineErrorCode } from '../errors.ts';
import type { Article } from '../extract/types.ts';
import type { FetchedPage } from '../fetch/types.ts';
import type { ScriptOptions } from '../script/types.ts';

/**
 * What crosses between the pipeline and a stage thread: plain data only (structured clone).
 * The LLM provider never runs in a thread, so script options carry no API key.
 */
export type StageTask =
  | { kind: 'extract'; page: FetchedPage }
  | { kind: 'script'; article: Article; options: Omit<ScriptOptions, 'llm'> };

export interface TaskEnvelope {
  task: StageTask;
  workDir: string;
  /** The pipeline logger's level, so the thread only sends lines that will be written. */
  logLevel: string;
}

export type SerializedError =
  | { kind: 'pipeline'; code: PipelineErrorCode; detail?: string; transient: boolean }
  | { kind: 'other'; name: string; message: string; stack?: string };

export type ThreadMessage =
  | { type: 'progress'; percent: number; message: LocalizedText }
  | { type: 'log'; line: string }
  | { type: 'result'; value: unknown }
  | { type: 'error'; error: SerializedError };

export function serializeError(error: unknown): SerializedError {
  if (error instanceof PipelineError) {
    return { kind: 'pipeline', code: error.code, detail: error.detail, transient: error.transient };
  }
  if (error instanceof Error) {
    return { kind: 'other', name: error.name, message: error.message, stack: error.stack };
  }
  return { kind: 'other', name: 'Error', message: String(error) };
}

/** The error as the stage code expects it: PipelineErrors keep their code, detail and transience. */
export function deserializeError(error: SerializedError): Error {
  if (error.kind === 'pipeline' && error.code in PIPELINE_ERRORS) {
    return new PipelineError(error.code, { detail: error.detail, transient: error.transient });
  }
  const copy = new Error(error.kind === 'other' ? error.message : `unknown error code ${error.code}`);
  if (error.kind === 'other') {
    copy.name = error.name;
    if (error.stack) copy.stack = error.stack;
  }
  return copy;
}
