/**
 * Why the policy refused a URL. INVALID_URL and BLOCKED_ADDRESS are the users' errors (their
 * messages live in `@movie-generator/api-contract`'s API_ERRORS); LOOKUP_FAILED means the host
 * name did not resolve (the pipeline reports it as FETCH_FAILED).
 */
export type UrlPolicyErrorCode = 'INVALID_URL' | 'BLOCKED_ADDRESS' | 'LOOKUP_FAILED';

export interface UrlPolicyErrorOptions {
  /** Internal detail for logs; never shown to users. */
  detail?: string;
  /** True when asking again may succeed (a resolver that failed, not a name that does not exist). */
  transient?: boolean;
  cause?: unknown;
}

/** Thrown by the checks of this package; the server and the pipeline turn it into their own errors. */
export class UrlPolicyError extends Error {
  readonly code: UrlPolicyErrorCode;
  readonly detail: string | undefined;
  readonly transient: boolean;

  constructor(code: UrlPolicyErrorCode, options: UrlPolicyErrorOptions = {}) {
    super(options.detail ? `${code}: ${options.detail}` : code, { cause: options.cause });
    this.name = 'UrlPolicyError';
    this.code = code;
    this.detail = options.detail;
    this.transient = options.transient ?? false;
  }
}
