import type { ArtifactKind, StoredArtifacts, StoredVideo, VideoStore } from '@movie-generator/jobs';
import type { PipelineResult } from '@movie-generator/pipeline';
import type { Logger } from 'pino';

/** What a finished run put into the store. */
export interface StoredOutputs {
  video: StoredVideo;
  size: number;
  artifacts: StoredArtifacts;
  result: PipelineResult;
  /** Wall seconds the saving took (a stage of its own in the progress bands). */
  storeSec: number;
}

/** The files the pipeline writes beside the MP4, where it wrote them. */
function artifactPaths(result: PipelineResult): Record<ArtifactKind, string> {
  return { poster: result.posterPath, vtt: result.vttPath, srt: result.srtPath };
}

/**
 * Saves the MP4, then the poster and subtitle files. The video is what the job is for: a file
 * beside it that cannot be saved is logged and left out; the player then goes without it.
 */
export async function storeOutputs(
  jobId: string,
  result: PipelineResult,
  videoStore: VideoStore,
  log: Logger,
): Promise<StoredOutputs> {
  const started = performance.now();
  const saved = await videoStore.save(jobId, result.videoPath);
  const artifacts: StoredArtifacts = {};
  for (const [kind, path] of Object.entries(artifactPaths(result)) as [ArtifactKind, string][]) {
    try {
      artifacts[kind] = await videoStore.saveArtifact(jobId, kind, path);
    } catch (error) {
      log.warn({ err: error, artifact: kind }, 'job: could not store a file beside the video');
    }
  }
  return { ...saved, artifacts, result, storeSec: (performance.now() - started) / 1000 };
}

/** Removes everything `storeOutputs` saved (a job cancelled while it was saving). */
export async function removeOutputs(
  outputs: Pick<StoredOutputs, 'video' | 'artifacts'>,
  videoStore: VideoStore,
) {
  await videoStore.remove(outputs.video);
  for (const stored of Object.values(outputs.artifacts)) if (stored) await videoStore.remove(stored);
}
