import { apiErrorMessage } from '@movie-generator/api-contract';
import type { LocalizedMessage } from './context.ts';

/**
 * Stable error codes of the pipeline, one or more per stage (FETCH_FAILED, SCRIPT_FAILED…);
 * the message says what to do next. The URL refusals a job can fail with are also
 * job.create's: their words are the API contract's, so both say the same.
 */
export const PIPELINE_ERRORS = {
  INVALID_URL: apiErrorMessage('INVALID_URL'),
  BLOCKED_ADDRESS: apiErrorMessage('BLOCKED_ADDRESS'),
  FETCH_FAILED: {
    ja: 'ページを読み込めませんでした。URL が正しいか、ページが公開されているか確認してください。',
    en: 'The page could not be read. Check that the URL is right and the page is public.',
  },
  FETCH_TIMEOUT: {
    ja: 'ページの読み込みに時間がかかりすぎました。時間をおいて再度お試しください。',
    en: 'The page took too long to load. Try again later.',
  },
  TOO_LARGE: {
    ja: 'ページが大きすぎます（5 MB まで）。別の記事をお試しください。',
    en: 'The page is too large (5 MB at most). Try another article.',
  },
  TOO_MANY_REDIRECTS: {
    ja: 'リダイレクトが多すぎます。最終的な記事の URL を直接指定してください。',
    en: 'Too many redirects. Enter the final article URL directly.',
  },
  NOT_HTML: {
    ja: 'HTML のページではありません（PDF や画像などは使えません）。記事ページの URL を指定してください。',
    en: 'This is not an HTML page (PDFs, images and the like are not supported). Enter the URL of an article page.',
  },
  TOO_LITTLE_TEXT: {
    ja: '記事の本文が短すぎます（200 文字未満）。本文のある記事ページを指定してください。',
    en: 'The page has too little text (fewer than 200 characters). Use a page with a real article.',
  },
  UNSUPPORTED_LANGUAGE: {
    ja: 'この記事の言語には対応していません（日本語と英語の記事のみ）。日本語か英語の記事を指定してください。',
    en: 'This article is in a language we cannot narrate (Japanese and English only). Use a Japanese or English article.',
  },
  PAGE_TOO_COMPLEX: {
    ja: 'ページの構造が複雑すぎて読み取れません（要素が多すぎるか、入れ子が深すぎます）。別の記事をお試しください。',
    en: 'The page is too complex to read (too many elements or too deeply nested). Try another article.',
  },
  SCRIPT_FAILED: {
    ja: '台本の生成に失敗しました。時間をおいて再度お試しください。',
    en: 'Script generation failed. Please try again later.',
  },
  AUDIO_FAILED: {
    ja: '音声の生成に失敗しました。時間をおいて再度お試しください。',
    en: 'Audio generation failed. Please try again later.',
  },
  SLIDES_FAILED: {
    ja: 'スライドの生成に失敗しました。時間をおいて再度お試しください。',
    en: 'Slide generation failed. Please try again later.',
  },
  RENDER_FAILED: {
    ja: '動画の書き出しに失敗しました。時間をおいて再度お試しください。',
    en: 'Video rendering failed. Please try again later.',
  },
  TIMEOUT: {
    ja: '処理が時間内に終わりませんでした。短い記事で再度お試しください。',
    en: 'Processing took too long. Try again, or use a shorter article.',
  },
  CANCELLED: {
    ja: 'キャンセルされました。',
    en: 'Cancelled.',
  },
  INVALID_SCRIPT: {
    ja: '台本ファイルの形式が正しくありません。',
    en: 'The script file is not valid.',
  },
} as const satisfies Record<string, LocalizedMessage>;

export type PipelineErrorCode = keyof typeof PIPELINE_ERRORS;

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

  get userMessage(): LocalizedMessage {
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
export function httpStatusMessage(status: number): LocalizedMessage {
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
