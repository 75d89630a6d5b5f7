import { initTRPC, TRPCError } from '@trpc/server';
import type { ApiContext } from './context.ts';
import { API_ERRORS, ApiError, type ApiErrorCode, type ApiErrorData, apiErrorMessage } from './errors.ts';

/** The input fields validation refused (top-level names, in order); none when the input was no object. */
function refusedFields(cause: unknown): string[] {
  const issues = (cause as { issues?: { path?: PropertyKey[] }[] } | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  const fields = issues.map((issue) => issue.path?.[0]).filter((f): f is string => typeof f === 'string');
  return [...new Set(fields)];
}

/** True when input validation failed on the `url` field alone (what the web form itself checks). */
function onlyUrlIssues(cause: unknown): boolean {
  const issues = (cause as { issues?: { path?: PropertyKey[] }[] } | undefined)?.issues;
  return Array.isArray(issues) && issues.length > 0 && issues.every((issue) => issue.path?.[0] === 'url');
}

function apiErrorData(error: TRPCError, path: string | undefined, httpStatus: number): ApiErrorData {
  const cause = error.cause;
  const data = (code: ApiErrorCode): ApiErrorData => ({ appCode: code, messages: apiErrorMessage(code) });
  if (cause instanceof ApiError) return { ...data(cause.code), extra: cause.extra };
  if (error.code === 'BAD_REQUEST' || error.code === 'PARSE_ERROR') {
    // A malformed job id is answered like an unknown one: nothing to learn from probing ids.
    if (path === 'job.get' || path === 'job.cancel') return data('NOT_FOUND');
    // A bad URL is the user's to fix; any other bad input (wrong types, malformed JSON, a
    // malformed batch) came from a broken or hostile client, and "the URL is not valid" would mislead.
    if (path === 'job.create' && onlyUrlIssues(cause)) return data('INVALID_URL');
    // The refused fields are named (`extra.fields`, e.g. "style"): they are the contract's own names.
    const fields = refusedFields(cause);
    return fields.length > 0
      ? { ...data('INVALID_INPUT'), extra: { fields: fields.join(',') } }
      : data('INVALID_INPUT');
  }
  // Every other client error (an unknown procedure, a wrong method or content type, a body or
  // batch too large) is the request's fault, not the server's.
  return data(httpStatus < 500 ? 'INVALID_INPUT' : 'INTERNAL');
}

const t = initTRPC.context<ApiContext>().create({
  errorFormatter({ shape, error, path }) {
    const app = apiErrorData(error, path, shape.data.httpStatus);
    return {
      ...shape,
      // Internal details (stack, zod issues of server bugs) never reach clients.
      message: app.appCode === 'INTERNAL' ? API_ERRORS.INTERNAL.en : app.messages.en,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, ...app },
    };
  },
});

/** Turns ApiErrors thrown by the JobService into TRPCErrors with the right code. */
const apiErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof ApiError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: API_ERRORS[cause.code].trpc, message: cause.message, cause });
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(apiErrors);
