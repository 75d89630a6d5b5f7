/**
 * Why the jobs store refused a request. The codes are the API's (apps/server turns each into
 * the contract's ApiError of the same code), but the store knows nothing of the API.
 */
export type JobRefusal =
  /** The client used its jobs for today. */
  | 'QUOTA_EXCEEDED'
  /** Too many of the client's jobs today failed before any speech or rendering. */
  | 'FAILED_JOB_LIMIT'
  /** Every place in the queue is taken. */
  | 'QUEUE_FULL'
  /** The client's address is on the operators' block list. */
  | 'CLIENT_BLOCKED'
  /** The job has finished already. */
  | 'NOT_CANCELLABLE';

export class JobRefusedError extends Error {
  readonly code: JobRefusal;
  /** For the daily limits: when they reset (the next 00:00 UTC). */
  readonly resetsAt?: Date;

  constructor(code: JobRefusal, options: { resetsAt?: Date } = {}) {
    super(`job refused: ${code}`);
    this.name = 'JobRefusedError';
    this.code = code;
    if (options.resetsAt) this.resetsAt = options.resetsAt;
  }
}

export function isJobRefused(error: unknown, code?: JobRefusal): error is JobRefusedError {
  return error instanceof JobRefusedError && (code === undefined || error.code === code);
}
