import type { LocalizedText } from '@movie-generator/pipeline';

/** Progress messages the worker itself shows (the pipeline's stages bring their own). */
export const workerMsg = {
  starting: { ja: '処理を開始しています', en: 'Starting' },
  retrying: (retry: number, of: number): LocalizedText => ({
    ja: `一時的なエラーが発生したため再試行しています (${retry}/${of})`,
    en: `A temporary error occurred; retrying (${retry}/${of})`,
  }),
  saving: { ja: '動画を保存しています', en: 'Saving the video' },
  restarting: {
    ja: 'ワーカーが停止したため、別のワーカーでやり直します',
    en: 'The worker stopped; the job will start over on another worker',
  },
} as const;
