import type { JobCreateInput, JobView, QuotaView, SystemInfo } from './schemas.ts';

/**
 * What the router needs from the server. apps/server implements it over MongoDB; tests may
 * implement it in memory. Methods throw ApiError for expected failures.
 */
export interface JobService {
  create(input: JobCreateInput, clientIp: string): Promise<{ id: string }>;
  /** null when unknown or expired. */
  get(id: string): Promise<JobView | null>;
  /** null when unknown; ApiError NOT_CANCELLABLE when already finished. */
  cancel(id: string): Promise<JobView | null>;
  quota(clientIp: string): Promise<QuotaView>;
  info(): Promise<SystemInfo>;
}

export interface ApiContext {
  jobs: JobService;
  /** The client's address as the server determined it (trusted proxies only). */
  clientIp: string;
}
