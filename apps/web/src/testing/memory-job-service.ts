import { randomBytes } from 'node:crypto';
import {
  ApiError,
  type JobCreateInput,
  type JobService,
  type JobView,
  jobSettingsOf,
  type QuotaView,
  type SystemInfo,
} from '@movie-generator/api-contract';
import { makeJob } from './fixtures.ts';

function nextUtcMidnight(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
}

/**
 * The API's JobService in memory, for component tests and screenshots: real quota and
 * cancellation rules, jobs the test puts in any state, and failures on demand.
 */
export class MemoryJobService implements JobService {
  readonly jobs = new Map<string, JobView>();
  readonly created: Array<{ input: JobCreateInput; clientIp: string }> = [];
  quotaLimit = 5;
  quotaUsed = 0;
  /** When set, every create() throws it (QUEUE_FULL, INVALID_URL, …). */
  createError: ApiError | null = null;
  /** When set, every call throws this plain Error: the router answers INTERNAL. */
  crash: Error | null = null;
  version = '0.1.0-test';

  put(job: JobView): JobView {
    this.jobs.set(job.id, job);
    return job;
  }

  update(id: string, patch: Partial<JobView>): JobView {
    const job = this.jobs.get(id);
    if (!job) throw new Error(`no job ${id}`);
    return this.put({ ...job, ...patch });
  }

  async create(input: JobCreateInput, clientIp: string): Promise<{ id: string }> {
    this.throwIfCrashed();
    this.created.push({ input, clientIp });
    if (this.createError) throw this.createError;
    if (this.quotaUsed >= this.quotaLimit) {
      throw new ApiError('QUOTA_EXCEEDED', { resetsAt: nextUtcMidnight(new Date()).toISOString() });
    }
    this.quotaUsed += 1;
    const id = randomBytes(18).toString('base64url');
    this.put(
      makeJob('pending', {
        id,
        url: input.url,
        ...jobSettingsOf(input),
        queuePosition: 1,
        etaSec: 90,
      }),
    );
    return { id };
  }

  async get(id: string): Promise<JobView | null> {
    this.throwIfCrashed();
    return this.jobs.get(id) ?? null;
  }

  async cancel(id: string): Promise<JobView | null> {
    this.throwIfCrashed();
    const job = this.jobs.get(id);
    if (!job) return null;
    if (job.status !== 'pending' && job.status !== 'processing') throw new ApiError('NOT_CANCELLABLE');
    return this.update(id, {
      status: 'cancelled',
      queuePosition: null,
      etaSec: null,
      completedAt: new Date().toISOString(),
    });
  }

  async quota(): Promise<QuotaView> {
    this.throwIfCrashed();
    return {
      limit: this.quotaLimit,
      used: Math.min(this.quotaUsed, this.quotaLimit),
      resetsAt: nextUtcMidnight(new Date()).toISOString(),
    };
  }

  async info(): Promise<SystemInfo> {
    this.throwIfCrashed();
    return {
      version: this.version,
      limits: {
        dailyJobsPerIp: this.quotaLimit,
        maxPendingJobs: 10,
        workerConcurrency: 2,
        retentionHours: 24,
        maxUrlLength: 2048,
      },
    };
  }

  private throwIfCrashed(): void {
    if (this.crash) throw this.crash;
  }
}
