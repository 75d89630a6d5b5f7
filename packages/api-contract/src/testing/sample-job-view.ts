import { type JobView, jobSettingsOf } from '../schemas.ts';

/**
 * A pending job's view as the API sends it, for tests: every field set, the settings being
 * job.create's defaults, then `overrides`.
 */
export function sampleJobView(overrides: Partial<JobView> = {}): JobView {
  return {
    id: 'abcdefghijklmnopqrstuvwx',
    url: 'https://example.com/a',
    status: 'pending',
    progress: 0,
    step: null,
    message: null,
    queuePosition: 1,
    etaSec: null,
    errorCode: null,
    errorMessage: null,
    title: null,
    videoUrl: null,
    posterUrl: null,
    captionsUrl: null,
    subtitlesUrl: null,
    videoSize: null,
    durationSec: null,
    ...jobSettingsOf({}),
    createdAt: new Date(0).toISOString(),
    startedAt: null,
    completedAt: null,
    expiresAt: new Date(86_400_000).toISOString(),
    ...overrides,
  };
}
