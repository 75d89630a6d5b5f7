import type { ApiErrorCode } from '@movie-generator/api-contract';
import { apiErrorOf } from '@movie-generator/api-contract/client';
import { TRPCClientError } from '@trpc/client';
import { formatClock, formatIn } from '../i18n/format.ts';
import type { Lang, Strings } from '../i18n/strings.ts';

export interface ErrorDescription {
  /** The API's stable code; 'NETWORK' when the server could not be reached or answered garbage. */
  code: ApiErrorCode | 'NETWORK' | 'UNKNOWN';
  title: string;
  body: string;
  /** A further line, e.g. when the daily limit resets. */
  note?: string;
  /** The moment the note names (shown in the viewer's zone; UTC in a tooltip). */
  noteAt?: Date;
}

/** What the user is told about an error from the API, in the UI language. Never raw JSON. */
export function describeError(error: unknown, lang: Lang, t: Strings, now = new Date()): ErrorDescription {
  const api = apiErrorOf(error);
  if (api) {
    const description: ErrorDescription = {
      code: api.appCode,
      title: t.errors.titles[api.appCode],
      body: api.messages[lang],
    };
    const resetsAt = api.extra?.resetsAt;
    if (api.appCode === 'QUOTA_EXCEEDED' && typeof resetsAt === 'string') {
      const at = new Date(resetsAt);
      if (!Number.isNaN(at.getTime())) {
        // The API's own message names the reset in UTC; the note names it in the viewer's zone.
        // One zone per message: the body says only that the limit is reached.
        description.body = t.errors.quotaBody;
        description.noteAt = at;
        description.note = t.errors.resetsAt(
          formatClock(at, lang, now),
          formatIn(at.getTime() - now.getTime(), t),
        );
      }
    }
    return description;
  }
  // A TRPCClientError without our data: fetch failed, or something other than our server answered
  // (a proxy's 502 page, a server restarting). Either way the user should try again shortly.
  if (error instanceof TRPCClientError) {
    return { code: 'NETWORK', title: t.errors.networkTitle, body: t.errors.networkBody };
  }
  return { code: 'UNKNOWN', title: t.errors.unknownTitle, body: t.errors.unknownBody };
}
