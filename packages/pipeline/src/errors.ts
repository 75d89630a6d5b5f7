import { JOB_ERRORS, type JobErrorCode, type LocalizedText } from '@movie-generator/api-contract';

/** Stable error codes of the pipeline, with what the user sees: the API's job error codes. */
export const PIPELINE_ERRORS = JOB_ERRORS;

export type PipelineErrorCode = JobErrorCode;

export interface PipelineErrorOptions {
  /** Internal detail for logs; never shown to users. */
  detail?: string;
  /** True when retrying the same work may succeed (network blips, busy engines). */
  transient?: boolean;
  /** The HTTP status the article's site answered with (FETCH_FAILED), named in the user's message. */
  httpStatus?: number;
  cause?: unknown;
}

export class PipelineError extends Error {
  readonly code: PipelineErrorCode;
  readonly transient: boolean;
  readonly detail: string | undefined;
  readonly httpStatus: number | undefined;

  constructor(code: PipelineErrorCode, options: PipelineErrorOptions = {}) {
    super(`${code}: ${PIPELINE_ERRORS[code].en}${options.detail ? ` (${options.detail})` : ''}`, {
      cause: options.cause,
    });
    this.name = 'PipelineError';
    this.code = code;
    this.transient = options.transient ?? false;
    this.detail = options.detail;
    this.httpStatus = options.httpStatus;
  }

  get userMessage(): LocalizedText {
    if (this.code === 'FETCH_FAILED' && this.httpStatus !== undefined)
      return httpStatusMessage(this.httpStatus);
    return PIPELINE_ERRORS[this.code];
  }
}

export function isPipelineError(error: unknown): error is PipelineError {
  return error instanceof PipelineError;
}

/** Wraps any error as the given stage's error, keeping PipelineErrors (and cancellation) as they are. */
export function asStageError(
  error: unknown,
  code: PipelineErrorCode,
  signal?: AbortSignal,
  transient = false,
): PipelineError {
  if (signal?.aborted) return cancelledError(signal);
  if (error instanceof PipelineError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new PipelineError(code, { detail, cause: error, transient });
}

export function cancelledError(signal: AbortSignal): PipelineError {
  const reason: unknown = signal.reason;
  if (reason instanceof PipelineError) return reason;
  return new PipelineError('CANCELLED', { cause: reason });
}

/** "The site answered 403 …": what the status means for the user and what to do next. */
export function httpStatusMessage(status: number): LocalizedText {
  if (status === 401 || status === 403) {
    return {
      ja: `サイトが ${status}（アクセス拒否）を返しました。このページは外部からの読み込みを許可していません。ログイン不要で公開されている別の記事をお試しください。`,
      en: `The site answered ${status} (access denied): it does not let us read this page. Try another article that is public without logging in.`,
    };
  }
  if (status === 404 || status === 410) {
    return {
      ja: `サイトが ${status}（ページが見つかりません）を返しました。URL が正しいか確認してください。`,
      en: `The site answered ${status} (page not found). Check that the URL is right.`,
    };
  }
  if (status === 429) {
    return {
      ja: 'サイトが 429（リクエストが多すぎます）を返しました。時間をおいて再度お試しください。',
      en: 'The site answered 429 (too many requests). Try again later.',
    };
  }
  if (status >= 500) {
    return {
      ja: `サイトが ${status}（サーバーエラー）を返しました。サイト側の問題です。時間をおいて再度お試しください。`,
      en: `The site answered ${status} (a server error on its side). Try again later.`,
    };
  }
  return {
    ja: `サイトが HTTP ${status} を返し、ページを読み込めませんでした。URL が正しいか確認してください。`,
    en: `The site answered HTTP ${status}, so the page could not be read. Check that the URL is right.`,
  };
}
