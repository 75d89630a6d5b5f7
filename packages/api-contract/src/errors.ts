import { z } from 'zod';
import { type LocalizedText, LocalizedTextSchema } from './localized-text.ts';

/** Stable error codes of the API, with the tRPC code each maps to and what the user sees. */
export const API_ERRORS = {
  INVALID_URL: {
    trpc: 'BAD_REQUEST',
    ja: 'URL が正しくありません。http:// か https:// で始まる記事の URL を入力してください。',
    en: 'The URL is not valid. Enter an article URL starting with http:// or https://.',
  },
  BLOCKED_ADDRESS: {
    trpc: 'BAD_REQUEST',
    ja: 'この URL には接続できません（内部ネットワーク宛て）。公開されている記事の URL を指定してください。',
    en: 'This URL points to a private or internal network. Use a public article URL.',
  },
  INCOMPLETE_HOST: {
    trpc: 'BAD_REQUEST',
    ja: 'URL のホスト名にドメイン（.com や .jp など）がありません。記事の URL 全体（例: https://example.com/article）を入力してください。',
    en: 'The URL’s host has no domain ending (like .com or .jp). Enter the full article URL, e.g. https://example.com/article.',
  },
  HOST_NOT_FOUND: {
    trpc: 'BAD_REQUEST',
    ja: 'この URL のサイトが見つかりません（ドメイン名が存在しません）。URL のつづりを確認してください。',
    en: 'No site exists at this address (the domain name does not resolve). Check the spelling of the URL.',
  },
  QUOTA_EXCEEDED: {
    trpc: 'TOO_MANY_REQUESTS',
    ja: '1日の利用制限に達しました。リセット後（毎日 0:00 UTC）に再度お試しください。',
    en: 'Daily limit reached. Try again after it resets (00:00 UTC every day).',
  },
  FAILED_JOB_LIMIT: {
    trpc: 'TOO_MANY_REQUESTS',
    ja: '本日は読み込めなかった URL が多すぎるため、新しい動画を受け付けられません。リセット後（毎日 0:00 UTC）に再度お試しください。',
    en: 'Too many of today’s jobs could not read their page. Try again after the daily reset (00:00 UTC).',
  },
  RATE_LIMITED: {
    trpc: 'TOO_MANY_REQUESTS',
    ja: 'リクエストが多すぎます。数秒待ってから再度お試しください。',
    en: 'Too many requests. Wait a few seconds and try again.',
  },
  QUEUE_FULL: {
    trpc: 'SERVICE_UNAVAILABLE',
    ja: '現在キューが満杯です。しばらく待ってから再度お試しください。',
    en: 'The queue is full. Please try again in a few minutes.',
  },
  CLIENT_BLOCKED: {
    trpc: 'FORBIDDEN',
    ja: 'この接続元からの動画作成は停止されています。心当たりがない場合は運営者にお問い合わせください。',
    en: 'Video creation from your network has been stopped. If you think this is a mistake, contact the operator.',
  },
  NOT_FOUND: {
    trpc: 'NOT_FOUND',
    ja: 'ジョブが見つかりません。期限切れ（24 時間で削除）か、URL が間違っています。',
    en: 'Job not found. It may have expired (videos are deleted after 24 hours) or the link is wrong.',
  },
  NOT_CANCELLABLE: {
    trpc: 'CONFLICT',
    ja: 'このジョブはすでに終了しているため、キャンセルできません。',
    en: 'This job has already finished and cannot be cancelled.',
  },
  INVALID_INPUT: {
    trpc: 'BAD_REQUEST',
    ja: 'リクエストの形式が正しくありません。ページを再読み込みしてください。',
    en: 'The request is not valid. Reload the page and try again.',
  },
  INTERNAL: {
    trpc: 'INTERNAL_SERVER_ERROR',
    ja: 'サーバーでエラーが発生しました。しばらくしてから再度お試しください。',
    en: 'Something went wrong on the server. Please try again later.',
  },
} as const;

export const ApiErrorCodeSchema = z.enum(
  Object.keys(API_ERRORS) as [keyof typeof API_ERRORS, ...(keyof typeof API_ERRORS)[]],
);
export type ApiErrorCode = z.infer<typeof ApiErrorCodeSchema>;

export function apiErrorMessage(code: ApiErrorCode): LocalizedText {
  const { ja, en } = API_ERRORS[code];
  return { ja, en };
}

/**
 * Thrown by JobService implementations; the router's error formatter turns it into a
 * TRPCError whose `data` carries the stable code, the ja/en message and extra fields.
 */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly extra: Record<string, string | number>;

  constructor(code: ApiErrorCode, extra: Record<string, string | number> = {}) {
    super(API_ERRORS[code].en);
    this.name = 'ApiError';
    this.code = code;
    this.extra = extra;
  }
}

/** The `data` an error carries to clients, besides tRPC's own fields. */
export const ApiErrorDataSchema = z.object({
  appCode: ApiErrorCodeSchema,
  messages: LocalizedTextSchema,
  extra: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ApiErrorData = z.infer<typeof ApiErrorDataSchema>;
