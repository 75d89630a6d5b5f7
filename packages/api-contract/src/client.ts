import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { type ApiErrorData, ApiErrorDataSchema } from './errors.ts';
import type { AppRouter } from './root.ts';
import { MAX_BATCH_SIZE } from './schemas.ts';

/** A typed client for scripts and services: `await createClient('http://localhost:3000').job.get.query({ id })`. */
export function createClient(baseUrl: string, options: { headers?: Record<string, string> } = {}) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${baseUrl.replace(/\/$/, '')}/trpc`,
        headers: () => options.headers ?? {},
        maxItems: MAX_BATCH_SIZE,
      }),
    ],
  });
}
export type ApiClient = ReturnType<typeof createClient>;

/** The stable code and ja/en message of an API error, or null for network/unknown errors. */
export function apiErrorOf(error: unknown): ApiErrorData | null {
  if (!(error instanceof TRPCClientError)) return null;
  const parsed = ApiErrorDataSchema.safeParse(error.data);
  return parsed.success ? parsed.data : null;
}
