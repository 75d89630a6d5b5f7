import type { JobDocument } from '@movie-generator/jobs';
import type { PipelineOptions } from '@movie-generator/pipeline';

/** Pipeline options without the per-run parts (output path, work directory, signal, callbacks). */
export type SharedPipelineOptions = Omit<PipelineOptions, 'outPath'>;

/**
 * One job's pipeline options: the worker's shared ones (providers, limits, renderer) with what the
 * job asked for — its narration language (unless left to the article), size, orientation and
 * style (one narrator or a dialogue; the script options the worker set stay).
 */
export function jobPipelineOptions(
  job: Pick<JobDocument, 'language' | 'size' | 'vertical' | 'style'>,
  shared: SharedPipelineOptions,
): SharedPipelineOptions {
  return {
    ...shared,
    ...(job.language ? { language: job.language } : {}),
    size: job.size,
    vertical: job.vertical,
    script: { ...shared.script, style: job.style },
  };
}
