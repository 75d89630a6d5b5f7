import { type JobStatus, JobView } from '@movie-generator/api-contract';
import { sampleJobView } from '@movie-generator/api-contract/testing';

/** A valid job id (the API's JobId format) built from a short name: "processing" → "job-processing00000000". */
export function fixtureId(name: string): string {
  return `job-${name}`.padEnd(22, '0');
}

const HOUR = 3600_000;

/**
 * A JobView in the given state, as the API would send it, checked against the API's own
 * schema. `now` anchors the times (expiry, start) so relative labels are predictable.
 */
export function makeJob(status: JobStatus, overrides: Partial<JobView> = {}, now = Date.now()): JobView {
  const id = overrides.id ?? fixtureId(status);
  const createdAt = new Date(now - 5 * 60_000).toISOString();
  const base = sampleJobView({
    id,
    url: 'https://example.com/articles/how-solar-panels-work',
    status,
    queuePosition: null,
    language: 'ja',
    createdAt,
    expiresAt: new Date(now + 24 * HOUR - 5 * 60_000).toISOString(),
  });
  const started = new Date(now - 2 * 60_000).toISOString();
  const byStatus: Record<JobStatus, Partial<JobView>> = {
    pending: {
      queuePosition: 2,
      etaSec: 240,
      message: { ja: '順番待ちです', en: 'Waiting in the queue' },
    },
    processing: {
      title: 'How solar panels work',
      step: 'audio',
      progress: 42,
      etaSec: 95,
      startedAt: started,
      message: { ja: '音声を生成中 (3/12)', en: 'Generating audio (3/12)' },
    },
    completed: {
      step: 'render',
      progress: 100,
      startedAt: started,
      completedAt: new Date(now - 30 * 60_000).toISOString(),
      // 23 h 30 min left: shown as "deleted in 23 h".
      expiresAt: new Date(now + 23.5 * HOUR).toISOString(),
      title: 'How solar panels work',
      videoUrl: `/videos/${id}.mp4`,
      posterUrl: `/videos/${id}.jpg`,
      captionsUrl: `/videos/${id}.vtt`,
      subtitlesUrl: `/videos/${id}.srt`,
      videoSize: 12_345_678,
      durationSec: 102,
      message: { ja: '完成しました', en: 'Done' },
    },
    failed: {
      step: 'audio',
      progress: 31,
      startedAt: started,
      completedAt: new Date(now - 60_000).toISOString(),
      errorCode: 'AUDIO_FAILED',
      errorMessage: {
        ja: '音声の生成に失敗しました。しばらくしてから再度お試しください。',
        en: 'Audio generation failed. Please try again later.',
      },
    },
    cancelled: {
      step: 'script',
      progress: 12,
      startedAt: started,
      completedAt: new Date(now - 60_000).toISOString(),
    },
  };
  return JobView.parse({ ...base, ...byStatus[status], ...overrides });
}
