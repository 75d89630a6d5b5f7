import { z } from 'zod';
import { apiErrorMessage } from './errors.ts';
import type { LocalizedText } from './localized-text.ts';

/**
 * Stable error codes a job fails with (a job view's `errorCode`), one or more per step
 * (FETCH_FAILED, SCRIPT_FAILED…), with what the user sees; the message says what to do next.
 * The URL refusals a job can fail with are also job.create's: their words are the API's, so
 * both say the same.
 */
export const JOB_ERRORS = {
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
} as const satisfies Record<string, LocalizedText>;

export const JobErrorCodeSchema = z.enum(
  Object.keys(JOB_ERRORS) as [keyof typeof JOB_ERRORS, ...(keyof typeof JOB_ERRORS)[]],
);
export type JobErrorCode = z.infer<typeof JobErrorCodeSchema>;
